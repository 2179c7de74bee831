"""The indicators the case apps keep: open arrears reports with the amount still owed (arrears) and disputes
with the collective ones among them (mediation), per enterprise since a date. One function per source, each
one GROUP BY in its app, so the recompute never reads a case row itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gonghui.rights.arrears.selectors import arrears_counts
from gonghui.rights.mediation.selectors import dispute_counts


def arrears_by_enterprise(since: dt.date) -> dict[int, tuple[int, Decimal]]:
    """enterprise id -> (open arrears reports, amount still owed on them, in yuan)."""
    return {pk: (int(n), max(Decimal(owed or 0), Decimal(0))) for pk, (n, owed) in arrears_counts(since).items()}


def disputes_by_enterprise(since: dt.date) -> dict[int, tuple[int, int]]:
    """enterprise id -> (disputes received, collective disputes among them)."""
    return {pk: (int(n), int(collective)) for pk, (n, collective) in dispute_counts(since).items()}

"""The indicators the case apps keep: open arrears reports with the amount owed (arrears) and disputes with
the collective ones among them (mediation), per enterprise since a date. One function per source, each one
GROUP BY in its app, so the recompute never reads a case row itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def arrears_by_enterprise(since: dt.date) -> dict[int, tuple[int, Decimal]]:
    """enterprise id -> (open arrears reports, amount owed in yuan)."""
    try:
        from gonghui.rights.arrears.selectors import arrears_counts
    except ImportError:  # the arrears app is being written; until then it reports nothing
        return {}
    return {k: (int(n), Decimal(amount or 0)) for k, (n, amount) in arrears_counts(since).items()}


def disputes_by_enterprise(since: dt.date) -> dict[int, tuple[int, int]]:
    """enterprise id -> (disputes, collective disputes among them)."""
    try:
        from gonghui.rights.mediation.selectors import dispute_counts
    except ImportError:  # the mediation app is being written; until then it reports nothing
        return {}
    return {k: (int(n), int(collective)) for k, (n, collective) in dispute_counts(since).items()}

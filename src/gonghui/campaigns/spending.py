"""What campaigns have spent, for the campaign list's 超出预算 filter (the dashboard's alert links to it).

What was given is the ledger's (approved payouts), and the ledger sits above campaigns (DESIGN.md's layers): it
hands its filter in at start-up (`overspent_filter_set`, from ledger.apps), as it does its figures' reader
(campaigns.figures.paid_reader_set). Without it no campaign is known to have spent anything.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from gonghui.campaigns.models import Campaign

OverspentFilter = Callable[[QuerySet[Campaign]], QuerySet[Campaign]]
_filters: list[OverspentFilter] = []


def overspent_filter_set(narrow: OverspentFilter) -> None:
    """Called by the ledger at start-up; setting it again replaces it (safe on reload)."""
    _filters[:] = [narrow]


def overspent(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """The campaigns with a budget whose approved payouts (money plus goods at their value) exceed it."""
    return _filters[0](campaigns) if _filters else campaigns.none()

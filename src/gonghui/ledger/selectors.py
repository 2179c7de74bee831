"""Reads of the ledger: payouts are seen by those who make them (ASSISTANCE) and those who check them (FINANCE)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from gonghui.campaigns.models import Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require, scope_for

ZERO = Decimal("0.00")


def require_money_role(user: Any, org: Any) -> None:
    """404 outside the user's view; 403 unless they make (ASSISTANCE) or check (FINANCE) payouts here."""
    require(user, org, Perm.VIEW)
    if not (can(user, Perm.ASSISTANCE, org) or can(user, Perm.FINANCE, org)):
        raise PermissionDenied


def _money_scope(user: Any) -> Q:
    """Payouts are seen by those who make them (ASSISTANCE) and those who check them (FINANCE)."""
    return scope_for(user, Perm.ASSISTANCE).q("org__") | scope_for(user, Perm.FINANCE).q("org__")


@dataclass(frozen=True)
class PayoutFilters:
    """What the payout list narrows to; a figure's drill-down gives the union, the status and the period."""

    campaign: int | None = None
    status: str = ""
    under: OrgNode | None = None
    paid_from: dt.date | None = None  # 发放日期, as the figures count a period's payouts
    paid_to: dt.date | None = None
    kind: str = ""
    in_campaign: bool = False  # made in a campaign (四季送, 专项慰问)
    campaign_kind: str = ""  # made in a campaign of this kind


def payouts_for(user: Any, filters: PayoutFilters | None = None) -> QuerySet[Payout]:
    """Payouts the user makes or checks, newest first, narrowed by `filters`."""
    f = filters or PayoutFilters()
    payouts = Payout.objects.filter(_money_scope(user)).select_related("org", "person", "enterprise", "campaign")
    if f.campaign is not None:
        payouts = payouts.filter(campaign_id=f.campaign)
    if f.status:
        payouts = payouts.filter(status=f.status)
    if f.under is not None:
        payouts = payouts.filter(org__path__startswith=f.under.path)
    if f.paid_from is not None:
        payouts = payouts.filter(paid_on__gte=f.paid_from)
    if f.paid_to is not None:
        payouts = payouts.filter(paid_on__lte=f.paid_to)
    if f.kind:
        payouts = payouts.filter(kind=f.kind)
    if f.in_campaign:
        payouts = payouts.filter(campaign__isnull=False)
    if f.campaign_kind:
        payouts = payouts.filter(campaign__kind=f.campaign_kind)
    return payouts.order_by("-paid_on", "-pk")


@dataclass(frozen=True)
class PayoutTotals:
    payouts: int
    value: Decimal  # money plus goods at their value, as the figures' 发放金额
    goods: Decimal
    people: int  # distinct people helped
    enterprises: int


def payout_totals(payouts: QuerySet[Payout]) -> PayoutTotals:
    """What a list of payouts adds up to, in one query: the numbers the 帮扶发放 figures show for it."""
    t = payouts.order_by().aggregate(
        n=Count("pk"),
        value=Sum(F("amount") + F("goods_value"), output_field=DecimalField(max_digits=16, decimal_places=2)),
        goods=Sum("goods_value"),
        people=Count("person", distinct=True),
        enterprises=Count("enterprise", distinct=True),
    )
    return PayoutTotals(t["n"], _cents(t["value"]), _cents(t["goods"]), t["people"], t["enterprises"])


def _cents(value: Decimal | None) -> Decimal:
    # SQLite sums decimals in floating point (64999.9999999995): the ledger is kept in cents.
    return (value or ZERO).quantize(ZERO)


def payout_get_for(user: Any, pk: int) -> Payout:
    payout = get_object_or_404(Payout.objects.select_related("org", "person", "enterprise", "campaign"), pk=pk)
    require_money_role(user, payout.org)
    return payout


def overspent_among(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """Those of `campaigns` with a budget that their approved payouts (money plus goods at their value) exceed,
    as the dashboard's alert counts them; handed to campaigns.spending at start-up (campaigns sits below)."""
    over_budget = (
        Payout.objects.filter(status=PayoutStatus.APPROVED, campaign__budget__gt=0)
        .order_by()
        .values("campaign")
        .annotate(spent=Sum(F("amount") + F("goods_value")))
        .filter(spent__gt=F("campaign__budget"))
        .values("campaign")
    )
    return campaigns.filter(budget__gt=0, pk__in=over_budget)

"""Campaign reads: lists through the scope, and the coverage and reconciliation figures.

Only approved payouts count. Every total is one aggregate query over the ledger, so a campaign's
page, its export and its API give the same figures, and they reconcile: the sum by kind, by fund
and by child union each equal the campaign total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce, Substr
from django.shortcuts import get_object_or_404

from gonghui.assistance.choices import PayoutStatus
from gonghui.assistance.models import Payout
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

ZERO = Decimal("0.00")


def campaigns_for(user: Any, *, kind: str = "", year: int | None = None) -> QuerySet[Campaign]:
    campaigns = scope_for(user, Perm.VIEW).filter(Campaign.objects.select_related("org"))
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if year:
        campaigns = campaigns.filter(year=year)
    return campaigns


def campaigns_covering(org: OrgNode, *, since_year: int = 0) -> QuerySet[Campaign]:
    """Campaigns run by `org` or a union above it: those a payout made in `org` may belong to.

    Callers have checked the user may work in `org`; a grassroots cadre pays within the town's campaign
    without seeing the town's other business.
    """
    ancestors = [org.path[:end] for end in range(OrgNode.steplen, len(org.path) + 1, OrgNode.steplen)]
    return Campaign.objects.filter(org__path__in=ancestors, year__gte=since_year).select_related("org")


def campaign_get_for(user: Any, pk: int) -> Campaign:
    campaign = get_object_or_404(Campaign.objects.select_related("org"), pk=pk)
    require(user, campaign.org, Perm.VIEW)
    return campaign


def beneficiaries_for(user: Any, campaign: Campaign) -> QuerySet[Beneficiary]:
    """The campaign's list where the user does assistance work (names of people in hardship are not for all)."""
    rows = Beneficiary.objects.filter(campaign=campaign).select_related("person", "org")
    return scope_for(user, Perm.ASSISTANCE).filter(rows).order_by("org__path", "pk")


@dataclass
class Totals:
    people: int = 0
    enterprises: int = 0
    payouts: int = 0
    money: Decimal = ZERO
    goods: Decimal = ZERO

    @property
    def value(self) -> Decimal:
        return self.money + self.goods


@dataclass
class Coverage:
    campaign: Campaign
    beneficiaries: int
    total: Totals
    by_kind: dict[str, Totals] = field(default_factory=dict)
    by_fund: dict[str, Totals] = field(default_factory=dict)
    by_child: list[tuple[OrgNode, int, Totals]] = field(default_factory=list)  # (child, beneficiaries, paid)

    @property
    def budget_used(self) -> Decimal | None:
        budget = self.campaign.budget
        return (self.total.value / budget * 100).quantize(Decimal("0.1")) if budget else None

    @property
    def reconciles(self) -> bool:
        """The ledger's parts by kind and by fund add up to its whole, which equals the reported figure if any.

        Child unions are not a part: payouts the root union makes itself belong to none of them.
        """
        whole = self.total.value
        parts_add_up = all(
            sum((t.value for t in part.values()), ZERO) == whole for part in (self.by_kind, self.by_fund)
        )
        reported = self.campaign.reported_total
        return parts_add_up and (reported is None or reported == whole)


def _sums() -> dict[str, Any]:
    """The figures every coverage total holds, as aggregates over approved payouts."""
    return {
        "people": Count("person", distinct=True),
        "enterprises": Count("enterprise", distinct=True),
        "payouts": Count("pk"),
        "money": Coalesce(Sum("amount"), ZERO),
        "goods": Coalesce(Sum("goods_value"), ZERO),
    }


def _grouped(rows: QuerySet[Payout], key: str) -> dict[str, Totals]:
    return {g.pop(key): Totals(**g) for g in rows.values(key).annotate(**_sums())}


def campaign_coverage(user: Any, campaign: Campaign, *, under: OrgNode | None = None) -> Coverage:
    """Coverage of `campaign` within `under` (default: the campaign's org), by kind, fund and child union."""
    root = under or campaign.org
    require(user, root, Perm.VIEW)
    paid = Payout.objects.filter(campaign=campaign, status=PayoutStatus.APPROVED, org__path__startswith=root.path)
    children = list(OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("path"))
    width = len(root.path) + OrgNode.steplen
    by_child_paid = _grouped(paid.annotate(prefix=Substr("org__path", 1, width)), "prefix")
    people = Beneficiary.objects.filter(campaign=campaign, org__path__startswith=root.path)
    by_child_people = {
        g["prefix"]: g["n"]
        for g in people.annotate(prefix=Substr("org__path", 1, width)).values("prefix").annotate(n=Count("pk"))
    }
    by_child = [
        (child, by_child_people.get(child.path, 0), by_child_paid.get(child.path, Totals())) for child in children
    ]
    return Coverage(
        campaign=campaign,
        beneficiaries=people.count(),
        total=Totals(**paid.aggregate(**_sums())),
        by_kind=_grouped(paid, "kind"),
        by_fund=_grouped(paid, "fund"),
        by_child=by_child,
    )

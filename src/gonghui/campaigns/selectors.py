"""Campaign reads: lists through the scope, and the coverage and reconciliation figures.

Only approved payouts count. Every total is one aggregate query over the ledger, so a campaign's
page, its export and its API give the same figures, and they reconcile: the sum by kind, by fund
and by child union each equal the campaign total.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
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
class Money:
    payouts: int = 0
    money: Decimal = ZERO
    goods: Decimal = ZERO

    @property
    def value(self) -> Decimal:
        return self.money + self.goods

    def add(self, payouts: int, money: Decimal, goods: Decimal) -> None:
        # SQLite sums decimals in floating point (64999.9999999995): the ledger is kept in cents.
        self.payouts += payouts
        self.money += money.quantize(ZERO)
        self.goods += goods.quantize(ZERO)


@dataclass
class Totals(Money):
    """Money plus the people and enterprises it reached."""

    people: int = 0
    enterprises: int = 0


@dataclass
class Coverage:
    campaign: Campaign
    beneficiaries: int
    total: Totals
    by_kind: dict[str, Money] = field(default_factory=dict)
    by_fund: dict[str, Money] = field(default_factory=dict)
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


COVERAGE_SECONDS = 3600


def campaign_coverage(user: Any, campaign: Campaign, *, under: OrgNode | None = None) -> Coverage:
    """Coverage of `campaign` within `under` (default: the campaign's org), by kind, fund and child union.

    Cached under the campaign's ledger version, which every approval and list change bumps, so a page
    shows the ledger as it is and the figures are computed once per change, not once per view.
    """
    root = under or campaign.org
    require(user, root, Perm.VIEW)
    key = f"campaign-coverage:{campaign.pk}:{root.pk}:{campaign.ledger_version}"
    coverage: Coverage | None = cache.get(key)
    if coverage is None:
        coverage = _coverage(campaign, root)
        cache.set(key, coverage, COVERAGE_SECONDS)
    coverage.campaign = campaign  # budget and reported total are read live
    return coverage


def _coverage(campaign: Campaign, root: OrgNode) -> Coverage:
    """Grouped scans of the ledger and the list, none joined to the org tree.

    Money per (kind, fund); money and people per union, rolled up here to child unions through one read
    of the unions' paths. A person paid by two unions under one child counts once for each of them in
    that child's figure; the campaign total counts each person once.
    """
    paid = Payout.objects.filter(campaign=campaign, status=PayoutStatus.APPROVED).order_by()
    listed = Beneficiary.objects.filter(campaign=campaign).order_by()
    if root.pk != campaign.org_id:  # payouts and lists of a campaign all lie in its org's subtree
        subtree = OrgNode.objects.filter(path__startswith=root.path).values("pk")
        paid, listed = paid.filter(org__in=subtree), listed.filter(org__in=subtree)
    money, goods = Coalesce(Sum("amount"), ZERO), Coalesce(Sum("goods_value"), ZERO)
    by_kind_fund = (
        paid.values("kind", "fund").annotate(n=Count("pk"), m=money, g=goods).values_list("kind", "fund", "n", "m", "g")
    )
    per_org = (
        paid.values("org_id")
        .annotate(
            n=Count("pk"), m=money, g=goods, p=Count("person", distinct=True), e=Count("enterprise", distinct=True)
        )
        .values_list("org_id", "n", "m", "g", "p", "e")
    )
    per_org_listed = dict(listed.values("org_id").annotate(n=Count("pk")).values_list("org_id", "n"))
    reached = paid.aggregate(people=Count("person", distinct=True), enterprises=Count("enterprise", distinct=True))
    total = Totals(**reached)
    by_kind: dict[str, Money] = defaultdict(Money)
    by_fund: dict[str, Money] = defaultdict(Money)
    for kind, fund, count, amount, goods in by_kind_fund:
        for bucket in (total, by_kind[kind], by_fund[fund]):
            bucket.add(count, amount, goods)
    orgs = list(per_org)
    child_of = _child_paths(root, {row[0] for row in orgs} | set(per_org_listed))
    by_child: dict[str, Totals] = defaultdict(Totals)
    for org_id, count, amount, goods, people, enterprises in orgs:
        if org_id in child_of:
            bucket = by_child[child_of[org_id]]
            bucket.add(count, amount, goods)
            bucket.people += people
            bucket.enterprises += enterprises
    listed_by_child: dict[str, int] = defaultdict(int)
    for org_id, n in per_org_listed.items():
        if org_id in child_of:
            listed_by_child[child_of[org_id]] += n
    children = OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("path")
    return Coverage(
        campaign=campaign,
        beneficiaries=sum(per_org_listed.values()),
        total=total,
        by_kind=dict(by_kind),
        by_fund=dict(by_fund),
        by_child=[(c, listed_by_child.get(c.path, 0), by_child.get(c.path, Totals())) for c in children],
    )


def _child_paths(root: OrgNode, org_ids: set[int]) -> dict[int, str]:
    """For each union below `root`, the path of the child of `root` it lies under."""
    width = len(root.path) + OrgNode.steplen
    paths = OrgNode.objects.filter(path__startswith=root.path, depth__gt=root.depth).values_list("pk", "path")
    return {pk: path[:width] for pk, path in paths.iterator(chunk_size=5000) if pk in org_ids}

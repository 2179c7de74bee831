"""A campaign's coverage and reconciliation figures, read from its tallies (`ledger.tallies`).

Only approved payouts count. The tallies are kept in step with the ledger by each approval, so a
campaign's page, its export and its API give the same figures, and they reconcile: the sums by kind,
by fund and by child union each add up to the campaign total.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet, Sum
from django.db.models.functions import Substr

from gonghui.campaigns.models import Campaign
from gonghui.ledger.models import Tally
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

ZERO = Decimal("0.00")
# Cache keys carry a version of their own: a pickled Coverage names its module, which moved here.


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
    def over_budget(self) -> bool:
        return bool(self.campaign.budget) and self.total.value > self.campaign.budget

    @property
    def reconciles(self) -> bool:
        """The ledger's parts by kind and by fund add up to its whole, which equals the reported figure if any.

        The rows by union (the host's own first, then its children) add up to the whole as well.
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
    key = f"campaign-coverage2:{campaign.pk}:{root.pk}:{campaign.ledger_version}"
    coverage: Coverage | None = cache.get(key)
    if coverage is None:
        coverage = _coverage(campaign, root)
        cache.set(key, coverage, COVERAGE_SECONDS)
    coverage.campaign = campaign  # budget and reported total are read live
    return coverage


def _coverage(campaign: Campaign, root: OrgNode) -> Coverage:
    """Sums of the campaign's tallies within `root`, rolled up to its child unions in the same query.

    People are counted once in the campaign, at the union that reached them first, so the child unions'
    figures add up to the total (less what `root` paid itself). List counts change seldom and are
    cached apart, so a view after an approval reads only the money rows.
    """
    width = len(root.path) + OrgNode.steplen
    rows = (
        _within(campaign, root, width)
        .exclude(kind="")
        .values("child", "kind", "fund")
        .annotate(n=Sum("payouts"), m=Sum("money"), g=Sum("goods"), p=Sum("people"), e=Sum("enterprises"))
        .values_list("child", "kind", "fund", "n", "m", "g", "p", "e")
    )
    total = Totals()
    by_kind: dict[str, Money] = defaultdict(Money)
    by_fund: dict[str, Money] = defaultdict(Money)
    by_child: dict[str, Totals] = defaultdict(Totals)  # `root`'s own rows under its own path (shorter)
    for child, kind, fund, count, amount, goods, people, enterprises in rows:
        own = by_child[child]
        for bucket in (total, own):
            bucket.add(count, amount, goods)
            bucket.people += people
            bucket.enterprises += enterprises
        by_kind[kind].add(count, amount, goods)
        by_fund[fund].add(count, amount, goods)
    listed = _listed(campaign, root, width)
    children = list(OrgNode.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("path"))
    if root.path in by_child or listed.get(root.path):  # what the host union paid or listed itself: 本级
        children.insert(0, root)
    return Coverage(
        campaign=campaign,
        beneficiaries=sum(listed.values()),
        total=total,
        by_kind=dict(by_kind),
        by_fund=dict(by_fund),
        by_child=[(c, listed.get(c.path, 0), by_child.get(c.path, Totals())) for c in children],
    )


def _within(campaign: Campaign, root: OrgNode, width: int) -> QuerySet[Any]:  # annotated with `child`
    """The campaign's tally rows in `root`'s subtree, each with `child`: the path of its child of `root`."""
    rows = Tally.objects.filter(campaign=campaign, org__path__startswith=root.path)
    return rows.annotate(child=Substr("org__path", 1, width))


def _listed(campaign: Campaign, root: OrgNode, width: int) -> dict[str, int]:
    """How many listed people lie under each child of `root` (`root`'s own under its path)."""
    key = f"campaign-listed2:{campaign.pk}:{root.pk}:{campaign.list_version}"
    listed: dict[str, int] | None = cache.get(key)
    if listed is None:
        rows = _within(campaign, root, width).filter(kind="").values("child").annotate(n=Sum("listed"))
        listed = {child: n for child, n in rows.values_list("child", "n") if n}
        cache.set(key, listed, COVERAGE_SECONDS)
    return listed

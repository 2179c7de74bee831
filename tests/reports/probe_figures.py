"""A registry of probe figures for the reports tests, in place of the domains' (which other tests cover): its
numbers are counted by hand from the fixtures, whatever figures the domains register.

`probe` (periodic) counts joins by `applied_at` in the period (SUM, with a target per union code), the people
with any membership under the union (RECOUNT), ¥0.50 per join (an amount) and joins per person (a share);
`probe_yearly` (by year only) counts the union bodies under the union; one trend counts joins by month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common import figures as registry
from gonghui.common.figures import Figure, FigureGroup, Period, Rollup, Trend, figure_link, share
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.reports.catalogue import figure_catalogue
from tests.factories import Tree, make_member, today

DEFINITIONS = {
    "probe_joins": "本期申请入会的人数（按申请时间）。",
    "probe_people": "本会及下级工会有会籍记录的人数（一人只计一次）。",
    "probe_amount": "每名新会员五角钱的测试金额（元）。",
    "probe_share": "新入会人数占有会籍记录人数的百分比。",
    "probe_unions": "本会及下级的工会组织个数。",
}


@dataclass
class Probe:
    """What the probe figures read besides the records: targets by union code, and a switch that makes one
    union's count fail (a refresh dying half-way)."""

    targets: dict[str, int] = field(default_factory=dict)
    fail_for: set[str] = field(default_factory=set)
    per_kind: bool = False  # the yearly group also names one figure per kind of union on record (unlisted)
    calls: list[tuple[str, str]] = field(default_factory=list)  # (union code, period kind) of every count

    def joins(self, org: Any, period: Period) -> list[Figure]:
        self.calls.append((org.code, period.kind))
        if org.code in self.fail_for:
            raise RuntimeError(f"probe count failed for {org.code}")
        under = Membership.objects.filter(org__path__startswith=org.path)
        joins = under.filter(applied_at__date__range=(period.start, period.end)).count()
        people = under.values("person_id").distinct().count()
        link = figure_link("members:list", org, year=period.year)
        return [
            Figure("probe_joins", "测试新入会", joins, "人", link, DEFINITIONS["probe_joins"], Rollup.SUM,
                   self.targets.get(org.code)),
            Figure("probe_people", "测试会员", people, "人", link, DEFINITIONS["probe_people"], Rollup.RECOUNT),
            Figure("probe_amount", "测试金额", Decimal("0.50") * joins, "元", link, DEFINITIONS["probe_amount"]),
            Figure("probe_share", "测试占比", share(joins, people), "%", link, DEFINITIONS["probe_share"],
                   Rollup.RECOUNT),
        ]  # fmt: skip

    def unions(self, org: Any, year: int) -> list[Figure]:
        under = OrgNode.objects.filter(path__startswith=org.path)
        link = figure_link("orgs:tree", org)
        figures = [
            Figure("probe_unions", "测试工会数", under.count(), "个", link, DEFINITIONS["probe_unions"], Rollup.RECOUNT)
        ]
        if self.per_kind:
            kinds = Counter(under.values_list("kind", flat=True))
            for kind in sorted(kinds):
                figures.insert(
                    0, Figure(f"probe_kind_{kind}", f"测试{kind}", kinds[kind], "个", link, "按类型。", Rollup.RECOUNT)
                )
        return figures

    def monthly(self, org: Any, year: int) -> dict[int, int | Decimal]:
        when = Membership.objects.filter(org__path__startswith=org.path, applied_at__year=year)
        return dict(Counter(timezone.localtime(at).month for at in when.values_list("applied_at", flat=True)))


@pytest.fixture(name="probe")
def probe_fixture(db: None, monkeypatch: pytest.MonkeyPatch) -> Probe:
    """Only the probe figures and trend are registered for the test."""
    state = Probe()
    groups = {
        "probe": FigureGroup("probe", "测试分组", state.joins, order=1, periodic=True),
        "probe_yearly": FigureGroup("probe_yearly", "测试年度分组", state.unions, order=2),
    }
    monkeypatch.setattr(registry, "FIGURE_GROUPS", groups)
    trend = Trend("probe_joins_monthly", "测试月度入会", "人", "按月统计的申请入会人数。", state.monthly)
    monkeypatch.setattr(registry, "TRENDS", {trend.key: trend})
    figure_catalogue()  # gathered once per process in production: here before the test counts anything
    state.calls.clear()
    return state


def join(org: OrgNode, seq: int, day: dt.date, *, person: Any = None) -> Membership:
    """A member of `org` who applied at noon on `day` (a second, ended membership when `person` is given)."""
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    if person is None:
        membership = make_member(org, seq)
        Membership.objects.filter(pk=membership.pk).update(applied_at=at)
        return membership
    return Membership.objects.create(
        person=person, org=org, status=MembershipStatus.LEFT, source="cadre", applied_at=at, member_no=f"L{seq}"
    )


# The records the reports tests count by hand: last year (Y), so every period in them has ended.
#
#     商南县总工会 (county)      1 join on Y-03-01
#     ├── 城关基层工会 (union)    2 joins on Y-03-10, 1 on Y-04-02
#     └── 富水基层工会 (other)    1 join on Y-03-20; the union's first member left it (joined there in Y-2)
#     泰安市总工会 (stranger)     1 join on Y-03-15, never counted under the county
#
# county: joins 5, people 5 (the one in both unions once), amount ¥2.50; union 3 / 3; other 1 / 2 (share 50.0).


@dataclass
class Fixture:
    tree: Tree
    year: int
    first: Any  # the union's first member, who also left the other union


@pytest.fixture(name="counted")
def counted_fixture(tree: Tree, probe: Probe) -> Fixture:
    year = today().year - 1
    first = join(tree.union, 1, dt.date(year, 3, 10))
    join(tree.union, 2, dt.date(year, 3, 10))
    join(tree.union, 3, dt.date(year, 4, 2))
    join(tree.other, 4, dt.date(year, 3, 20))
    join(tree.other, 5, dt.date(year - 2, 6, 1), person=first.person)
    join(tree.county, 6, dt.date(year, 3, 1))
    join(tree.stranger, 7, dt.date(year, 3, 15))
    return Fixture(tree=tree, year=year, first=first)

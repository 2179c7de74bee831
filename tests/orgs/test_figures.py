"""组织建设 figures: union bodies by kind at a period's end, new unions, 建会企业, for a subtree and a period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.orgs.figures import orgs_figures
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.reports.periods import month_period, quarter_period, to_date_period, year_period
from tests.factories import EnterpriseFactory, make_org, today
from tests.orgs.figures_fixtures import FigureTree, figure_tree


@pytest.fixture
def bodies(db: None) -> FigureTree:
    """Set up (成立日期): the federations years ago; a on 15 March; b the year before; s on 1 June; under the
    county a joint union on 1 July, an inactive union the year before and one registered today without a date;
    a 工会小组 under a on 1 April. Enterprises registered on 1 February: two of a's (100 and 50 workers), one
    of s's (70)."""
    t = figure_tree()
    y = t.year
    dates = {t.city: dt.date(y - 5, 1, 1), t.county: dt.date(y - 5, 1, 1), t.sibling: dt.date(y - 5, 1, 1)}
    dates |= {t.a: dt.date(y, 3, 15), t.b: dt.date(y - 1, 6, 1), t.s: dt.date(y, 6, 1)}
    for org, day in dates.items():
        OrgNode.objects.filter(pk=org.pk).update(established_on=day)
    joint = make_org("联合基层工会", parent=t.county, kind=OrgKind.JOINT)
    closed = make_org("已撤销基层工会", parent=t.county)
    make_org("今天登记的基层工会", parent=t.county)
    group = make_org("一班组", parent=t.a, kind=OrgKind.GROUP)
    OrgNode.objects.filter(pk=joint.pk).update(established_on=dt.date(y, 7, 1))
    OrgNode.objects.filter(pk=closed.pk).update(established_on=dt.date(y - 1, 1, 1), is_active=False)
    OrgNode.objects.filter(pk=group.pk).update(established_on=dt.date(y, 4, 1))
    EnterpriseFactory(union=t.a, employee_count=100)
    EnterpriseFactory(union=t.a, employee_count=50)
    EnterpriseFactory(union=t.s, employee_count=70)
    registered = timezone.make_aware(dt.datetime(y, 2, 1, 9))
    Enterprise.objects.update(created_at=registered)
    return t


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in orgs_figures(org, period)}


def test_bodies_standing_at_the_end_of_a_year_by_kind(bodies: FigureTree) -> None:
    year = values(bodies.county, year_period(bodies.year))
    # The county, a, b and the joint union; not the group, the inactive union nor today's.
    assert (year["orgs_total"], year["orgs_grassroots"]) == (4, 3)
    assert (year["orgs_kind_fed_county"], year["orgs_kind_grassroots"], year["orgs_kind_joint"]) == (1, 2, 1)
    assert (year["orgs_kind_group"], year["orgs_kind_fed_city"]) == (1, 0)
    assert (year["orgs_new"], year["orgs_new_grassroots"]) == (2, 2)  # a and the joint union
    city = values(bodies.city, year_period(bodies.year))
    assert (city["orgs_total"], city["orgs_new"]) == (7, 3)  # with the sibling county and s


def test_quarters_and_months(bodies: FigureTree) -> None:
    q1 = values(bodies.county, quarter_period(bodies.year, 1))
    assert (q1["orgs_total"], q1["orgs_new"]) == (3, 1)  # a set up on 15 March
    feb = values(bodies.county, month_period(bodies.year, 2))
    assert (feb["orgs_total"], feb["orgs_new"]) == (2, 0)
    assert values(bodies.county, month_period(bodies.year, 7))["orgs_new"] == 1  # the joint union


def test_a_union_without_a_date_counts_from_when_it_was_registered(bodies: FigureTree) -> None:
    now = values(bodies.county, to_date_period(today().year))
    assert now["orgs_total"] == 5 and now["orgs_new"] == 1  # today's union


def test_enterprises_covered(bodies: FigureTree) -> None:
    year = values(bodies.county, year_period(bodies.year))
    assert (year["orgs_enterprises"], year["orgs_enterprise_workers"]) == (2, 150)
    assert values(bodies.county, month_period(bodies.year, 1))["orgs_enterprises"] == 0  # registered in February
    assert values(bodies.city, year_period(bodies.year))["orgs_enterprise_workers"] == 220


def test_stocks_are_recounted_and_new_unions_add_up(bodies: FigureTree) -> None:
    figures = {f.key: f for f in orgs_figures(bodies.county, year_period(bodies.year))}
    summed = {k for k, f in figures.items() if f.rollup == Rollup.SUM}
    assert summed == {"orgs_new", "orgs_new_grassroots"}
    assert len([k for k in figures if k.startswith("orgs_kind_")]) == len(OrgKind)  # every kind, even at 0
    assert all(f.definition and "under=f-county" in f.url for f in figures.values())
    assert "kind=grassroots" in figures["orgs_kind_grassroots"].url
    assert FIGURE_GROUPS["orgs"].periodic


def test_two_queries_however_many_unions(bodies: FigureTree, django_assert_num_queries: Any) -> None:
    for n in range(5):
        make_org(f"新基层工会{n}", parent=bodies.county)
    with django_assert_num_queries(2):
        orgs_figures(bodies.county, year_period(bodies.year))

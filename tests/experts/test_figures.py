"""劳模工匠助企行 figures for any period: needs posted in it, needs solved in it with the help that solved them,
the enterprises helped, and the needs still open at its end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.experts.choices import DispatchStatus, NeedStatus
from gonghui.experts.figures import desk_figures
from gonghui.experts.models import Dispatch, Expert, Need, ServiceRecord
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import month_period, quarter_period, year_period
from tests.factories import EnterpriseFactory, Tree, make_member, make_org, today


def local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 9))


@pytest.fixture
def desk(tree: Tree) -> Tree:
    """Last year (y), with one expert of the county:
    n1 union, enterprise E1: posted 10 Jan, solved 20 Feb; served 1 and 15 Feb (10 + 5 trained, 100,000 yuan)
    n2 other, E1:           posted 1 Feb,  solved 28 Feb; served 15 Feb (3 trained)
    n3 union, E2:           posted 1 Mar,  solved 10 May; served 2 May (benefit 50,000)
    n4 union, E2:           posted 1 Jun, dispatched, still open today
    n5 union, E1:           posted 1 Mar, closed unresolved 1 April
    n6 the neighbouring county's, solved 20 Feb"""
    y = today().year - 1
    e1, e2 = EnterpriseFactory(union=tree.union), EnterpriseFactory(union=tree.union)
    person = make_member(tree.union, 90).person
    expert = Expert.objects.create(org=tree.county, person=person, kind="model_worker", region_id="320904")

    Served = tuple[tuple[dt.date, int, int], ...]  # (served on, workers trained, benefit)

    def need(org: OrgNode, enterprise: Any, posted: dt.datetime, status: str, closed: Any, served: Served = ()) -> Need:
        n = Need.objects.create(
            org=org, enterprise=enterprise, category="technical", title="测试需求", problem="读数跳变",
            channel="cadre", contact_name="王经理", contact_phone="13912345678", due_on=today(), status=status,
            closed_at=closed, close_reason="企业放弃" if status == NeedStatus.UNRESOLVED else "",
        )  # fmt: skip
        Need.objects.filter(pk=n.pk).update(posted_at=posted)
        dispatch = Dispatch.objects.create(need=n, expert=expert, status=DispatchStatus.DONE)
        for day, trained, benefit in served:
            ServiceRecord.objects.create(
                dispatch=dispatch,
                served_on=day,
                hours=Decimal(2),
                diagnosis="诊断",
                solution="方案",
                workers_trained=trained,
                benefit_yuan=Decimal(benefit),
            )
        return n

    solved = NeedStatus.RESOLVED
    feb = dt.date(y, 2, 1)
    need(tree.union, e1, local(y, 1, 10), solved, local(y, 2, 20), ((feb, 10, 100_000), (feb.replace(day=15), 5, 0)))
    need(tree.other, e1, local(y, 2, 1), solved, local(y, 2, 28), ((feb.replace(day=15), 3, 0),))
    need(tree.union, e2, local(y, 3, 1), solved, local(y, 5, 10), ((dt.date(y, 5, 2), 0, 50_000),))
    need(tree.union, e2, local(y, 6, 1), NeedStatus.DISPATCHED, None)
    need(tree.union, e1, local(y, 3, 1), NeedStatus.UNRESOLVED, local(y, 4, 1))
    need(tree.stranger, EnterpriseFactory(union=tree.stranger), local(y, 1, 5), solved, local(y, 2, 20))
    return tree


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in desk_figures(org, period)}


def test_needs_solved_in_the_period_with_the_help_that_solved_them(desk: Tree) -> None:
    y = today().year - 1
    q1 = values(desk.county, quarter_period(y, 1))
    assert (q1["needs_posted"], q1["needs_solved"], q1["enterprises_helped"]) == (4, 2, 1)  # E1 twice
    assert (q1["service_events"], q1["workers_trained"], q1["benefit"]) == (2, 18, 100_000)  # 1 and 15 Feb
    q2 = values(desk.county, quarter_period(y, 2))
    assert (q2["needs_posted"], q2["needs_solved"], q2["enterprises_helped"], q2["benefit"]) == (1, 1, 1, 50_000)
    year = values(desk.county, year_period(y))
    assert (year["needs_posted"], year["needs_solved"], year["enterprises_helped"]) == (5, 3, 2)
    assert (year["service_events"], year["workers_trained"], year["benefit"]) == (3, 18, 150_000)
    assert values(desk.county, month_period(y, 2))["needs_solved"] == 2
    assert values(desk.county, y) == year  # a year given as a number


def test_needs_open_at_the_periods_end(desk: Tree) -> None:
    y = today().year - 1
    assert values(desk.county, month_period(y, 3))["needs_open"] == 2  # n3 (solved in May) and n5 (closed April)
    assert values(desk.county, quarter_period(y, 2))["needs_open"] == 1  # n4, still open
    assert values(desk.county, month_period(y, 1))["needs_open"] == 1  # n1


def test_a_parent_recounts_enterprises_and_service_days(desk: Tree, django_assert_num_queries: Any) -> None:
    y = today().year - 1
    union, other = values(desk.union, quarter_period(y, 1)), values(desk.other, quarter_period(y, 1))
    county = values(desk.county, quarter_period(y, 1))
    assert union["enterprises_helped"] + other["enterprises_helped"] == 2 and county["enterprises_helped"] == 1
    assert union["service_events"] + other["service_events"] == 3 and county["service_events"] == 2  # 15 Feb twice
    figures = {f.key: f for f in desk_figures(desk.county, year_period(y))}
    recounted = {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT}
    assert recounted == {"experts", "enterprises_helped", "needs_open", "service_events"}
    assert FIGURE_GROUPS["desk"].periodic and all(f.definition for f in figures.values())
    for n in range(4):
        make_org(f"新基层工会{n}", parent=desk.county)
    with django_assert_num_queries(3):  # needs, their service records, the experts
        desk_figures(desk.county, year_period(y))

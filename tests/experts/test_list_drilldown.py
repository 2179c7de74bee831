"""The need list honours what the 劳模工匠助企行 figures link with (issue 19): a union's subtree (`under`, in
scope) and the days a need was posted or closed in (start, end, `dated`), or the needs still open at a period's
end; what a solved need brings (enterprises, service days, workers trained, benefit) links to the needs solved.
On the hand-counted desk of tests/experts/test_figures.py (last year in 商南's county, 泰安's beside it)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone

from gonghui.common.figures import Figure, Period
from gonghui.experts.choices import DispatchStatus, NeedStatus
from gonghui.experts.figures import desk_figures
from gonghui.experts.models import Dispatch, Expert, Need, ServiceRecord
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import month_period, quarter_period, to_date_period
from tests.experts.test_figures import desk  # noqa: F401  (the hand-counted desk)
from tests.factories import EnterpriseFactory, Tree, today
from tests.orgs.drilldown import client_of, follow, found

NEEDS = reverse("experts:needs")
# What a solved need brings, summed over the service records of the needs the link lists.
BROUGHT = {"enterprises_helped", "service_events", "workers_trained", "benefit"}


def by_key(org: OrgNode, period: Period) -> dict[str, Figure]:
    return {f.key: f for f in desk_figures(org, period)}


def brought(page: str) -> dict[str, Any]:
    """What the needs a page lists brought, as the figures count it."""
    pks = [int(pk) for pk in re.findall(rf'href="{NEEDS}(\d+)/"', page)]
    needs = Need.objects.filter(pk__in=pks)
    records = ServiceRecord.objects.filter(dispatch__need__in=needs).aggregate(
        service_events=Count("served_on", distinct=True),
        workers_trained=Sum("workers_trained"),
        benefit=Sum("benefit_yuan"),
    )
    return {
        "enterprises_helped": needs.aggregate(n=Count("enterprise", distinct=True))["n"],
        "service_events": records["service_events"],
        "workers_trained": records["workers_trained"] or 0,
        "benefit": records["benefit"] or Decimal(0),
    }


def assert_each_link_lists_what_it_counts(client: Any, figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        page = follow(client, figure.url)
        if key in BROUGHT:
            assert brought(page)[key] == figure.value, (key, figure.url)
            assert found(page) == figures["needs_solved"].value, (key, figure.url)
        else:
            assert found(page) == figure.value, (key, figure.url)


def solved_today(tree: Tree) -> None:
    """This year: a need of the 城关 union posted and solved today, served today (4 trained, 2,000 yuan); one
    posted today and still open; 泰安's solved today too."""
    expert = Expert.objects.get(org=tree.county)
    for org, status in (
        (tree.union, NeedStatus.RESOLVED),
        (tree.union, NeedStatus.OPEN),
        (tree.stranger, NeedStatus.RESOLVED),
    ):
        need = Need.objects.create(
            org=org, enterprise=EnterpriseFactory(union=org), category="technical", title="今年的需求",
            problem="读数跳变", channel="cadre", contact_name="王经理", contact_phone="13912345678", due_on=today(),
            status=status, closed_at=timezone.now() if status == NeedStatus.RESOLVED else None,
        )  # fmt: skip
        dispatch = Dispatch.objects.create(need=need, expert=expert, status=DispatchStatus.DONE)
        ServiceRecord.objects.create(
            dispatch=dispatch, served_on=today(), hours=Decimal(2), diagnosis="诊断", solution="方案",
            workers_trained=4, benefit_yuan=Decimal(2000),
        )  # fmt: skip


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, {"needs_posted": 4, "needs_solved": 2, "needs_open": 2, "workers_trained": 18, "benefit": 100_000}),
        (2, {"needs_posted": 1, "needs_solved": 1, "needs_open": 1, "benefit": 50_000, "enterprises_helped": 1}),
        (4, {"needs_posted": 0, "needs_solved": 0, "needs_open": 1, "service_events": 0}),
    ],
)
def test_each_figure_of_a_quarter_lists_what_it_counts(desk: Tree, quarter: int, expected: dict[str, Any]) -> None:  # noqa: F811
    figures = by_key(desk.county, quarter_period(today().year - 1, quarter))
    assert {k: figures[k].value for k in expected} == expected  # hand-counted
    assert figures["experts"].value == 1
    assert_each_link_lists_what_it_counts(client_of(desk.cadre), figures)


def test_each_figure_of_the_year_so_far_and_a_childs_lists_what_it_counts(desk: Tree) -> None:  # noqa: F811
    solved_today(desk)
    client = client_of(desk.cadre)
    figures = by_key(desk.county, to_date_period(today().year))
    values = {k: figures[k].value for k in ("needs_posted", "needs_solved", "needs_open", "benefit")}
    assert values == {"needs_posted": 2, "needs_solved": 1, "needs_open": 2, "benefit": 2000}  # n4 is still open
    assert_each_link_lists_what_it_counts(client, figures)
    union = by_key(desk.union, month_period(today().year - 1, 2))  # the union's own cell of a month
    assert (union["needs_solved"].value, union["workers_trained"].value) == (1, 15)
    assert_each_link_lists_what_it_counts(client, union)


def test_the_open_needs_stand_at_the_periods_end(desk: Tree) -> None:  # noqa: F811
    """At the end of March n3 (solved in May) and n5 (closed in April) were still open; today only n4 is."""
    y, client = today().year - 1, client_of(desk.cadre)
    page = follow(client, by_key(desk.county, month_period(y, 3))["needs_open"].url)
    assert found(page) == 2 and '<input type="hidden" name="dated" value="open">' in page
    assert found(follow(client, NEEDS, under=desk.county.code, status="open_any")) == 1  # today's


def test_the_year_and_the_lists_own_filters_still_work(desk: Tree) -> None:  # noqa: F811
    y, client, county = today().year - 1, client_of(desk.cadre), desk.county.code
    assert found(follow(client, NEEDS, under=county, year=y)) == 5
    assert found(follow(client, NEEDS, under=county, year=y, status=NeedStatus.RESOLVED)) == 3
    assert found(follow(client, NEEDS, under=county, start=f"{y}-03-01", end=f"{y}-03-01")) == 2  # posted that day
    assert found(follow(client, reverse("experts:pool"), under=county)) == 1


def test_bad_dates_list_nothing_and_say_why(desk: Tree) -> None:  # noqa: F811
    client, county = client_of(desk.cadre), desk.county.code
    page = follow(client, NEEDS, under=county, start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0
    page = follow(client, NEEDS, under=county, start="2025-12-31", end="2025-01-01", dated="closed")
    assert "截止日期不能早于起始日期。" in page and found(page) == 0
    page = follow(client, NEEDS, under=county, dated="someday")
    assert "选择一个有效的选项" in page and found(page) == 0


def test_a_union_outside_the_scope_is_refused(desk: Tree) -> None:  # noqa: F811
    url = by_key(desk.county, quarter_period(today().year - 1, 1))["needs_solved"].url
    assert client_of(desk.outsider).get(url).status_code == 404
    assert client_of(desk.union_cadre).get(url).status_code == 404  # a union's cadre does not see its county


def test_the_lists_queries_do_not_grow(desk: Tree, django_assert_max_num_queries: Any) -> None:  # noqa: F811
    client = client_of(desk.cadre)
    url = by_key(desk.county, to_date_period(today().year))["needs_posted"].url
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(4):
        solved_today(desk)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 8

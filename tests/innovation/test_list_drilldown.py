"""The 建功立业 lists honour what the figures link with (issue 19): a union's subtree (`under`, in scope), the
days a project was declared, a proposal made or an honor conferred in (start, end), the studios on the roll at a
period's end (end), and the filters that tell the figures of one list apart. On the hand-counted works of
tests/innovation/test_figures.py (last year in 商南's county, 泰安's beside it), with this year's own below."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from gonghui.common.figures import Figure, Period
from gonghui.innovation.choices import NominationStatus, NomineeKind, ProjectStatus, ProposalStatus
from gonghui.innovation.figures import innovation_figures
from gonghui.innovation.models import InnovationCall, Nomination, Project, Proposal, SelectionRound
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from tests.factories import EnterpriseFactory, Tree, make_member, today
from tests.innovation.test_figures import works  # noqa: F401  (the hand-counted works)
from tests.orgs.drilldown import client_of, follow, found

PROJECTS, PROPOSALS = reverse("innovation:projects"), reverse("innovation:proposals")
STUDIOS, HONORS = reverse("innovation:studios"), reverse("innovation:honors")
SHARES = ("front_line_share", "model_worker_front_line_share")


def this_years(tree: Tree) -> None:
    """This year so far: a project declared and a proposal adopted today by the 城关 union, an honor conferred
    today on a worker of 富水 (not front-line); 泰安's project of today is not the county's."""
    y = today().year
    call = InnovationCall.objects.get(org=tree.county)
    for org in (tree.union, tree.stranger):
        Project.objects.create(call=call, org=org, category="innovation", title="今年的项目", problem="-", solution="-")
    Proposal.objects.create(
        org=tree.union,
        enterprise=EnterpriseFactory(union=tree.union),
        proposer_name="王芳",
        title="今年的建议",
        content="改造",
        status=ProposalStatus.ADOPTED,
    )
    honors = SelectionRound.objects.get(org=tree.county, name="县劳模")
    Nomination.objects.create(
        round=honors,
        nominated_by=tree.other,
        nominee_kind=NomineeKind.PERSON,
        person=make_member(tree.other, 60).person,
        status=NominationStatus.AWARDED,
        awarded_on=dt.date(y, 1, 1),
    )


def by_key(org: OrgNode, period: Period) -> dict[str, Figure]:
    return {f.key: f for f in innovation_figures(org, period)}


def listed_pks(page: str, name: str) -> list[int]:
    return [int(pk) for pk in re.findall(rf'href="/innovation/{name}/(\d+)/"', page)]


def assert_each_link_lists_what_it_counts(client: Any, figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        page = follow(client, figure.url)
        if key == "value_saved":  # yuan: the list holds the proposals whose 创效 the figure sums
            summed = sum(p.value_saved for p in Proposal.objects.filter(pk__in=listed_pks(page, "proposals")))
            assert summed == figure.value, (key, figure.url)
        elif key in SHARES:  # a share: the list holds the people it is a share of, front-line ones ticked
            people, front = found(page), page.count("<td>✓</td>")
            assert figure.value == (round(100 * front / people, 1) if people else None), (key, figure.url)
        else:
            assert found(page) == figure.value, (key, figure.url)


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, {"projects_declared": 1, "proposals": 1, "proposals_adopted": 1, "studios": 1, "studios_3_stars": 1}),
        (2, {"proposals": 1, "honors_county": 1, "front_line_share": 100.0, "model_worker_front_line_share": 100.0}),
        (3, {"projects_declared": 1, "projects_recommended": 1, "projects_awarded": 1, "studios": 1}),
        (4, {"honors_county": 1, "innovative_enterprises": 1, "front_line_share": 0.0, "studios": 1}),
    ],
)
def test_each_figure_of_a_quarter_lists_what_it_counts(works: Tree, quarter: int, expected: dict[str, Any]) -> None:  # noqa: F811
    figures = by_key(works.county, quarter_period(today().year - 1, quarter))
    assert {k: figures[k].value for k in expected} == expected  # hand-counted
    assert_each_link_lists_what_it_counts(client_of(works.cadre), figures)


def test_each_figure_of_the_year_so_far_lists_what_it_counts(works: Tree) -> None:  # noqa: F811
    this_years(works)
    figures = by_key(works.county, to_date_period(today().year))
    values = {k: figures[k].value for k in ("projects_declared", "proposals_adopted", "honors_county", "studios")}
    assert values == {"projects_declared": 1, "proposals_adopted": 1, "honors_county": 1, "studios": 2}
    assert (figures["studios_5_stars"].value, figures["value_saved"].value) == (1, Decimal(0))
    assert_each_link_lists_what_it_counts(client_of(works.cadre), figures)
    union = by_key(works.union, to_date_period(today().year))  # a child's cell: the union's own
    assert (union["projects_declared"].value, union["honors_county"].value) == (1, 0)
    assert_each_link_lists_what_it_counts(client_of(works.cadre), union)


def test_a_whole_year_lists_what_it_counts(works: Tree) -> None:  # noqa: F811
    figures = by_key(works.county, year_period(today().year - 1))
    assert (figures["proposals"].value, figures["proposals_adopted"].value, figures["honors_county"].value) == (2, 1, 2)
    assert_each_link_lists_what_it_counts(client_of(works.cadre), figures)


def test_the_enterprises_figure_counts_by_the_selections_host(works: Tree) -> None:  # noqa: F811
    """A 全员创新企业 nominated by the county's union in a round its county ran counts for the county, not for
    the union (the union ran no selection); the union's link lists none of it."""
    y = today().year - 1
    client = client_of(works.cadre)
    for org, value in ((works.county, 1), (works.union, 0)):
        figure = by_key(org, quarter_period(y, 4))["innovative_enterprises"]
        assert figure.value == value and found(follow(client, figure.url)) == value
    assert found(follow(client, HONORS, under=works.union.code, kind="innovative_enterprise")) == 1  # by nominator


def test_the_year_and_the_lists_own_filters_still_work(works: Tree) -> None:  # noqa: F811
    y, client, county = today().year - 1, client_of(works.cadre), works.county.code
    assert found(follow(client, PROJECTS, under=county, year=y)) == 2  # the call's year
    assert found(follow(client, PROPOSALS, under=county, year=y)) == 2
    assert found(follow(client, PROPOSALS, under=county, status=ProposalStatus.IMPLEMENTED)) == 1
    assert found(follow(client, HONORS, under=county, year=y)) == 3  # two county honors and the enterprise
    assert found(follow(client, STUDIOS, under=county)) == 3  # every studio, the dissolved one too
    assert found(follow(client, STUDIOS, under=county, stars=5)) == 1
    assert found(follow(client, PROJECTS, under=works.union.code, status=ProjectStatus.AWARDED)) == 0


def test_a_search_keeps_the_drill_down(works: Tree) -> None:  # noqa: F811
    figures = by_key(works.county, quarter_period(today().year - 1, 3))
    page = follow(client_of(works.cadre), figures["projects_recommended"].url)
    assert '<input type="hidden" name="stage" value="up">' in page
    assert f'value="{today().year - 1}-07-01"' in page and f'value="{today().year - 1}-09-30"' in page
    page = follow(
        client_of(works.cadre), by_key(works.county, quarter_period(today().year - 1, 4))["innovative_enterprises"].url
    )
    assert '<input type="hidden" name="hosted" value="1">' in page
    assert f'<input type="hidden" name="under" value="{works.county.code}">' in page


@pytest.mark.parametrize("url", [PROJECTS, PROPOSALS, HONORS, STUDIOS])
def test_bad_dates_list_nothing_and_say_why(works: Tree, url: str) -> None:  # noqa: F811
    client, county = client_of(works.cadre), works.county.code
    page = follow(client, url, under=county, end="2026-13-40", **({} if url == STUDIOS else {"start": "2026-13-40"}))
    assert "有效的日期" in page and found(page) == 0
    if url != STUDIOS:
        page = follow(client, url, under=county, start="2025-12-31", end="2025-01-01")
        assert "截止日期不能早于起始日期。" in page and found(page) == 0


@pytest.mark.parametrize("url", [PROJECTS, PROPOSALS, HONORS, STUDIOS])
def test_a_union_outside_the_scope_is_refused(works: Tree, url: str) -> None:  # noqa: F811
    response = client_of(works.outsider).get(url, {"under": works.county.code})
    assert response.status_code == 404


def test_the_lists_queries_do_not_grow(works: Tree, django_assert_max_num_queries: Any) -> None:  # noqa: F811
    client, y = client_of(works.cadre), today().year - 1
    urls = [f.url for f in by_key(works.county, year_period(y)).values()]
    counts = {}
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        counts[url] = len(few.captured_queries)
    this_years(works)
    call = InnovationCall.objects.get(org=works.county)
    for n in range(5):
        Project.objects.create(
            call=call, org=works.other, category="innovation", title=f"项目{n}", problem="-", solution="-"
        )
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)

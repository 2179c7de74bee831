"""The hardship files list honours what the 帮扶救助 figures link with (issue 19): a union's subtree (`under`, in
scope), categories, a period's days (registered, opened, closed or visited: `dated`) and the households on file
at a day's end (`on_file`). On the hand-counted files of tests/assistance/test_figures.py, with today's changes
(`this_year`) for the year so far."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import resolve, reverse

from gonghui.assistance.choices import Category, FileStatus
from gonghui.assistance.figures import assistance_figures
from gonghui.assistance.jobs import FILES_EXPORT_KIND
from gonghui.assistance.models import HardshipFile, HomeVisit
from gonghui.common.figures import Period
from gonghui.common.models import Job
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from tests.assistance.test_figures import files, hardship  # noqa: F401  (the hand-counted files)
from tests.factories import UserFactory, grant, make_org, today
from tests.orgs.drilldown import client_of, follow, found
from tests.orgs.figures_fixtures import FigureTree

LIST = reverse("assistance:files")


@pytest.fixture
def cadre(files: FigureTree) -> Any:  # noqa: F811
    user = UserFactory(username="f-city-assistance")
    grant(user, files.city, Role.ASSISTANCE)
    return user


@pytest.fixture
def this_year(files: FigureTree) -> FigureTree:  # noqa: F811
    """Today: a's f8 applied and opened (深度困难), f1 visited, b's f3 closed; s's f9 opened (the sibling county)."""
    day = today()
    hardship(files.a, 708, day, status=FileStatus.OPEN, category=Category.DEEP, opened_on=day)
    hardship(files.s, 709, day, status=FileStatus.OPEN, category=Category.DEEP, opened_on=day)
    HomeVisit.objects.create(file=HardshipFile.objects.get(person__name="职工701"), visited_on=day, visitors="李")
    HardshipFile.objects.filter(person__name="职工703").update(status=FileStatus.CLOSED, closed_on=day)
    return files


def each_figure_lists_what_it_counts(client: Any, org: OrgNode, period: Period) -> dict[str, Any]:
    """Follows each figure's own link (nothing added): the list states what the figure counts."""
    figures = assistance_figures(org, period)
    for figure in figures:
        page = follow(client, figure.url)
        assert found(page) == figure.value, (figure.key, figure.url)
        assert "职工706" not in page and "职工709" not in page  # the sibling county's files
    return {f.key: f.value for f in figures}


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_each_figure_of_a_quarter_lists_the_files_it_counts(files: FigureTree, cadre: Any, quarter: int) -> None:  # noqa: F811
    counted = each_figure_lists_what_it_counts(client_of(cadre), files.county, quarter_period(files.year, quarter))
    expected = {
        1: {"assistance_applied": 2, "assistance_opened": 1, "assistance_visits": 1, "assistance_on_file": 3},
        2: {"assistance_closed": 1, "assistance_on_file": 2, "assistance_category_relative": 0},  # f2 on 30 June
        3: {"assistance_applied": 1, "assistance_opened": 1, "assistance_visits": 1, "assistance_category_relative": 1},
        4: {"assistance_on_file": 3, "assistance_category_deep": 1, "assistance_category_accident": 1},
    }[quarter]
    assert {key: counted[key] for key in expected} == expected


def test_each_figure_of_the_year_so_far_lists_the_files_it_counts(this_year: FigureTree, cadre: Any) -> None:
    counted = each_figure_lists_what_it_counts(client_of(cadre), this_year.county, to_date_period(today().year))
    assert (counted["assistance_applied"], counted["assistance_opened"]) == (2, 1)  # f4 and f8; f8
    assert (counted["assistance_closed"], counted["assistance_visits"]) == (1, 1)  # f3; f1
    assert (counted["assistance_on_file"], counted["assistance_category_deep"]) == (3, 2)  # f1, f7, f8
    year = each_figure_lists_what_it_counts(client_of(cadre), this_year.a, year_period(this_year.year))
    assert year["assistance_visits"] == 1 and year["assistance_on_file"] == 2


def test_the_visits_figure_lists_the_households_visited_and_states_the_visits(files: FigureTree, cadre: Any) -> None:  # noqa: F811
    f1 = HardshipFile.objects.get(person__name="职工701")
    HomeVisit.objects.create(file=f1, visited_on=files.day(2, 20), visitors="李")  # f1's second visit
    figure = {f.key: f for f in assistance_figures(files.county, year_period(files.year))}["assistance_visits"]
    page = follow(client_of(cadre), figure.url)
    assert found(page) == figure.value == 3 and "走访 2 户" in page and "职工701" in page and "职工703" in page
    assert "走访日期从" in page  # the bounds say which day they bound


def test_a_union_lists_its_own_files_and_not_its_sibling(files: FigureTree, cadre: Any) -> None:  # noqa: F811
    client = client_of(cadre)
    page = follow(client, f"{LIST}?under={files.a.code}")
    assert found(page) == 3 and "职工703" not in page  # f1, f2, f7; b's f3 is not a's
    assert found(follow(client, LIST)) == 7  # the city's scope, the sibling county's too
    client.post(reverse("assistance:export"), {"under": files.s.code, "start": f"{files.year}-01-01"})
    job = Job.objects.get(kind=FILES_EXPORT_KIND)  # the export holds what the drill-down lists
    assert job.org == files.s and job.params["start"] == f"{files.year}-01-01" and job.params["dated"] == ""
    started = client.post(reverse("assistance:export"), {"under": files.a.code, "on_file": f"{files.year}-03-31"})
    job = Job.objects.get(pk=resolve(started.url).kwargs["pk"])  # the job it opens (ids are UUIDs, unordered)
    assert job.params["on_file"] == f"{files.year}-03-31"


@pytest.mark.parametrize("code", ["f-s", "no-such-union"])
def test_a_union_outside_the_scope_is_refused(files: FigureTree, code: str) -> None:  # noqa: F811
    county = UserFactory(username="f-county-assistance")
    grant(county, files.county, Role.ASSISTANCE)
    response = client_of(county).get(LIST, {"under": code})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    assert client_of(county).post(reverse("assistance:export"), {"under": code}).status_code == 404


def test_bad_input_lists_nothing_and_says_why(files: FigureTree, cadre: Any) -> None:  # noqa: F811
    page = follow(client_of(cadre), f"{LIST}?under=f-county", start="2026-05-01", end="2026-04-01")
    assert "截止日期不能早于起始日期。" in page and found(page) == 0
    page = follow(client_of(cadre), f"{LIST}?under=f-county", dated="paid")
    assert "选择一个有效的选项" in page and found(page) == 0
    page = follow(client_of(cadre), f"{LIST}?under=f-county&dated=opened", start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0
    page = follow(client_of(cadre), f"{LIST}?under=f-county", on_file="2026-02-30")
    assert "有效的日期" in page and found(page) == 0


def test_the_lists_queries_do_not_grow(files: FigureTree, cadre: Any, django_assert_max_num_queries: Any) -> None:  # noqa: F811
    client, url = client_of(cadre), f"{LIST}?under=f-county&status=open"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    union = make_org("新基层工会", parent=files.county)
    for n in range(20):
        hardship(union, 800 + n, None, status="open")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 23

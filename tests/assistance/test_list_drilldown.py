"""The hardship files list honours what the 帮扶救助 figures link with (issue 19): a union's subtree (`under`, in
scope), statuses and categories, and a period's days (registered, opened or closed: `dated`). On the
hand-counted files of tests/assistance/test_figures.py."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from gonghui.assistance.figures import assistance_figures
from gonghui.assistance.jobs import FILES_EXPORT_KIND
from gonghui.common.models import Job
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, year_period
from tests.assistance.test_figures import files  # noqa: F401  (the hand-counted files)
from tests.factories import UserFactory, grant, make_org
from tests.orgs.drilldown import bounds, client_of, follow, found
from tests.orgs.figures_fixtures import FigureTree

LIST = reverse("assistance:files")


@pytest.fixture
def cadre(files: FigureTree) -> Any:  # noqa: F811
    user = UserFactory(username="f-city-assistance")
    grant(user, files.city, Role.ASSISTANCE)
    return user


def what_it_counts(key: str, start: str, end: str) -> dict[str, str]:
    """What each figure's link needs beyond `under` and its status or category to list exactly what it counts:
    the period's days, and which day they bound (the stocks on file stand today, so no days)."""
    if key == "assistance_applied":
        return {"start": start, "end": end}
    if key == "assistance_opened":
        return {"status": "", "dated": "opened", "start": start, "end": end}
    if key == "assistance_closed":
        return {"dated": "closed", "start": start, "end": end}
    return {}


@pytest.mark.parametrize("period", [lambda y: year_period(y), lambda y: quarter_period(y, 3)])
def test_each_figure_lists_the_files_it_counts(files: FigureTree, cadre: Any, period: Any) -> None:  # noqa: F811
    client, span = client_of(cadre), period(files.year)
    checked = set()
    for figure in assistance_figures(files.county, span):
        if figure.key == "assistance_visits" or (figure.key.startswith("assistance_") and "on_file" in figure.key):
            continue  # home visits are not files; on file at the period's end is today's list only this year
        if figure.key.startswith("assistance_category_") and span.kind != "year":
            continue
        page = follow(client, figure.url, **what_it_counts(figure.key, **bounds(span)))
        assert found(page) == figure.value, (figure.key, figure.url)
        assert "职工706" not in page  # the sibling county's file
        checked.add(figure.key)
    assert {"assistance_applied", "assistance_opened", "assistance_closed"} <= checked


def test_on_file_by_category_as_it_stands(files: FigureTree, cadre: Any) -> None:  # noqa: F811
    """f1, f3 and the reopened f7 are on file today as at the end of last year (nothing changed since)."""
    figures = {f.key: f for f in assistance_figures(files.county, year_period(files.year))}
    client = client_of(cadre)
    for key in ("assistance_on_file", "assistance_category_deep", "assistance_category_accident"):
        assert found(follow(client, figures[key].url)) == figures[key].value, key


def test_a_union_lists_its_own_files_and_not_its_sibling(files: FigureTree, cadre: Any) -> None:  # noqa: F811
    client = client_of(cadre)
    page = follow(client, f"{LIST}?under={files.a.code}")
    assert found(page) == 3 and "职工703" not in page  # f1, f2, f7; b's f3 is not a's
    assert found(follow(client, LIST)) == 7  # the city's scope, the sibling county's too
    client.post(reverse("assistance:export"), {"under": files.s.code, "start": f"{files.year}-01-01"})
    job = Job.objects.get(kind=FILES_EXPORT_KIND)  # the export holds what the drill-down lists
    assert job.org == files.s and job.params["start"] == f"{files.year}-01-01" and job.params["dated"] == ""


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
    page = follow(client_of(cadre), f"{LIST}?under=f-county", dated="visited")
    assert "选择一个有效的选项" in page and found(page) == 0


def test_the_lists_queries_do_not_grow(files: FigureTree, cadre: Any, django_assert_max_num_queries: Any) -> None:  # noqa: F811
    from tests.assistance.test_figures import hardship

    client, url = client_of(cadre), f"{LIST}?under=f-county&status=open"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    union = make_org("新基层工会", parent=files.county)
    for n in range(20):
        hardship(union, 800 + n, None, status="open")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 23

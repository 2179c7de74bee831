"""帮扶救助 figures: applications, files opened and closed, households on file by category and home visits, for a
subtree and a period, against hand-counted files."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from gonghui.assistance.choices import Category, Cause, FileStatus
from gonghui.assistance.figures import assistance_figures
from gonghui.assistance.models import HardshipFile, HomeVisit
from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period, year_period
from tests.factories import make_org
from tests.orgs.figures_fixtures import FigureTree, figure_tree, person


def hardship(org: OrgNode, seq: int, applied: dt.date | None, **fields: Any) -> HardshipFile:
    file = HardshipFile.objects.create(org=org, person=person(seq), main_cause=Cause.ILLNESS, **fields)
    if applied:
        HardshipFile.objects.filter(pk=file.pk).update(
            created_at=timezone.make_aware(dt.datetime.combine(applied, dt.time(10)))
        )
    return file


@pytest.fixture
def files(db: None) -> FigureTree:
    """Last year (y):
    f1 a: applied 15 Jan, opened 10 Feb, 深度困难, on file;         visited 5 Feb
    f2 a: applied and opened the year before, 相对困难, closed 30 June
    f3 b: applied 1 July, opened 1 Aug, 相对困难, on file;           visited 20 July
    f4 b: applied today, not yet reviewed
    f5 b: applied 1 March, turned down
    f6 s: applied 20 Jan, opened 1 Feb, 深度困难 (the sibling county); visited 2 Feb
    f7 a: opened the year before, 意外致困, closed and reopened (返困): on file"""
    t = figure_tree()
    y = t.year
    open_ = FileStatus.OPEN
    f1 = hardship(t.a, 701, dt.date(y, 1, 15), status=open_, category=Category.DEEP, opened_on=dt.date(y, 2, 10))
    hardship(
        t.a,
        702,
        dt.date(y - 1, 4, 1),
        status=FileStatus.CLOSED,
        category=Category.RELATIVE,
        opened_on=dt.date(y - 1, 5, 1),
        closed_on=dt.date(y, 6, 30),
    )
    f3 = hardship(t.b, 703, dt.date(y, 7, 1), status=open_, category=Category.RELATIVE, opened_on=dt.date(y, 8, 1))
    hardship(t.b, 704, None)
    hardship(t.b, 705, dt.date(y, 3, 1), status=FileStatus.REJECTED)
    f6 = hardship(t.s, 706, dt.date(y, 1, 20), status=open_, category=Category.DEEP, opened_on=dt.date(y, 2, 1))
    hardship(
        t.a,
        707,
        dt.date(y - 1, 1, 1),
        status=open_,
        category=Category.ACCIDENT,
        opened_on=dt.date(y - 1, 1, 10),
        times_reopened=1,
    )
    for file, day in ((f1, dt.date(y, 2, 5)), (f3, dt.date(y, 7, 20)), (f6, dt.date(y, 2, 2))):
        HomeVisit.objects.create(file=file, visited_on=day, visitors="王主席", findings="情况属实")
    return t


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in assistance_figures(org, period)}


def test_a_year_of_files_in_the_subtree(files: FigureTree) -> None:
    year = values(files.county, year_period(files.year))
    assert (year["assistance_applied"], year["assistance_opened"], year["assistance_closed"]) == (3, 2, 1)
    assert year["assistance_on_file"] == 3  # f1, f3 and the reopened f7; f2 was closed in June
    assert (
        year["assistance_category_deep"],
        year["assistance_category_relative"],
        year["assistance_category_accident"],
    ) == (1, 1, 1)
    assert year["assistance_visits"] == 2
    city = values(files.city, year_period(files.year))
    assert (city["assistance_on_file"], city["assistance_visits"]) == (4, 3)


def test_on_file_at_each_quarters_end(files: FigureTree) -> None:
    q1 = values(files.county, quarter_period(files.year, 1))
    assert (q1["assistance_on_file"], q1["assistance_opened"], q1["assistance_visits"]) == (3, 1, 1)  # f1, f2, f7
    q2 = values(files.county, quarter_period(files.year, 2))
    assert (q2["assistance_on_file"], q2["assistance_closed"]) == (2, 1)  # f2 closed on 30 June
    q3 = values(files.county, quarter_period(files.year, 3))
    assert (q3["assistance_on_file"], q3["assistance_opened"], q3["assistance_applied"]) == (3, 1, 1)


def test_stocks_are_recounted_and_flows_add_up(files: FigureTree) -> None:
    figures = {f.key: f for f in assistance_figures(files.county, year_period(files.year))}
    recounted = {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT}
    assert recounted == {
        "assistance_on_file",
        "assistance_category_deep",
        "assistance_category_relative",
        "assistance_category_accident",
    }
    assert all(f.definition and "under=f-county" in f.url for f in figures.values())
    assert "category=deep" in figures["assistance_category_deep"].url
    assert FIGURE_GROUPS["assistance"].periodic


def test_two_queries_however_many_unions(files: FigureTree, django_assert_num_queries: Any) -> None:
    for n in range(5):
        make_org(f"新基层工会{n}", parent=files.county)
    with django_assert_num_queries(2):
        assistance_figures(files.county, year_period(files.year))

"""Items picked from the records for the report: the 五小 project with the largest benefit and the station
visited most in the period, in the union's subtree only, each linked to its record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import timezone

from gonghui.innovation.models import InnovationCall, Project, Rubric
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import year_period
from gonghui.reports.workreport.narrative import plain
from gonghui.reports.workreport.notables import busiest_station, largest_project, notables_for
from gonghui.stations.models import StationVisit
from tests.factories import Tree, make_station, today

pytestmark = pytest.mark.django_db


def _visits(station: object, n: int, on: dt.date) -> None:
    at = timezone.make_aware(dt.datetime.combine(on, dt.time(10)))
    StationVisit.objects.bulk_create(
        StationVisit(station=station, at=at, category="courier", visitor_key=f"{on}-{i}", bucket=i) for i in range(n)
    )


def test_the_station_visited_most_in_the_period(tree: Tree) -> None:
    quiet = make_station(tree.union, name="城关爱心驿站")
    busy = make_station(tree.other, name="富水职工书屋", kind="bookhouse")
    faraway = make_station(tree.stranger, name="泰安爱心驿站")
    this_year = year_period(today().year)
    _visits(quiet, 3, today())
    _visits(busy, 5, today())
    _visits(quiet, 9, this_year.start - dt.timedelta(days=1))  # last year: not counted
    _visits(faraway, 50, today())  # outside the subtree
    notable = busiest_station(tree.county, this_year)
    assert notable is not None and notable.section == "service"
    assert plain(notable.runs) == "其中，富水职工书屋接待职工5人次，是本期使用最多的服务阵地。"
    key = f"station-{busy.pk}"
    assert [r["k"] for r in notable.runs if "k" in r] == [key, key]
    assert notable.figures[key]["url"] == f"/stations/{busy.pk}/usage/" and notable.figures[key]["value"] == "5"
    assert busiest_station(tree.union, this_year) is not None
    assert busiest_station(tree.county, year_period(today().year - 2)) is None


def _project(tree: Tree, call: InnovationCall, org: OrgNode, title: str, benefit: int, status: str) -> Project:
    return Project.objects.create(
        call=call,
        org=org,
        category="innovation",
        title=title,
        problem="问题",
        solution="做法",
        benefit_yuan=Decimal(benefit),
        status=status,
    )


def test_the_project_with_the_largest_benefit(tree: Tree) -> None:
    rubric = Rubric.objects.create(org=tree.county, name="评分细则")
    call = InnovationCall.objects.create(
        org=tree.county, year=today().year, title="五小评选", opens_on=today(), closes_on=today(), rubric=rubric
    )
    _project(tree, call, tree.union, "电缆桥架防鼠挡板", 48_000, "in_review")
    _project(tree, call, tree.other, "茶叶揉捻机改进", 126_500, "awarded")
    _project(tree, call, tree.other, "撤销的项目", 900_000, "withdrawn")
    _project(tree, call, tree.union, "退回的项目", 800_000, "rejected")
    notable = largest_project(tree.county, year_period(today().year))
    assert notable is not None and notable.section == "innovation"
    assert (
        plain(notable.runs)
        == "其中，商南县富水基层工会申报的“茶叶揉捻机改进”预计产生经济效益126500元，是本期经济效益最大的“五小”项目。"
    )
    only_union = largest_project(tree.union, year_period(today().year))
    assert only_union is not None and "电缆桥架防鼠挡板" in plain(only_union.runs)


def test_items_only_for_a_union_in_scope(tree: Tree) -> None:
    make_station(tree.stranger, name="泰安爱心驿站")
    with pytest.raises(Http404):
        notables_for(tree.cadre, tree.stranger, year_period(today().year))
    assert notables_for(tree.cadre, tree.county, year_period(today().year)) == []

"""服务阵地's monthly trend: the subtree's visits by month (local time), in one query."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.common.figures import TRENDS
from gonghui.stations.models import StationVisit
from gonghui.stations.trends import visits_by_month
from tests.factories import Tree, make_station, today


def _visit(station: object, when: dt.datetime, n: int) -> None:
    StationVisit.objects.create(
        station=station, at=when, category="courier", visitor_key=f"k{n}", bucket=int(when.timestamp()) // 600
    )


def local(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def test_visits_count_by_local_month_within_the_subtree(tree: Tree, django_assert_num_queries: object) -> None:
    year = today().year - 1
    mine = make_station(tree.union)
    other = make_station(tree.other, name="富水驿站")
    far = make_station(tree.stranger, name="泰安驿站")
    _visit(mine, local(year, 3, 2), 1)
    _visit(mine, local(year, 3, 31, 23, 50), 2)
    _visit(mine, local(year, 4, 1, 0, 30), 3)  # 31 March in UTC: April in Shanghai
    _visit(other, local(year, 4, 9), 4)
    _visit(far, local(year, 4, 9), 5)  # another federation
    _visit(mine, local(year - 1, 3, 2), 6)  # the year before
    with django_assert_num_queries(1):  # type: ignore[operator]
        county = visits_by_month(tree.county, year)
    assert county == {3: 2, 4: 2}
    assert visits_by_month(tree.union, year) == {3: 2, 4: 1}
    assert visits_by_month(tree.county, year + 1) == {}


def test_the_trend_is_registered_with_its_definition() -> None:
    trend = TRENDS["visits"]
    assert trend.compute is visits_by_month and "到访" in str(trend.definition) and str(trend.unit) == "人次"

"""服务阵地 figures for a subtree and a year, with their definitions and drill-down links to scoped lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.reports.periods import month_period, quarter_period, year_period
from gonghui.stations.choices import BookingStatus
from gonghui.stations.figures import station_figures
from gonghui.stations.models import Booking, Station, StationVisit
from tests.factories import Tree, make_org, make_room, make_station, today
from tests.world import World


def test_figures_count_the_subtree(world: World, station: Any) -> None:
    make_station(world.union_b, name="建湖驿站")  # another county: not counted for county_a
    figures = {f.key: f for f in station_figures(world.county_a, timezone.localdate().year)}
    assert figures["stations"].value == 1
    assert figures["stations_kind_outdoor"].value == 1
    assert figures["rated"].value == 1  # the World's 3-star title
    assert figures["visits"].value == 1 and figures["visits_category_courier"].value == 1
    assert figures["bookings"].value == 0  # the World's booking is still pending
    assert all(f.definition for f in figures.values())
    assert (
        figures["stations"].url.startswith("/stations/?") and f"under={world.county_a.code}" in figures["stations"].url
    )
    assert "stations" in FIGURE_GROUPS


def test_drill_down_lists_what_the_figure_counts(world: World, station: Any) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    figures = {f.key: f for f in station_figures(world.county_a, timezone.localdate().year)}
    page = client.get(figures["rated"].url).content.decode()
    assert "测试爱心驿站" in page


def _local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 10))


def test_stations_open_at_the_periods_end_and_visits_in_it(tree: Tree, django_assert_num_queries: Any) -> None:
    """Last year: a station registered in January and closed on 1 July, one registered on 1 May; visits on
    3 March (x2) and 9 August, one at the neighbouring county's station; an approved booking on 5 August."""
    year = today().year - 1
    early = make_station(tree.union, name="一号驿站")
    late = make_station(tree.other, name="二号驿站", kind="maternal")
    elsewhere = make_station(tree.stranger, name="别处驿站")
    Station.objects.filter(pk=early.pk).update(
        created_at=_local(year, 1, 2), is_active=False, closed_at=_local(year, 7, 1)
    )
    Station.objects.filter(pk=late.pk).update(created_at=_local(year, 5, 1))
    Station.objects.filter(pk=elsewhere.pk).update(created_at=_local(year, 1, 2))
    for n, (station, at) in enumerate(
        (
            (early, _local(year, 3, 3)),
            (early, _local(year, 3, 3)),
            (late, _local(year, 8, 9)),
            (elsewhere, _local(year, 3, 3)),
        )
    ):
        StationVisit.objects.create(station=station, at=at, category="courier", visitor_key=f"v{n}", bucket=n)
    Booking.objects.create(
        room=make_room(late),
        starts_at=_local(year, 8, 5),
        ends_at=_local(year, 8, 5) + dt.timedelta(hours=1),
        purpose="读书会",
        booker_org=tree.other,
        status=BookingStatus.APPROVED,
    )

    def values(period: Any) -> dict[str, Any]:
        return {f.key: f.value for f in station_figures(tree.county, period)}

    q1, q3 = values(quarter_period(year, 1)), values(quarter_period(year, 3))
    assert (q1["stations"], q1["visits"], q1["bookings"]) == (1, 2, 0)  # the early one, open on 31 March
    assert (q3["stations"], q3["visits"], q3["bookings"]) == (1, 1, 1)  # the early one closed in July
    assert (q3["stations_kind_maternal"], q3.get("stations_kind_outdoor")) == (1, None)
    whole = values(year_period(year))
    assert (whole["stations"], whole["visits"], whole["visits_category_courier"]) == (1, 3, 3)
    assert values(month_period(year, 3))["visits"] == 2
    figures = {f.key: f for f in station_figures(tree.county, year_period(year))}
    assert {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT} == {
        "stations",
        "stations_kind_maternal",
        "rated",
    }
    assert FIGURE_GROUPS["stations"].periodic
    for n in range(4):
        make_org(f"新基层工会{n}", parent=tree.county)
    with django_assert_num_queries(5):  # stations by kind, kinds' names, ratings, visits by category, bookings
        station_figures(tree.county, year_period(year))

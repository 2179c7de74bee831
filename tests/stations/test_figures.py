"""服务阵地 figures for a subtree and a year, with their definitions and drill-down links to scoped lists."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.stations.figures import station_figures
from tests.factories import make_station
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

"""Near me: nearest first across widening boxes, exact order by great-circle distance, filters, and a
sparse area where the box must grow a long way."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from gonghui.stations.geo import haversine_m
from gonghui.stations.selectors import near
from tests.factories import make_org, make_station

pytestmark = pytest.mark.django_db


@pytest.fixture
def union() -> object:
    return make_org("附近测试工会", code="near-test")


def test_nearest_first_and_exact(union: object) -> None:
    rng = random.Random(7)
    points = [(33.35 + rng.uniform(-0.3, 0.3), 120.16 + rng.uniform(-0.3, 0.3)) for _ in range(60)]
    for i, (lat, lng) in enumerate(points):
        make_station(union, name=f"站{i}", lat=lat, lng=lng, hours=None)  # type: ignore[arg-type]
    here = (33.36, 120.17)
    found = near(*here, limit=10)
    expected = sorted(haversine_m(*here, lat, lng) for lat, lng in points)[:10]
    assert [n.distance_m for n in found] == pytest.approx(expected, abs=1.0)  # stored to 6 decimals


def test_widens_until_far_away(union: object) -> None:
    make_station(union, name="喀什驿站", lat=39.47, lng=75.99, hours=None)  # type: ignore[arg-type]
    found = near(33.35, 120.16, limit=5)
    assert [n.station.name for n in found] == ["喀什驿站"] and found[0].distance_m > 3_500_000


def test_filters_and_closed(union: object) -> None:
    make_station(union, name="白天驿站", lat=33.351, lng=120.16, hours="00:00-00:01", facilities=("water",))  # type: ignore[arg-type]
    make_station(union, name="全天驿站", lat=33.352, lng=120.16, hours=None, is_24h=True, kind="carnation")  # type: ignore[arg-type]
    make_station(union, name="关了的驿站", lat=33.35, lng=120.16, is_active=False, closed_at=timezone.now())  # type: ignore[arg-type]
    names = lambda **kw: [n.station.name for n in near(33.35, 120.16, **kw)]  # noqa: E731
    assert names() == ["白天驿站", "全天驿站"]
    assert names(kind="carnation") == ["全天驿站"]
    assert names(facility="water") == ["白天驿站"]
    assert names(open_now=True, at=timezone.localtime().replace(hour=12)) == ["全天驿站"]


def test_limit_and_query_count(union: object, django_assert_max_num_queries: object) -> None:
    for i in range(40):
        make_station(union, name=f"密集{i}", lat=33.35 + i * 0.0005, lng=120.16, hours=None)  # type: ignore[arg-type]
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        found = near(33.35, 120.16, limit=20)
        [(n.station.facility_names, n.station.card_timetable, n.station.kind.name) for n in found]  # type: ignore[attr-defined]
    assert len(found) == 20 and found[0].station.name == "密集0"

"""Visits: the window counts repeated scans once (also under the unique constraint), categories, members,
usage per day, month, category and hour, and the two-tap page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.stations import services
from gonghui.stations.models import StationVisit
from gonghui.stations.selectors import station_usage
from tests.world import World

KEY = services.visitor_key("anon", "a-random-visitor-id")


def visits(station: Any) -> int:
    return StationVisit.objects.filter(station=station).count()


def test_repeat_within_the_window_counts_once(station: Any, settings: Any) -> None:
    settings.STATION_VISIT_WINDOW_MINUTES = 30
    start = timezone.now().replace(second=0, microsecond=0)
    before = visits(station)
    first = services.visit_record(station=station, category="courier", key=KEY, at=start)
    again = services.visit_record(station=station, category="courier", key=KEY, at=start + dt.timedelta(minutes=29))
    later = services.visit_record(station=station, category="courier", key=KEY, at=start + dt.timedelta(minutes=31))
    other = services.visit_record(
        station=station, category="delivery", key=services.visitor_key("anon", "b"), at=start + dt.timedelta(1)
    )
    assert (first.recorded, again.recorded, later.recorded, other.recorded) == (True, False, True, True)
    assert again.visit == first.visit
    assert visits(station) == before + 3


def test_the_database_refuses_a_second_row_in_the_same_window(station: Any) -> None:
    """Two taps that race both miss the look-up; the unique (station, visitor, window) keeps one."""
    at = timezone.now()
    bucket = int(at.timestamp() // 60) // services.visit_window_minutes()
    StationVisit.objects.create(station=station, at=at, category="courier", visitor_key=KEY, bucket=bucket)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        StationVisit.objects.create(station=station, at=at, category="other", visitor_key=KEY, bucket=bucket)


def test_categories(station: Any) -> None:
    with pytest.raises(ValidationError, match="职业类别"):
        services.visit_record(station=station, category="pilot", key=KEY)
    with pytest.raises(ValidationError, match="职业类别"):
        services.visit_record(station=station, category="member", key=KEY)  # only a signed-in member
    station.is_active = False
    with pytest.raises(ValidationError, match="已关闭"):
        services.visit_record(station=station, category="courier", key=KEY)


def test_usage_by_hour_category_day_and_month(station: Any) -> None:
    tz = timezone.get_current_timezone()
    day = timezone.localdate() - dt.timedelta(days=2)
    for i, (hour, category) in enumerate([(23, "delivery"), (2, "delivery"), (2, "courier"), (12, "trucker")]):
        services.visit_record(
            station=station,
            category=category,
            key=services.visitor_key("anon", f"v{i}"),
            at=timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 10)), tz),
        )
    usage = station_usage(station, since=day, until=day)
    assert usage.total == 4 and usage.night == 3
    assert usage.by_hour[2] == 2 and usage.by_hour[23] == 1 and usage.by_hour[12] == 1
    assert dict(usage.by_category) == {"外卖员": 2, "快递员": 1, "货车司机": 1}
    assert usage.by_day == [(day, 4)]
    assert usage.by_month[0][1] == 4


def test_two_taps_on_the_phone(station: Any) -> None:
    client = Client()
    url = reverse("stations_h5:visit", args=[station.poster_token])
    page = client.get(url)
    assert page.status_code == 200 and "外卖员" in page.content.decode()
    before = visits(station)
    first = client.post(url, {"category": "delivery"})
    assert "已记录，欢迎再来" in first.content.decode()
    second = client.post(url, {"category": "delivery"})
    assert "不重复计数" in second.content.decode()
    assert visits(station) == before + 1
    bad = client.post(url, {"category": "astronaut"})
    assert "请选择您的职业类别" in bad.content.decode() and visits(station) == before + 1


def test_a_member_is_recorded_with_the_membership(world: World, station: Any) -> None:
    client = Client()
    client.force_login(world.users["member"])
    url = reverse("stations_h5:visit", args=[station.poster_token])
    assert "我是会员" in client.get(url).content.decode()
    client.post(url, {"member": "1"})
    visit = StationVisit.objects.filter(station=station, category="member").get()
    assert visit.membership == world.member


def test_an_unknown_or_closed_token_is_404(station: Any) -> None:
    assert Client().get(reverse("stations_h5:visit", args=["no-such-token"])).status_code == 404
    station.is_active, station.closed_at = False, timezone.now()
    station.save()
    assert Client().get(reverse("stations_h5:visit", args=[station.poster_token])).status_code == 404


def test_visits_are_rate_limited_per_client(station: Any, settings: Any) -> None:
    settings.PUBLIC_LIMIT_PER_CLIENT = "3/h"
    client = Client()
    url = reverse("stations_h5:visit", args=[station.poster_token])
    for _ in range(3):
        client.post(url, {"category": "courier"})
    assert "过于频繁" in client.post(url, {"category": "courier"}).content.decode()

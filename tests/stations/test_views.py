"""Workbench and phone pages: they render, filter, refuse bad input in Chinese without changing anything,
keep the phone number masked, and the list's query count does not grow with its rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.stations.models import OpeningHours, SpecialDay, Station, StationPhoto
from tests.factories import make_room, make_station
from tests.world import World


def staff(world: World, who: str = "owner") -> Client:
    client = Client()
    client.force_login(world.users[who])
    return client


def test_list_filters(world: World, station: Any) -> None:
    make_station(world.union_a, name="大中母婴关爱室", kind="maternal", hours="08:00-09:00", facilities=("nursing",))
    client = staff(world)
    page = client.get(reverse("stations:list"))
    assert "测试爱心驿站" in page.content.decode() and "大中母婴关爱室" in page.content.decode()
    by_kind = client.get(reverse("stations:list"), {"kind": "maternal"}).content.decode()
    assert "大中母婴关爱室" in by_kind and "测试爱心驿站" not in by_kind
    by_facility = client.get(reverse("stations:list"), {"facility": "water"}).content.decode()
    assert "测试爱心驿站" in by_facility and "大中母婴关爱室" not in by_facility
    open_now = client.get(reverse("stations:list"), {"open_now": "on"}).content.decode()
    assert "测试爱心驿站" in open_now  # 24 hours
    under = client.get(reverse("stations:list"), {"under": world.joint_a.code}).content.decode()
    assert "测试爱心驿站" not in under


def test_list_query_count_does_not_grow(world: World, django_assert_max_num_queries: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff(world)
    client.get(reverse("stations:list"))  # warm the session and the scope
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("stations:list"))
    for i in range(30):
        make_station(world.union_a, name=f"批量驿站{i}", facilities=("water",))
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(reverse("stations:list"))
    assert "批量驿站29" in page.content.decode()
    assert len(one.captured_queries) <= 16


def test_map_page_passes_data_without_inline_script(world: World, station: Any, settings: Any) -> None:
    settings.MAP_TILE_GCJ02 = True
    page = staff(world).get(reverse("stations:map"))
    html = page.content.decode()
    assert 'id="map-config"' in html and 'id="map-points"' in html and "leaflet.js" in html
    assert "<script>" not in html  # data islands are type="application/json"
    assert "测试爱心驿站" in html  # the list is there without the map


def test_detail_shows_the_phone_masked_and_reveal_is_audited(world: World, station: Any) -> None:
    client = staff(world)
    html = client.get(reverse("stations:detail", args=[station.pk])).content.decode()
    assert "139****6666" in html and "13955556666" not in html
    revealed = client.post(reverse("stations:reveal_phone", args=[station.pk]))
    assert revealed.content.decode() == "13955556666"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_PII, target_id=str(station.pk)).exists()


def test_new_station_with_bad_coordinates_changes_nothing(world: World) -> None:
    client = staff(world)
    before = Station.objects.count()
    data = {
        "org": world.union_a.code,
        "kind": Station._meta.get_field("kind").related_model.objects.get(code="home").pk,  # type: ignore[union-attr]
        "name": "新职工之家",
        "host_kind": "enterprise",
        "address": "大中街道 8 号",
        "lat": "120.16",
        "lng": "33.35",
        "coords": "wgs84",
        "contact_phone": "12345",
    }
    page = client.post(reverse("stations:new"), data)
    html = page.content.decode()
    assert page.status_code == 200 and "填反" in html and "联系电话应为" in html
    assert Station.objects.count() == before
    data |= {"lat": "33.20", "lng": "120.45", "contact_phone": "0515-83512345", "coords": "gcj02"}
    done = client.post(reverse("stations:new"), data)
    assert done.status_code == 302
    made = Station.objects.get(name="新职工之家")
    assert float(made.lat) < 33.20 + 0.01 and abs(float(made.lat) - 33.20) > 1e-4  # shifted back to WGS-84
    assert made.contact_phone.masked() == "051******2345"


def test_outsider_cannot_create_in_another_union(world: World) -> None:
    page = staff(world, "sibling").post(
        reverse("stations:new"),
        {
            "org": world.union_a.code,
            "kind": "1",
            "name": "x",
            "host_kind": "other",
            "address": "x",
            "lat": "33",
            "lng": "120",
            "coords": "wgs84",
        },
    )
    assert page.status_code == 200 and "无权" in page.content.decode()


def test_hours_editor(world: World, station: Any) -> None:
    client = staff(world)
    url = reverse("stations:hours", args=[station.pk])
    client.post(url, {"day_0": "18:00-08:00", "day_1": "08:00-12:00"}, follow=True)
    assert not OpeningHours.objects.filter(station=station).exists()  # nothing saved
    page = client.post(url, {"day_0": "18:00-08:00"}, follow=True).content.decode()
    assert "周一" in page and "次日08:00" in page
    client.post(url, {"day_0": "22:00-次日06:00", "day_5": "全天"})
    station.refresh_from_db()
    assert not station.is_24h
    assert list(OpeningHours.objects.filter(station=station).values_list("weekday", "opens", "closes")) == [
        (0, 1320, 1800),
        (5, 0, 1440),
    ]


def test_special_days_photos_close_and_reopen(world: World, station: Any) -> None:
    client = staff(world)
    day = timezone.localdate() + dt.timedelta(days=20)
    client.post(reverse("stations:special_day_add", args=[station.pk]), {"date": day, "hours": "10:00-16:00"})
    assert SpecialDay.objects.get(station=station, date=day).opens == 600
    bad = client.post(
        reverse("stations:photo_add", args=[station.pk]),
        {"photo": _fake_image()},
        follow=True,
    )
    assert "图片" in bad.content.decode() and StationPhoto.objects.filter(station=station).count() == 1
    client.post(reverse("stations:close", args=[station.pk]), {"reason": "装修"})
    station.refresh_from_db()
    assert not station.is_active and station.closed_reason == "装修"
    assert Client().get(reverse("stations_h5:station", args=[station.pk])).status_code == 404
    client.post(reverse("stations:reopen", args=[station.pk]))
    station.refresh_from_db()
    assert station.is_active


def _fake_image() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("photo.jpg", b"not really a jpeg", content_type="image/jpeg")


def test_usage_poster_and_qr(world: World, station: Any) -> None:
    client = staff(world)
    usage = client.get(reverse("stations:usage", args=[station.pk])).content.decode()
    assert "快递员" in usage and 'id="by-hour"' in usage
    poster = client.get(reverse("stations:poster", args=[station.pk])).content.decode()
    assert station.poster_token in poster and "<svg" in poster
    qr = client.get(reverse("stations:poster_qr", args=[station.pk, "png"]))
    assert qr["Content-Type"] == "image/png"


def test_rating_pages(world: World, station: Any) -> None:
    client = staff(world)
    t = world.stations.title
    apply_url = reverse("stations:apply", args=[station.pk, t.pk])
    assert "服务设施" in client.get(apply_url).content.decode()
    application = world.stations.application
    client.post(reverse("stations:application_review", args=[application.pk]), {"score_0": "99", "score_1": "40"})
    application.refresh_from_db()
    assert application.status == "submitted"  # 99 > 50: refused by the form
    client.post(reverse("stations:application_review", args=[application.pk]), {"score_0": "45", "score_1": "40"})
    client.post(reverse("stations:application_decide", args=[application.pk]), {"grant": "1"})
    application.refresh_from_db()
    assert application.status == "rated"
    page = client.get(reverse("stations:detail", args=[station.pk])).content.decode()
    assert "测试县级示范点" in page


def test_bookings_page_and_union_booking(world: World) -> None:
    client = staff(world)
    page = client.get(reverse("stations:bookings")).content.decode()
    assert "测试读书会" in page  # pending by default
    day = timezone.localdate() + dt.timedelta(days=2)
    form = {
        "org": world.union_a.code,
        "room": world.stations.room.pk,
        "day": day,
        "start": "10:00",
        "slots": "2",
        "purpose": "季度工会小组会",
        "attendees": "12",
    }
    assert client.post(reverse("stations:booking_new"), form).status_code == 302
    again = client.post(reverse("stations:booking_new"), form)
    assert "该时段已被预约" in again.content.decode()


def test_phone_near_page_lists_without_a_map(world: World, station: Any) -> None:
    make_station(world.union_b, name="远处驿站", lat=34.0, lng=119.8)
    page = Client().get(reverse("stations_h5:near"), {"lat": "33.351", "lng": "120.161"})
    html = page.content.decode()
    assert html.index("测试爱心驿站") < html.index("远处驿站")
    assert "米" in html and "正在开放" in html
    bad = Client().get(reverse("stations_h5:near"), {"lat": "48.85", "lng": "2.29"}).content.decode()
    assert "不在中国境内" in bad
    region = Client().get(reverse("stations_h5:near"), {"region": station.org.region_id}).content.decode()
    assert "测试爱心驿站" in region


def test_phone_station_page(world: World, station: Any) -> None:
    html = Client().get(reverse("stations_h5:station", args=[station.pk])).content.decode()
    assert "uri.amap.com/marker" in html and "139****6666" in html and "13955556666" not in html
    assert "会员登录后预约" in html and "测试星级驿站" in html


def test_member_books_on_the_phone(world: World) -> None:
    room = make_room(world.stations.station, name="心理咨询室", slot_minutes=30)
    client = Client()
    client.force_login(world.users["member"])
    url = reverse("stations_h5:book", args=[room.pk])
    assert "心理咨询室" in client.get(url).content.decode()
    day = timezone.localdate() + dt.timedelta(days=1)
    done = client.post(url, {"day": day, "start": "09:30", "slots": "1", "purpose": "心理咨询", "attendees": "1"})
    assert done.status_code == 302
    mine = client.get(reverse("stations_h5:my_bookings")).content.decode()
    assert "心理咨询室" in mine and "待审批" in mine
    odd = client.post(url, {"day": day, "start": "09:45", "slots": "1", "purpose": "x", "attendees": "1"})
    assert "整时段" in odd.content.decode()
    later = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    assert f'value="{later}"' in client.get(url, {"day": later}).content.decode()  # another day's slots
    assert client.get(url, {"day": "9999-99-99"}).status_code == 200
    far = client.post(url, {"day": "9999-12-31", "start": "23:30", "slots": "2", "purpose": "x", "attendees": "1"})
    assert far.status_code == 200 and "请选择近期的日期" in far.content.decode()


def test_portal_links_and_my_section(world: World) -> None:
    home = Client().get(reverse("portal:home")).content.decode()
    assert "附近服务站" in home and reverse("stations_h5:near") in home
    member = Client()
    member.force_login(world.users["member"])
    me = member.get(reverse("portal:me")).content.decode()
    assert "阵地预约" in me and "测试爱心驿站 · 测试活动室" in me
    near = Client().get(reverse("stations_h5:near")).content.decode()
    assert "用我的位置查找" in near and 'id="locate"' in near

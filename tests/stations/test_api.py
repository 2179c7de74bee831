"""The stations API: scoped list, public near and detail (public fields only), visits with the same de-dup
and rate limits, and bookings by a union's token or a member's session; bad input answers 422 in Chinese."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.stations.models import Booking, StationVisit
from tests.world import World
from tests.world_stations import tomorrow_at


def api(world: World, who: str | None = "owner") -> Client:
    headers = {"Authorization": f"Bearer {world.tokens[who]}"} if who else {}
    return Client(headers=headers)


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(f"/api/v1{path}", data=json.dumps(body), content_type="application/json")


def test_list_is_scoped(world: World, station: Any) -> None:
    mine = api(world).get("/api/v1/stations").json()
    assert [s["name"] for s in mine["items"]] == ["测试爱心驿站"]
    assert mine["items"][0]["contact_phone"] == "139****6666" and mine["items"][0]["org"] == world.union_a.code
    assert api(world, "sibling").get("/api/v1/stations").json()["items"] == []


def test_near_is_public_with_distances(world: World, station: Any) -> None:
    found = Client().get("/api/v1/stations/near", {"lat": "33.36", "lng": "120.16"}).json()
    assert found[0]["name"] == "测试爱心驿站" and 1000 < found[0]["distance_m"] < 1200
    assert found[0]["gcj02_lng"] != float(found[0]["lng"])
    assert "org" not in found[0]
    outside = Client().get("/api/v1/stations/near", {"lat": "48.85", "lng": "2.29"})
    assert outside.status_code == 422 and "不在中国境内" in outside.json()["detail"]


def test_detail_public_fields_for_anonymous(world: World, station: Any) -> None:
    public = Client().get(f"/api/v1/stations/{station.pk}").json()
    assert "org" not in public and public["is_24h"] and public["open_now"]
    assert public["ratings"][0]["title"] == "测试星级驿站"
    staff = api(world).get(f"/api/v1/stations/{station.pk}").json()
    assert staff["org"] == world.union_a.code
    station.is_active, station.closed_at = False, timezone.now()
    station.save()
    assert Client().get(f"/api/v1/stations/{station.pk}").status_code == 404
    assert api(world).get(f"/api/v1/stations/{station.pk}").status_code == 200


def test_visit_dedup_and_bad_input(world: World, station: Any) -> None:
    body = {"token": station.poster_token, "category": "trucker", "visitor": "app-install-0123456789"}
    before = StationVisit.objects.count()
    first = post(Client(), "/stations/visits", body).json()
    second = post(Client(), "/stations/visits", body).json()
    assert first["recorded"] and not second["recorded"] and "不重复计数" in second["message"]
    assert StationVisit.objects.count() == before + 1
    short = post(Client(), "/stations/visits", {**body, "visitor": "x"})
    assert short.status_code == 422 and "随机串" in short.json()["detail"]
    forged = post(Client(), "/stations/visits", {**body, "token": "forged"})
    assert forged.status_code == 404
    assert StationVisit.objects.count() == before + 1


def test_union_booking_and_decision(world: World) -> None:
    body = {
        "org_code": world.union_a.code,
        "room_id": world.stations.room.pk,
        "starts_at": tomorrow_at(14).isoformat(),
        "ends_at": tomorrow_at(16).isoformat(),
        "purpose": "劳动竞赛动员会",
        "attendees": 15,
    }
    made = post(api(world), "/stations/bookings", body)
    assert made.status_code == 201 and made.json()["status"] == "pending"
    taken = post(api(world), "/stations/bookings", body)
    assert taken.status_code == 422 and taken.json()["detail"] == "该时段已被预约，请选择其他时段。"
    assert post(api(world, "sibling"), "/stations/bookings", body).status_code == 404
    decided = post(api(world, "same"), f"/stations/bookings/{made.json()['id']}/decide", {"approve": True})
    assert decided.json()["status"] == "approved"
    listed = api(world).get("/api/v1/stations/bookings", {"status": "approved"}).json()["items"]
    assert [b["purpose"] for b in listed] == ["劳动竞赛动员会"]


def test_member_books_with_the_session(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    body = {
        "room_id": world.stations.room.pk,
        "starts_at": tomorrow_at(18).isoformat(),
        "ends_at": tomorrow_at(19).isoformat(),
        "purpose": "读书分享",
    }
    made = post(client, "/stations/me/bookings", body)
    assert made.status_code == 201
    mine = client.get("/api/v1/stations/me/bookings").json()
    assert {b["purpose"] for b in mine} == {"读书分享", "测试读书会"}
    assert post(client, f"/stations/me/bookings/{made.json()['id']}/cancel", {}).json()["status"] == "cancelled"
    too_many = post(client, "/stations/me/bookings", {**body, "attendees": 500})
    assert too_many.status_code == 422 and "容纳人数" in too_many.json()["detail"]
    assert post(Client(), "/stations/me/bookings", body).status_code == 401
    assert Booking.objects.filter(purpose="读书分享", status="pending").count() == 0

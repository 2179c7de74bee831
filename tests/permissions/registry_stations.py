"""Permission cases of the stations app: every page and API operation (see registry.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import image_bytes
from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, PUBLIC_AND_STAFF, Case
from tests.world import World
from tests.world_stations import BOOKING_PURPOSE, STATION, TITLE, tomorrow_at

POST = frozenset({302})
H5_SIGNIN = "/h5/me/signin/"


def _pk(attr: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"pk": getattr(w.stations, attr).pk}


def _station(w: World) -> dict[str, Any]:
    return {"pk": w.stations.station.pk}


def _photo(w: World) -> dict[str, Any]:
    return {"photo": SimpleUploadedFile("p.jpg", image_bytes(), content_type="image/jpeg"), "caption": "门头"}


def _later(days: int) -> str:
    return str(timezone.localdate() + dt.timedelta(days=days))


WEB_CASES = [
    Case("stations:list", allowed=LOGGED_IN, marker=lambda w: STATION),
    Case("stations:map", allowed=LOGGED_IN, marker=lambda w: STATION),
    Case("stations:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("stations:detail", kwargs=_station),
    Case("stations:edit", kwargs=_station),
    Case(
        "stations:hours",
        kwargs=_station,
        method="form",
        data=lambda w: {f"day_{d}": "08:00-18:00" for d in range(7)},
        ok=POST,
    ),
    Case(
        "stations:special_day_add",
        kwargs=_station,
        method="form",
        data=lambda w: {"date": _later(10), "hours": "", "note": "测试"},
        ok=POST,
    ),
    Case("stations:special_day_delete", kwargs=_pk("special_day"), method="form", ok=POST),
    Case("stations:photo_add", kwargs=_station, method="form", data=_photo, ok=POST),
    Case("stations:photo", kwargs=_pk("photo")),
    Case("stations:photo_delete", kwargs=_pk("photo"), method="form", ok=POST),
    Case("stations:close", kwargs=_station, method="form", data=lambda w: {"reason": "装修"}, ok=POST),
    Case("stations:reopen", kwargs=_station, method="form", ok=POST),
    Case("stations:reveal_phone", kwargs=_station, method="post"),
    Case("stations:poster", kwargs=_station),
    Case("stations:poster_qr", kwargs=lambda w: {"pk": w.stations.station.pk, "fmt": "svg"}),
    Case("stations:usage", kwargs=_station),
    Case(
        "stations:room_new",
        kwargs=_station,
        method="form",
        data=lambda w: {"name": "新活动室", "capacity": "10", "slot_minutes": "60", "bookable_by": "both"},
        ok=POST,
    ),
    Case("stations:apply", kwargs=lambda w: {"pk": w.stations.station.pk, "title_pk": w.stations.title.pk}),
    Case("stations:ratings", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("stations:title_new", allowed=LOGGED_IN),
    Case("stations:title", kwargs=_pk("title")),
    Case("stations:application", kwargs=_pk("application")),
    Case(
        "stations:application_review",
        kwargs=_pk("application"),
        method="form",
        data=lambda w: {"score_0": "45", "score_1": "40"},
        ok=POST,
    ),
    Case(
        "stations:application_decide", kwargs=_pk("application"), method="form", data=lambda w: {"grant": "1"}, ok=POST
    ),
    Case(
        "stations:rating_revoke", kwargs=_pk("rating"), method="form", data=lambda w: {"reason": "复查不合格"}, ok=POST
    ),
    Case("stations:bookings", allowed=LOGGED_IN, query=lambda w: {"status": ""}, marker=lambda w: BOOKING_PURPOSE),
    Case("stations:booking_new", allowed=LOGGED_IN),
    Case("stations:booking_decide", kwargs=_pk("booking"), method="form", data=lambda w: {"approve": "1"}, ok=POST),
    Case("stations:booking_cancel", kwargs=_pk("booking"), method="form", ok=POST),
    # The member's own bookings: sign-in first, then their own only.
    Case("stations_h5:book", kwargs=_pk("room"), allowed=MEMBER_ONLY, login_path=H5_SIGNIN),
    Case("stations_h5:my_bookings", allowed=MEMBER_ONLY, login_path=H5_SIGNIN),
    Case(
        "stations_h5:my_booking_cancel",
        kwargs=_pk("booking"),
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=H5_SIGNIN,
    ),
]


def _booking_in(w: World, hour: int) -> dict[str, Any]:
    return {
        "room_id": w.stations.room.pk,
        "starts_at": tomorrow_at(hour).isoformat(),
        "ends_at": tomorrow_at(hour + 1).isoformat(),
        "purpose": "接口预约的会议",
        "attendees": 5,
    }


API_CASES = [
    Case("api:stations_list", allowed=LOGGED_IN, marker=lambda w: STATION),
    Case("api:stations_near", allowed=PUBLIC_AND_STAFF, query=lambda w: {"lat": "33.35", "lng": "120.16"}),
    Case("api:stations_get", kwargs=_station, allowed=PUBLIC_AND_STAFF),
    Case(
        "api:stations_visit",
        method="post",
        allowed=PUBLIC_AND_STAFF,
        data=lambda w: {
            "token": w.stations.station.poster_token,
            "category": "delivery",
            "visitor": "walk-visitor-0000000001",
        },
    ),
    Case("api:stations_bookings_list", allowed=LOGGED_IN, marker=lambda w: BOOKING_PURPOSE),
    Case(
        "api:stations_bookings_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {**_booking_in(w, 14), "org_code": w.union_a.code},
    ),
    Case("api:stations_bookings_decide", kwargs=_pk("booking"), method="post", data=lambda w: {"approve": True}),
    Case("api:stations_bookings_cancel", kwargs=_pk("booking"), method="post"),
    Case("api:stations_my_bookings", allowed=MEMBER_ONLY),
    Case(
        "api:stations_my_bookings_create",
        method="post",
        ok=frozenset({201}),
        allowed=MEMBER_ONLY,
        data=lambda w: _booking_in(w, 16),
    ),
    Case("api:stations_my_bookings_cancel", kwargs=_pk("booking"), method="post", allowed=MEMBER_ONLY),
]

CASES: list[Case] = WEB_CASES + API_CASES

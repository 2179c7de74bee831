"""服务阵地 over the API: stations (scoped list, public near-me and detail), visits from a scanner or
mini-program, and room bookings (a union's by staff token; a member's own with their signed-in session)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import SessionAuth

from gonghui.accounts.api_auth import optional_staff_user
from gonghui.common.access import public_view
from gonghui.common.paging import page_after
from gonghui.common.ratelimits import check_rate
from gonghui.members.worker_accounts import person_of
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.stations import selectors, services
from gonghui.stations.choices import BookingStatus, VisitCategory
from gonghui.stations.geo import check_in_china, wgs_to_gcj
from gonghui.stations.hours import WEEKDAYS, format_day, timetable
from gonghui.stations.models import Booking, Room, Station

router = Router(tags=["stations"])


class WorkerSessionAuth(SessionAuth):
    """A signed-in worker's session (CSRF checked on unsafe methods), bound to their own record."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or not getattr(user, "is_worker", False) or person_of(user) is None:
            return None
        return user


WORKER_AUTH = [WorkerSessionAuth()]


class StationRatingOut(Schema):
    title: str
    level: str
    stars: int
    valid_until: dt.date


class StationOut(Schema):
    """What anyone may see of an active station. Coordinates in WGS-84, and in GCJ-02 for Chinese maps."""

    id: int
    name: str
    kind: str
    kind_name: str
    address: str
    lat: Decimal
    lng: Decimal
    gcj02_lat: float
    gcj02_lng: float
    is_24h: bool
    open_now: bool
    hours: list[str]  # Monday first: "周一 08:00-12:00, 14:00-18:00"
    facilities: list[str]
    services: list[str]
    contact_phone: str  # masked
    ratings: list[StationRatingOut]
    distance_m: float | None = None


class StationStaffOut(StationOut):
    org: str
    host_name: str
    is_active: bool


class StationPage(Schema):
    items: list[StationStaffOut]
    next_after: int | None


def _out(
    station: Station, ratings: dict[int, list[Any]], *, staff: bool = False, distance: float | None = None
) -> dict[str, Any]:
    table = timetable(station)
    glat, glng = wgs_to_gcj(float(station.lat), float(station.lng))
    data = {
        "id": station.pk,
        "name": station.name,
        "kind": station.kind.code,
        "kind_name": station.kind.name,
        "address": station.address,
        "lat": station.lat,
        "lng": station.lng,
        "gcj02_lat": round(glat, 6),
        "gcj02_lng": round(glng, 6),
        "is_24h": station.is_24h,
        "open_now": station.is_active and table.open_at(timezone.localtime()),
        "hours": [f"{WEEKDAYS[d]} {format_day(table.week[d])}" for d in range(7)],
        "facilities": _names(station, "facility_names", "facilities"),
        "services": _names(station, "service_names", "services"),
        "contact_phone": station.contact_phone.masked() if station.contact_phone else "",
        "ratings": [
            {"title": r.title.name, "level": r.title.level, "stars": r.title.stars, "valid_until": r.valid_until}
            for r in ratings.get(station.pk, [])
        ],
        "distance_m": round(distance, 1) if distance is not None else None,
    }
    if staff:
        data |= {"org": station.org.code, "host_name": station.host_name, "is_active": station.is_active}
    return data


def _names(station: Station, read: str, relation: str) -> list[str]:
    """Names a list card read already (selectors.with_cards), else from the prefetched relation."""
    names = getattr(station, read, None)
    return names if names is not None else [row.name for row in getattr(station, relation).all()]


@router.get("/stations", response=StationPage, operation_id="stations_list")
def stations_list(
    request: HttpRequest,
    under: str = "",
    kind: str = "",
    facility: str = "",
    open_now: bool = False,
    q: str = "",
    after: int | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    """Stations in the caller's scope, newest first; `under` narrows to a union's subtree (by code)."""
    org = org_selectors.org_pick_for(request.user, under) if under else None
    qs = selectors.with_details(
        selectors.stations_for(request.user, under=org, kind=kind, facility=facility, open_now=open_now, q=q)
    )
    rows, next_after = page_after(qs, after=after, size=max(1, min(limit, 200)))
    ratings = selectors.current_ratings(rows)
    return {"items": [_out(s, ratings, staff=True) for s in rows], "next_after": next_after}


@router.get("/stations/near", response=list[StationOut], auth=None, operation_id="stations_near")
@public_view
def stations_near(
    request: HttpRequest,
    lat: float,
    lng: float,
    kind: str = "",
    facility: str = "",
    open_now: bool = False,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Active stations nearest a WGS-84 point (public), nearest first, with the distance in metres."""
    point_lat, point_lng = check_in_china(lat, lng)
    found = selectors.near(
        float(point_lat),
        float(point_lng),
        limit=max(1, min(limit, 50)),
        kind=kind,
        facility=facility,
        open_now=open_now,
    )
    ratings = selectors.current_ratings([n.station for n in found])
    return [_out(n.station, ratings, distance=n.distance_m) for n in found]


@router.get("/stations/{int:pk}", response={200: StationStaffOut | StationOut}, auth=None, operation_id="stations_get")
@public_view
def stations_get(request: HttpRequest, pk: int) -> dict[str, Any]:
    """An active station's public fields; a staff caller whose scope holds it sees its union too (and may
    read a closed one)."""
    staff = optional_staff_user(request)
    station = get_object_or_404(selectors.with_details(Station.objects.all()), pk=pk)
    in_scope = staff is not None and can(staff, Perm.VIEW, station.org)
    if not station.is_active and not in_scope:
        raise Http404  # the same answer as for an unknown station
    return _out(station, selectors.current_ratings([station]), staff=in_scope)


class VisitIn(Schema):
    token: str  # the poster token the QR code carries
    category: VisitCategory
    visitor: str  # a random id the app keeps for this phone (16–64 characters), never personal data


class VisitOut(Schema):
    recorded: bool
    message: str


@router.post("/stations/visits", response=VisitOut, auth=None, operation_id="stations_visit")
@public_view
def stations_visit(request: HttpRequest, payload: VisitIn) -> dict[str, Any]:
    """Record a visit (public, rate-limited): a repeat by the same visitor within the window counts once."""
    check_rate(request, form="station-visit")
    if not 16 <= len(payload.visitor) <= 64:
        raise ValidationError({"visitor": _("访客标识应为 16–64 个字符的随机串。")})
    station = selectors.station_by_token(payload.token)
    outcome = services.visit_record(
        station=station, category=payload.category, key=services.visitor_key("anon", payload.visitor)
    )
    return {"recorded": outcome.recorded, "message": visit_message(outcome.recorded)}


def visit_message(recorded: bool) -> str:
    if recorded:
        return _("已记录，欢迎再来！")
    return _("您在 %(n)d 分钟内已登记过，本次不重复计数。欢迎再来！") % {"n": services.visit_window_minutes()}


class BookingOut(Schema):
    id: int
    room_id: int
    room: str
    station_id: int
    station: str
    booker: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    purpose: str
    attendees: int
    status: BookingStatus
    decision_note: str

    @staticmethod
    def resolve_room(obj: Booking) -> str:
        return obj.room.name

    @staticmethod
    def resolve_station_id(obj: Booking) -> int:
        return obj.room.station_id

    @staticmethod
    def resolve_station(obj: Booking) -> str:
        return obj.room.station.name

    @staticmethod
    def resolve_booker(obj: Booking) -> str:
        return obj.booker_org.name if obj.booker_org else _("会员个人")


class BookingPage(Schema):
    items: list[BookingOut]
    next_after: int | None


class BookingIn(Schema):
    room_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    purpose: str
    attendees: int = 1


class UnionBookingIn(BookingIn):
    org_code: str  # the union that books


class StationDecideIn(Schema):
    approve: bool
    note: str = ""


def _room(pk: int) -> Room:
    return get_object_or_404(Room.objects.select_related("station"), pk=pk)


@router.get("/stations/bookings", response=BookingPage, operation_id="stations_bookings_list")
def stations_bookings_list(
    request: HttpRequest, status: BookingStatus | None = None, after: int | None = None, limit: int = 50
) -> dict[str, Any]:
    """Bookings of rooms of stations in scope, and bookings by unions in scope, newest first."""
    qs = selectors.bookings_for(request.user, status=status or "")
    rows, next_after = page_after(qs, after=after, size=max(1, min(limit, 200)))
    return {"items": rows, "next_after": next_after}


@router.post("/stations/bookings", response={201: BookingOut}, operation_id="stations_bookings_create")
def stations_bookings_create(request: HttpRequest, payload: UnionBookingIn) -> Status:
    """A union books a room (its cadre, Perm.ORG_EDIT); the station's union approves. 422 when taken."""
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    booking = services.booking_request(
        actor=request.user,
        room=_room(payload.room_id),
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        purpose=payload.purpose,
        attendees=payload.attendees,
        booker_org=org,
    )
    return Status(201, booking)


@router.post("/stations/bookings/{int:pk}/decide", response=BookingOut, operation_id="stations_bookings_decide")
def stations_bookings_decide(request: HttpRequest, pk: int, payload: StationDecideIn) -> Booking:
    booking = selectors.booking_get_for(request.user, pk)
    return services.booking_decide(actor=request.user, booking=booking, approve=payload.approve, note=payload.note)


@router.post("/stations/bookings/{int:pk}/cancel", response=BookingOut, operation_id="stations_bookings_cancel")
def stations_bookings_cancel(request: HttpRequest, pk: int) -> Booking:
    booking = selectors.booking_get_for(request.user, pk)
    return services.booking_cancel(actor=request.user, booking=booking)


@router.get("/stations/me/bookings", response=list[BookingOut], auth=WORKER_AUTH, operation_id="stations_my_bookings")
def stations_my_bookings(request: HttpRequest) -> Any:
    """The signed-in worker's own bookings (their session)."""
    return selectors.bookings_of(person_of(request.user))[:100]  # type: ignore[arg-type]


@router.post(
    "/stations/me/bookings",
    response={201: BookingOut},
    auth=WORKER_AUTH,
    operation_id="stations_my_bookings_create",
)
def stations_my_bookings_create(request: HttpRequest, payload: BookingIn) -> Status:
    """A signed-in member books a room for themselves; the station's union approves."""
    booking = services.booking_request(
        actor=request.user,
        room=_room(payload.room_id),
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        purpose=payload.purpose,
        attendees=payload.attendees,
        person=person_of(request.user),
    )
    return Status(201, booking)


@router.post(
    "/stations/me/bookings/{int:pk}/cancel",
    response=BookingOut,
    auth=WORKER_AUTH,
    operation_id="stations_my_bookings_cancel",
)
def stations_my_bookings_cancel(request: HttpRequest, pk: int) -> Booking:
    person = person_of(request.user)
    booking = get_object_or_404(selectors.bookings_of(person), pk=pk)  # type: ignore[arg-type]
    return services.booking_cancel(actor=request.user, booking=booking, person=person)

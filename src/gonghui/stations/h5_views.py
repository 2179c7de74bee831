"""The phone pages of 服务阵地: 附近服务站 (nearest first, from the browser's location or a chosen district),
a station's page, the two-tap visit page behind a station's QR poster, and room booking for members.

The list is rendered on the server, so it is there when map tiles cannot load; the map only adds to it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.ratelimits import check_rate
from gonghui.members.selectors import active_membership
from gonghui.members.worker_access import worker_view
from gonghui.members.worker_accounts import person_of
from gonghui.orgs.models import Region
from gonghui.stations import selectors, services
from gonghui.stations.choices import ANONYMOUS_CATEGORIES, BookingStatus
from gonghui.stations.forms import SlotForm, facility_choices, kind_choices
from gonghui.stations.geo import check_in_china, haversine_m
from gonghui.stations.hours import WEEKDAYS, format_day, timetable
from gonghui.stations.map_data import map_config, map_points, nearby_places, place_points, shown
from gonghui.stations.models import Station, StationPhoto

VISITOR_COOKIE = "gh_visitor"
REGIONS_CACHE_SECONDS = 300
NEAR_LIMIT = 20


def _regions() -> list[tuple[str, str]]:
    """Districts that have open stations, for the "choose a district" picker (cached for a few minutes:
    grouping every station on each request would cost more than the nearest-first list)."""

    def read() -> list[tuple[str, str]]:
        codes = (
            Station.objects.filter(is_active=True, region__isnull=False)
            .values("region")
            .annotate(n=Count("id"))
            .values_list("region", flat=True)
        )
        return list(Region.objects.filter(code__in=codes).order_by("code").values_list("code", "name"))

    return cache.get_or_set("stations:regions:v1", read, REGIONS_CACHE_SECONDS) or []


@public_view
def near(request: HttpRequest) -> HttpResponse:
    get = request.GET
    kind, facility, open_now = get.get("kind", ""), get.get("facility", ""), get.get("open_now") == "1"
    region_code = get.get("region", "")
    error, point, results = "", None, []
    if get.get("lat") or get.get("lng"):
        try:
            lat, lng = check_in_china(get.get("lat", ""), get.get("lng", ""))
            point = (float(lat), float(lng))
        except ValidationError as exc:
            error = exc.messages[0]
    region = Region.objects.filter(code=region_code).first() if region_code else None
    if point is not None:
        results = selectors.near(*point, limit=NEAR_LIMIT, kind=kind, facility=facility, open_now=open_now)
    elif region is not None:
        qs = selectors.filter_stations(
            Station.objects.filter(is_active=True), kind=kind, facility=facility, open_now=open_now, region=region.code
        )
        stations = selectors.with_cards(list(qs.select_related("kind")[:100]))
        if region.lat is not None and region.lng is not None:
            rows = [
                selectors.Near(s, haversine_m(region.lat, region.lng, float(s.lat), float(s.lng))) for s in stations
            ]
            results = sorted(rows, key=lambda r: r.distance_m)
        else:
            results = [selectors.Near(s, 0.0) for s in sorted(stations, key=lambda s: s.name)]
    now = timezone.localtime()
    cards = [(r, timetable(r.station).open_at(now)) for r in results]
    here = shown(*point) if point else None
    places = nearby_places(*point) if point else []
    context = {
        "cards": cards,
        "error": error,
        "point": point,
        "region": region,
        "regions": _regions(),
        "kinds": kind_choices(),
        "facilities": facility_choices(),
        "kind": kind,
        "facility": facility,
        "open_now": open_now,
        "searched": point is not None or region is not None,
        "map_config": map_config(),
        "points": map_points([r.station for r in results], link=lambda s: reverse("stations_h5:station", args=[s.pk]))
        + place_points(places),
        "places": places,
        "here": list(here) if here else None,
    }
    return render(request, "stations/h5/near.html", context)


def _route_link(station: Station) -> str:
    """AutoNavi's marker page (GCJ-02), which opens its app or web map and offers a route."""
    from gonghui.stations.geo import wgs_to_gcj

    lat, lng = wgs_to_gcj(float(station.lat), float(station.lng))
    query = urlencode({"position": f"{lng:.6f},{lat:.6f}", "name": station.name, "coordinate": "gaode"})
    return f"https://uri.amap.com/marker?{query}"


@public_view
def station(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.public_station(pk)
    table = timetable(found)
    now = timezone.localtime()
    today = now.date()
    week = [(WEEKDAYS[d], format_day(table.week[d]), d == today.weekday()) for d in range(7)]
    upcoming = [sd for sd in found.special_days.all() if sd.date >= today]
    person = person_of(request.user)
    context = {
        "station": found,
        "open_now": table.open_at(now),
        "is_24h": found.is_24h,
        "week": week,
        "today_text": format_day(table.spans_on(today)),
        "special_days": upcoming,
        "ratings": selectors.current_ratings([found]).get(found.pk, []),
        "photos": list(found.photos.all()[:9]),
        "rooms": list(found.rooms.filter(is_active=True)),
        "route": _route_link(found),
        "geo_link": f"geo:{found.lat},{found.lng}?q={found.lat},{found.lng}",
        "signed_in": person is not None,
        "map_config": map_config(),
        "points": map_points([found]),
    }
    return render(request, "stations/h5/station.html", context)


@public_view
def photo(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(StationPhoto, pk=pk, station__is_active=True)
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


@public_view
@never_cache
def visit(request: HttpRequest, token: str) -> HttpResponse:
    """Two taps: open the poster's link, pick a category (or 我是会员 when signed in). A repeat within the
    window is said to be recorded already and counts once."""
    found = selectors.station_by_token(token)
    person = person_of(request.user)
    membership = active_membership(person) if person is not None else None
    context: dict[str, Any] = {
        "station": found,
        "categories": [(c.value, c.label) for c in ANONYMOUS_CATEGORIES],
        "membership": membership,
        "window": services.visit_window_minutes(),
        "signin": f"{reverse('portal:signin')}?{urlencode({'next': request.path})}",
    }
    cookie = request.COOKIES.get(VISITOR_COOKIE, "")
    if len(cookie) < 16 or len(cookie) > 64:
        cookie = secrets.token_urlsafe(16)
    if request.method == "POST":
        as_member = request.POST.get("member") == "1" and membership is not None
        try:
            check_rate(request, form="station-visit")
            if as_member:
                key = services.visitor_key("person", str(person.pk))  # type: ignore[union-attr]
                outcome = services.visit_record(station=found, category="member", key=key, membership=membership)
            else:
                key = services.visitor_key("anon", cookie)
                outcome = services.visit_record(station=found, category=request.POST.get("category", ""), key=key)
        except ValidationError as exc:
            context["error"] = "；".join(exc.messages)
        else:
            context["outcome"] = outcome
    response = render(request, "stations/h5/visit.html", context)
    # A random visitor id, nothing else: it lets a repeat scan count once.
    response.set_cookie(
        VISITOR_COOKIE, cookie, max_age=365 * 24 * 3600, httponly=True, samesite="Lax", secure=request.is_secure()
    )
    return response


def _asked_day(request: HttpRequest) -> dt.date:
    """?day= picks whose slots the page lists (today when absent, unreadable or out of the booking window)."""
    today = timezone.localdate()
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return today
    return day if today <= day <= today + dt.timedelta(days=services.BOOK_AHEAD_DAYS) else today


@worker_view
@never_cache
def book(request: HttpRequest, pk: int) -> HttpResponse:
    """A signed-in member books a room of a station for themselves."""
    room = selectors.room_get_public(pk)
    person = request.person  # type: ignore[attr-defined]
    form = SlotForm(request.POST or None, initial={"day": timezone.localdate()})
    form.fields["start"].widget.attrs["step"] = room.slot_minutes * 60  # the picker moves slot by slot
    day = form.cleaned_data["day"] if form.is_bound and form.is_valid() else _asked_day(request)
    if request.method == "POST" and form.is_valid():
        starts, ends = form.period(room)
        try:
            services.booking_request(
                actor=request.user,
                room=room,
                starts_at=starts,
                ends_at=ends,
                purpose=form.cleaned_data["purpose"],
                attendees=form.cleaned_data["attendees"],
                person=person,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("stations_h5:my_bookings")
    slots = selectors.room_day(room, day)
    return render(request, "stations/h5/book.html", {"room": room, "form": form, "slots": slots, "day": day})


@worker_view
@never_cache
def my_bookings(request: HttpRequest) -> HttpResponse:
    rows = selectors.bookings_of(request.person)[:50]  # type: ignore[attr-defined]
    cancellable = {BookingStatus.PENDING, BookingStatus.APPROVED}
    now = timezone.now()
    return render(
        request,
        "stations/h5/bookings.html",
        {"rows": [(b, b.status in cancellable and b.starts_at > now) for b in rows]},
    )


@worker_view
@require_POST
def my_booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(selectors.bookings_of(request.person), pk=pk)  # type: ignore[attr-defined]
    try:
        services.booking_cancel(actor=request.user, booking=booking, person=request.person)  # type: ignore[attr-defined]
    except ValidationError as exc:
        from django.contrib import messages

        messages.error(request, "；".join(exc.messages))
    return redirect("stations_h5:my_bookings")

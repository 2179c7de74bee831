"""Reads of the stations app. Staff lists go through the scope; the public reads (map, near me, station page)
show active stations only, and only their public fields (the views decide what to render)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import ExtractHour, TruncDate, TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.common.figures import local_midnight, on_days
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.stations import geo
from gonghui.stations.choices import LEVEL_RANK, OPEN_APPLICATION_STATUSES, BookingStatus, VisitCategory
from gonghui.stations.hours import DAY
from gonghui.stations.models import (
    Booking,
    OpeningHours,
    Rating,
    RatingApplication,
    RatingTitle,
    Room,
    SpecialDay,
    Station,
    StationVisit,
)


def open_now_q(at: dt.datetime | None = None) -> Q:
    """A filter on Station: open at `at` (now), by the same rules as Timetable.open_at, in the database."""
    local = timezone.localtime(at or timezone.now())
    today, minute = local.date(), local.hour * 60 + local.minute
    yesterday = today - dt.timedelta(days=1)
    special_today = SpecialDay.objects.filter(station=OuterRef("pk"), date=today)
    special_yesterday = SpecialDay.objects.filter(station=OuterRef("pk"), date=yesterday)
    regular_today = ~Exists(special_today) & (
        Q(is_24h=True)
        | Exists(
            OpeningHours.objects.filter(
                station=OuterRef("pk"), weekday=today.weekday(), opens__lte=minute, closes__gt=minute
            )
        )
    )
    own_today = Exists(special_today.filter(closed=False, opens__lte=minute, closes__gt=minute))
    carried = (
        ~Exists(special_yesterday)
        & Q(is_24h=False)
        & Exists(
            OpeningHours.objects.filter(station=OuterRef("pk"), weekday=yesterday.weekday(), closes__gt=minute + DAY)
        )
    ) | Exists(special_yesterday.filter(closed=False, closes__gt=minute + DAY))
    return Q(is_active=True) & (regular_today | own_today | carried)


def with_details(qs: QuerySet[Station], *, around: dt.date | None = None) -> QuerySet[Station]:
    """What a station card needs in a fixed number of queries: kind, union, facilities, services, hours and
    the special days around `around` (today)."""
    day = around or timezone.localdate()
    return qs.select_related("kind", "org").prefetch_related(
        "facilities",
        "services",
        Prefetch("hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
        Prefetch(
            "special_days",
            queryset=SpecialDay.objects.filter(date__gte=day - dt.timedelta(days=1), date__lte=day + dt.timedelta(7)),
        ),
    )


def filter_stations(
    qs: QuerySet[Station],
    *,
    kind: str = "",
    facility: str = "",
    open_now: bool = False,
    region: str = "",
    q: str = "",
    at: dt.datetime | None = None,
) -> QuerySet[Station]:
    if kind:
        qs = qs.filter(kind__code=kind)
    if facility:
        qs = qs.filter(
            Exists(Station.facilities.through.objects.filter(station=OuterRef("pk"), facility__code=facility))
        )
    if region:
        qs = qs.filter(region_id=region)
    if q.strip():
        qs = qs.filter(Q(name__contains=q.strip()) | Q(address__contains=q.strip()))
    if open_now:
        qs = qs.filter(open_now_q(at))
    return qs


def stations_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    kind: str = "",
    facility: str = "",
    open_now: bool = False,
    active: bool | None = None,
    q: str = "",
    rated: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    visited: bool = False,
    category: str = "",
) -> QuerySet[Station]:
    """Stations in the user's scope, narrowed by the list's filters, newest first (keyset paging).

    `start`/`end` bound the day a station was registered, and with `end` `active` is as of that day (open: by
    then registered and not closed), as the 服务阵地 figure counts the stations open at a period's end. With
    `visited` they bound visits instead: the stations visited in those days (by a visitor of `category`), and
    `active` is today's status."""
    qs = scope_for(user).filter(Station.objects.all())
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if visited:
        qs = qs.filter(Exists(visits_between(start, end, category).filter(station=OuterRef("pk"))))
        start = end = None  # they bounded the visits
    qs = qs.filter(on_days("created_at", start, end))
    if active is not None:
        qs = qs.filter(_open_on(end) if active else ~_open_on(end))
    if rated:
        qs = qs.filter(Exists(current_ratings_qs().filter(station=OuterRef("pk"))))
    qs = filter_stations(qs, kind=kind, facility=facility, open_now=open_now, q=q)
    return qs.order_by("-pk")


def _open_on(day: dt.date | None) -> Q:
    """Open at the end of `day` (today when None): not closed by then (a station closed later was open)."""
    if day is None:
        return Q(is_active=True)
    return Q(is_active=True) | Q(closed_at__gte=local_midnight(day + dt.timedelta(days=1)))


def visits_between(start: dt.date | None, end: dt.date | None, category: str = "") -> QuerySet[StationVisit]:
    """Visits on the local days `start` to `end` (either may be left out), of visitors of `category`."""
    visits = StationVisit.objects.filter(on_days("at", start, end))
    return visits.filter(category=category) if category else visits


@dataclass(frozen=True)
class VisitTotals:
    visits: int
    stations: int


def with_visits(
    stations: QuerySet[Station], start: dt.date | None, end: dt.date | None, category: str = ""
) -> tuple[QuerySet[Station], VisitTotals]:
    """The stations, each with its visits in the days (`visit_count`), and the visits they add up to (one
    query): the list of the 到访人次 figures' drill-down. Counts only, never who visited."""
    visits = visits_between(start, end, category)
    counted = visits.filter(station=OuterRef("pk")).order_by().values("station").annotate(n=Count("pk"))
    sums = visits.filter(station__in=stations.order_by().values("pk")).aggregate(
        n=Count("pk"), stations=Count("station", distinct=True)
    )
    annotated = stations.annotate(visit_count=Subquery(counted.values("n")[:1]))
    return annotated, VisitTotals(sums["n"], sums["stations"])


def station_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Station:
    station = get_object_or_404(with_details(Station.objects.all()), pk=pk)
    require(user, station.org, perm)
    return station


def public_station(pk: int) -> Station:
    return get_object_or_404(with_details(Station.objects.filter(is_active=True)), pk=pk)


def station_by_token(token: str) -> Station:
    return get_object_or_404(Station.objects.select_related("kind"), poster_token=token, is_active=True)


# --- near me ------------------------------------------------------------------------------------

RADII_M = (3_000, 8_000, 20_000, 50_000, 150_000, 500_000, 1_500_000, 4_000_000)
BOX_CAP = 5_000  # rows read from one box at most; a denser box holds far more than `limit` in its circle


@dataclass(frozen=True)
class Near:
    station: Station
    distance_m: float

    @property
    def distance(self) -> str:
        return geo.format_distance(self.distance_m)


def near(
    lat: float,
    lng: float,
    *,
    limit: int = 20,
    kind: str = "",
    facility: str = "",
    open_now: bool = False,
    at: dt.datetime | None = None,
    max_radius_m: float = RADII_M[-1],
) -> list[Near]:
    """The nearest active stations to a WGS-84 point, nearest first, with their distances.

    A bounding box on the (lat, lng) index is read for growing radii until it holds `limit` stations within
    the radius (only those are sure to be the nearest), then the candidates are sorted exactly by haversine
    in Python. Only ids and coordinates are read per box; the cards are fetched once at the end.
    """
    base = filter_stations(
        Station.objects.filter(is_active=True), kind=kind, facility=facility, open_now=open_now, at=at
    )

    def read(radius: float) -> tuple[list[tuple[float, int]], bool]:
        south, north, west, east = geo.box(lat, lng, radius)
        rows = list(
            base.filter(lat__gte=south, lat__lte=north, lng__gte=west, lng__lte=east).values_list("pk", "lat", "lng")[
                :BOX_CAP
            ]
        )
        inside = [(d, pk) for pk, a, b in rows if (d := geo.haversine_m(lat, lng, float(a), float(b))) <= radius]
        return sorted(inside), len(rows) >= BOX_CAP

    radii = [r for r in RADII_M if r < max_radius_m] + [max_radius_m]
    inside: list[tuple[float, int]] = []
    for radius in radii:
        inside, capped = read(radius)
        # A box too dense to read whole: the limit-th nearest read so far bounds the answer, so read the
        # smaller box of that radius again until it fits.
        while capped and len(inside) >= limit and inside[limit - 1][0] < radius * 0.9:
            radius = inside[limit - 1][0]
            inside, capped = read(radius)
        if len(inside) >= limit:
            break
    found = inside[:limit]
    stations = Station.objects.select_related("kind").in_bulk([pk for _d, pk in found])
    with_cards(list(stations.values()), around=timezone.localtime(at).date() if at else None)
    return [Near(stations[pk], distance) for distance, pk in found if pk in stations]


def with_cards(stations: list[Station], *, around: dt.date | None = None) -> list[Station]:
    """What a list card shows, in four flat reads for all the stations (no per-row querysets, which cost more
    than the reads on a near-me page): each station's timetable, facility and service names."""
    from gonghui.stations.hours import Span, Timetable

    day = around or timezone.localdate()
    ids = [s.pk for s in stations]
    week: dict[int, dict[int, list[Span]]] = {pk: {d: [] for d in range(7)} for pk in ids}
    for pk, weekday, opens, closes in OpeningHours.objects.filter(station_id__in=ids).values_list(
        "station_id", "weekday", "opens", "closes"
    ):
        week[pk][weekday].append(Span(opens, closes))
    special: dict[int, dict[dt.date, list[Span]]] = {pk: {} for pk in ids}
    for pk, date, closed, from_, until in SpecialDay.objects.filter(
        station_id__in=ids, date__gte=day - dt.timedelta(days=1), date__lte=day + dt.timedelta(days=7)
    ).values_list("station_id", "date", "closed", "opens", "closes"):
        special[pk][date] = [] if closed else [Span(int(from_ or 0), int(until or 0))]  # set when open
    names: dict[str, dict[int, list[str]]] = {}
    for field in ("facilities", "services"):
        through = Station._meta.get_field(field).remote_field.through  # type: ignore[union-attr]
        target = "facility" if field == "facilities" else "stationservice"
        rows = (
            through.objects.filter(station_id__in=ids)
            .order_by(f"{target}__order")
            .values_list("station_id", f"{target}__name")
        )
        names[field] = {pk: [] for pk in ids}
        for pk, name in rows:
            names[field][pk].append(name)
    for station in stations:
        station.card_timetable = Timetable(  # type: ignore[attr-defined]
            week={d: sorted(v) for d, v in week[station.pk].items()}, special=special[station.pk], is_24h=station.is_24h
        )
        station.facility_names = names["facilities"][station.pk]  # type: ignore[attr-defined]
        station.service_names = names["services"][station.pk]  # type: ignore[attr-defined]
    return stations


# --- ratings ------------------------------------------------------------------------------------


def current_ratings_qs(on: dt.date | None = None) -> QuerySet[Rating]:
    """Ratings in force on a date: within their validity and not revoked by then."""
    day = on or timezone.localdate()
    return Rating.objects.filter(valid_from__lte=day, valid_until__gte=day).filter(
        Q(revoked_on__isnull=True) | Q(revoked_on__gt=day)
    )


def current_ratings(stations: Iterable[Station], on: dt.date | None = None) -> dict[int, list[Rating]]:
    """Each station's ratings in force on the date, best first (national before province …, then stars)."""
    ids = [s.pk for s in stations]
    out: dict[int, list[Rating]] = defaultdict(list)
    for rating in current_ratings_qs(on).filter(station_id__in=ids).select_related("title"):
        out[rating.station_id].append(rating)
    for ratings in out.values():
        ratings.sort(key=lambda r: (LEVEL_RANK[r.title.level], -r.title.stars, r.title.name))
    return dict(out)


def rating_history(station: Station) -> QuerySet[Rating]:
    return Rating.objects.filter(station=station).select_related("title__org").order_by("-valid_from", "-pk")


def titles_for(user: Any) -> QuerySet[RatingTitle]:
    return scope_for(user).filter(RatingTitle.objects.select_related("org", "kind")).order_by("org__path", "level")


def titles_open_to(station: Station) -> QuerySet[RatingTitle]:
    """Titles the station may apply for: active, of a union at or above its own, for its kind (or any)."""
    ancestors = [station.org.path[:i] for i in range(OrgNode.steplen, len(station.org.path) + 1, OrgNode.steplen)]
    return (
        RatingTitle.objects.filter(is_active=True, org__path__in=ancestors)
        .filter(Q(kind__isnull=True) | Q(kind=station.kind_id))
        .select_related("org")
    )


def title_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> RatingTitle:
    title = get_object_or_404(RatingTitle.objects.select_related("org", "kind"), pk=pk)
    require(user, title.org, perm)
    return title


def applications_for(user: Any, *, status: str = "", open_only: bool = False) -> QuerySet[RatingApplication]:
    """Applications the user sees: of stations in scope, or for titles of unions in scope (the reviewers)."""
    scope = scope_for(user)
    qs = RatingApplication.objects.select_related("station__org", "title__org")
    if not scope.everything:
        orgs = scope.orgs().values("pk")
        qs = qs.filter(Q(station__org__in=orgs) | Q(title__org__in=orgs))
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.filter(status__in=OPEN_APPLICATION_STATUSES)
    return qs.order_by("-pk")


def application_get_for(user: Any, pk: int) -> RatingApplication:
    """The application, to the station's union and the title's union alike (404 to others)."""
    application = get_object_or_404(
        RatingApplication.objects.select_related("station__org", "station__kind", "title__org"), pk=pk
    )
    scope = scope_for(user)
    if not (scope.contains(application.station.org) or scope.contains(application.title.org)):
        raise_404()
    return application


def rating_get_for(user: Any, pk: int) -> Rating:
    rating = get_object_or_404(Rating.objects.select_related("station__org", "title__org"), pk=pk)
    scope = scope_for(user)
    if not (scope.contains(rating.station.org) or scope.contains(rating.title.org)):
        raise_404()
    return rating


def raise_404() -> None:
    from django.http import Http404

    raise Http404


# --- visits -------------------------------------------------------------------------------------


@dataclass
class Usage:
    by_day: list[tuple[dt.date, int]]
    by_month: list[tuple[dt.date, int]]
    by_category: list[tuple[str, int]]
    by_hour: list[int]  # 24 counts, local time
    total: int
    night: int  # 22:00–06:00


def station_usage(station: Station, *, since: dt.date, until: dt.date) -> Usage:
    """Visits per day, per month, per category and by hour of day (local time) between the dates."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min), tz)
    end = timezone.make_aware(dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min), tz)
    visits = StationVisit.objects.filter(station=station, at__gte=start, at__lt=end)
    by_day = list(
        visits.annotate(d=TruncDate("at", tzinfo=tz))
        .values("d")
        .annotate(n=Count("id"))
        .order_by("d")
        .values_list("d", "n")
    )
    by_month = list(
        visits.annotate(m=TruncMonth("at", tzinfo=tz))
        .values("m")
        .annotate(n=Count("id"))
        .order_by("m")
        .values_list("m", "n")
    )
    labels = dict(VisitCategory.choices)
    by_category = [
        (str(labels.get(c, c)), n)
        for c, n in visits.values("category").annotate(n=Count("id")).order_by("-n").values_list("category", "n")
    ]
    hours = [0] * 24
    for hour, n in (
        visits.annotate(h=ExtractHour("at", tzinfo=tz)).values("h").annotate(n=Count("id")).values_list("h", "n")
    ):
        hours[hour] = n
    by_month_dates = [(m.date() if isinstance(m, dt.datetime) else m, n) for m, n in by_month]
    return Usage(
        by_day=by_day,
        by_month=by_month_dates,
        by_category=by_category,
        by_hour=hours,
        total=sum(hours),
        night=sum(hours[22:]) + sum(hours[:6]),
    )


# --- rooms and bookings -------------------------------------------------------------------------


def rooms_for(user: Any) -> QuerySet[Room]:
    return scope_for(user).filter(
        Room.objects.filter(is_active=True, station__is_active=True).select_related("station"), "station__org"
    )


def room_get_public(pk: int) -> Room:
    return get_object_or_404(
        Room.objects.select_related("station__kind").prefetch_related("station__hours", "station__special_days"),
        pk=pk,
        is_active=True,
        station__is_active=True,
    )


def bookings_for(
    user: Any,
    *,
    status: str = "",
    under: OrgNode | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    hosted: bool = False,
) -> QuerySet[Booking]:
    """Bookings of rooms of stations in scope, and bookings made by unions in scope. `under` narrows to those
    of its subtree's rooms or made by its subtree's unions, or with `hosted` to its rooms' only; `start`/`end`
    bound the day a booking starts (the 活动室预约 figure's drill-down)."""
    scope = scope_for(user)
    qs = Booking.objects.select_related("room__station__org", "booker_org", "person")
    if not scope.everything:
        orgs = scope.orgs().values("pk")
        qs = qs.filter(Q(room__station__org__in=orgs) | Q(booker_org__in=orgs))
    if under is not None:
        rooms = Q(room__station__org__path__startswith=under.path)
        qs = qs.filter(rooms if hosted else rooms | Q(booker_org__path__startswith=under.path))
    if status:
        qs = qs.filter(status=status)
    return qs.filter(on_days("starts_at", start, end)).order_by("-pk")


def booking_get_for(user: Any, pk: int) -> Booking:
    booking = get_object_or_404(Booking.objects.select_related("room__station__org", "booker_org", "person"), pk=pk)
    scope = scope_for(user)
    if not (scope.contains(booking.room.station.org) or scope.contains(booking.booker_org)):
        raise_404()
    return booking


def bookings_of(person: Person) -> QuerySet[Booking]:
    return Booking.objects.filter(person=person).select_related("room__station").order_by("-starts_at", "-pk")


def room_day(room: Room, day: dt.date) -> list[tuple[dt.datetime, bool]]:
    """The room's slots on a day while the station is open, and whether each is taken (a slot already begun
    counts as taken: it can no longer be booked)."""
    from gonghui.stations.hours import timetable
    from gonghui.stations.models import BookingSlot

    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min), tz)
    table = timetable(room.station)
    taken = set(
        BookingSlot.objects.filter(
            room=room, slot_start__gte=start, slot_start__lt=start + dt.timedelta(days=1)
        ).values_list("slot_start", flat=True)
    )
    step = dt.timedelta(minutes=room.slot_minutes)
    now = timezone.now()
    slots = []
    cursor = start
    while cursor < start + dt.timedelta(days=1):
        local = timezone.localtime(cursor)
        if table.open_at(local) and table.open_at(local + step - dt.timedelta(minutes=1)):
            slots.append((local, cursor in taken or cursor <= now))
        cursor += step
    return slots


PENDING = BookingStatus.PENDING

"""Workbench pages of 服务阵地: the map and list of stations in scope, a station's page (hours, special days,
photos, rooms, ratings, QR poster, usage), star ratings, and room bookings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.members.qr import qr_download, qr_svg
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode, Region
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.pii_access import pii_reveal
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.selectors import enterprise_in_scope
from gonghui.stations import selectors, services
from gonghui.stations.choices import ApplicationStatus, BookingStatus, VisitCategory
from gonghui.stations.forms import (
    BookingDecideForm,
    BookingFilterForm,
    DecideForm,
    HoursForm,
    PhotoForm,
    ReasonForm,
    RevokeForm,
    RoomForm,
    ScoresForm,
    SpecialDayForm,
    StationFilterForm,
    StationForm,
    TitleForm,
    UnionBookingForm,
)
from gonghui.stations.hours import WEEKDAYS, timetable, week_texts
from gonghui.stations.map_data import map_config, map_points
from gonghui.stations.models import Booking, RatingTitle, SpecialDay, Station, StationPhoto

MAP_LIMIT = 500


def _filtered(request: HttpRequest) -> tuple[StationFilterForm, Any, OrgNode | None]:
    """The filter form and the stations it asks for; input in error asks for none (never the whole scope)."""
    form = StationFilterForm(request.GET)
    under = under_org(request)
    if not form.is_valid():
        return form, Station.objects.none(), under
    f = form.filters()
    qs = selectors.stations_for(
        request.user,
        under=under,
        kind=f.kind,
        facility=f.facility,
        open_now=f.open_now,
        active=f.active,
        q=f.q,
        rated=f.rated,
        start=f.start,
        end=f.end,
        visited=f.visited,
        category=f.category,
    )
    return form, qs, under


@staff_view
def station_list(request: HttpRequest) -> HttpResponse:
    """The stations in scope and how many; a figure's drill-down narrows them to a union's subtree (?under=), a
    kind, those open at a period's end (`active` with `end`), or those visited in a period with their visits
    (`visits`, `category`, start, end)."""
    form, qs, under = _filtered(request)
    extra: dict[str, Any] = {"visited": form.is_valid() and form.cleaned_data["visits"]}
    if extra["visited"]:  # the total is the visits (the stations' count comes with it)
        f = form.filters()
        qs, extra["visits"] = selectors.with_visits(qs, f.start, f.end, f.category)
        extra["category"] = dict(VisitCategory.choices).get(f.category, "")
    else:
        extra["found"] = qs.count()
    context = page_context(request, qs.select_related("kind", "org"))
    ratings = selectors.current_ratings(context["rows"])
    context["rows"] = [(s, ratings.get(s.pk, [])) for s in context["rows"]]
    return render(request, "stations/list.html", {**context, **extra, "form": form, "under": under})


@staff_view
def station_map(request: HttpRequest) -> HttpResponse:
    form, qs, under = _filtered(request)
    stations = list(qs.select_related("kind", "org")[:MAP_LIMIT])
    context = {
        "form": form,
        "under": under,
        "stations": stations,
        "truncated": len(stations) >= MAP_LIMIT,
        "map_config": map_config(),
        "points": map_points(stations, link=lambda s: reverse("stations:detail", args=[s.pk])),
    }
    return render(request, "stations/map.html", context)


def _station_data(request: HttpRequest, form: StationForm, org: OrgNode) -> services.StationData:
    d = form.cleaned_data
    enterprise = None
    if d["host_enterprise_uscc"].strip():
        enterprise = enterprise_in_scope(
            request.user, d["host_enterprise_uscc"], org, Perm.ORG_EDIT, field="host_enterprise_uscc"
        )
    region = None
    if d["region_code"].strip():
        region = Region.objects.filter(code=d["region_code"].strip()).first()
        if region is None:
            raise ValidationError({"region_code": _("行政区划代码无效。")})
    return services.StationData(
        kind=d["kind"],
        name=d["name"],
        address=d["address"],
        lat=d["lat"],
        lng=d["lng"],
        coords_gcj02=d["coords"] == "gcj02",
        host_kind=d["host_kind"],
        host_name=d["host_name"],
        host_enterprise=enterprise,
        region=region,
        is_24h=d["is_24h"],
        contact_phone=d["contact_phone"],
        description=d["description"],
        facilities=list(d["facilities"]),
        services=list(d["services"]),
    )


@staff_view
def station_new(request: HttpRequest) -> HttpResponse:
    form = StationForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Station:
        return services.station_create(actor=request.user, org=org, data=_station_data(request, form, org))

    station = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权管理其阵地。"))
    if station is not None:
        messages.success(request, _("已登记阵地“%(name)s”，请设置开放时间。") % {"name": station.name})
        return redirect("stations:detail", pk=station.pk)
    return render(request, "stations/form.html", {"form": form, "title": _("登记服务阵地")})


@staff_view
def station_edit(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)
    initial = {
        "org": station.org.code,
        "kind": station.kind_id,
        "name": station.name,
        "host_kind": station.host_kind,
        "host_name": station.host_name,
        "host_enterprise_uscc": station.host_enterprise.uscc if station.host_enterprise else "",
        "address": station.address,
        "region_code": station.region_id or "",
        "lat": station.lat,
        "lng": station.lng,
        "coords": "wgs84",
        "is_24h": station.is_24h,
        "contact_phone": "",  # never sent back to the browser; blank keeps it
        "facilities": list(station.facilities.all()),
        "services": list(station.services.all()),
        "description": station.description,
    }
    form = StationForm(request.POST or None, initial=initial)

    def update(org: OrgNode) -> Station:
        return services.station_update(
            actor=request.user, station=station, org=org, data=_station_data(request, form, org)
        )

    saved = act_in_org(request, form, "org", Perm.ORG_EDIT, update, refused=_("找不到该组织，或您无权管理其阵地。"))
    if saved is not None:
        messages.success(request, _("已保存。"))
        return redirect("stations:detail", pk=station.pk)
    return render(request, "stations/form.html", {"form": form, "title": _("编辑阵地"), "station": station})


@staff_view
def station_detail(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk)
    can_edit = can(request.user, Perm.ORG_EDIT, station.org)
    table = timetable(station)
    today = timezone.localdate()
    texts = week_texts(station)
    context = {
        "station": station,
        "can_edit": can_edit,
        "can_reveal": can(request.user, Perm.PII_FULL, station.org),
        "week": [(WEEKDAYS[d], texts[d], d == today.weekday()) for d in range(7)],
        "open_now": station.is_active and table.open_at(timezone.localtime()),
        "special_days": SpecialDay.objects.filter(station=station, date__gte=today).order_by("date")[:30],
        "photos": list(station.photos.all()),
        "rooms": list(station.rooms.all()),
        "ratings": selectors.current_ratings([station]).get(station.pk, []),
        "history": selectors.rating_history(station),
        "applications": station.applications.select_related("title").order_by("-pk")[:20],
        "titles": selectors.titles_open_to(station) if can_edit else [],
        "hours_form": HoursForm(initial={f"day_{d}": texts[d] for d in range(7)} | {"is_24h": station.is_24h}),
        "special_form": SpecialDayForm(),
        "photo_form": PhotoForm(),
        "room_form": RoomForm(),
        "close_form": ReasonForm(),
        "map_config": map_config(),
        "points": map_points([station]),
    }
    return render(request, "stations/detail.html", context)


@staff_view
@require_POST
def station_hours(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)

    def save(d: dict[str, Any]) -> str:
        week = {day: d.get(f"day_{day}", "") for day in range(7)}
        try:
            services.station_hours_set(actor=request.user, station=station, week=week, is_24h=d["is_24h"])
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):  # name the weekday each reason belongs to
                raise ValidationError(
                    [
                        f"{WEEKDAYS[int(k[4:])]}：{m}" if k.startswith("day_") else m
                        for k, ms in exc.message_dict.items()
                        for m in ms
                    ]
                ) from None
            raise
        return _("开放时间已保存。")

    form_action(request, HoursForm(request.POST), save)
    return redirect("stations:detail", pk=station.pk)


@staff_view
@require_POST
def special_day_add(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)

    def save(d: dict[str, Any]) -> str:
        services.special_day_set(actor=request.user, station=station, **d)
        return _("已设置 %(date)s 的开放安排。") % {"date": d["date"]}

    form_action(request, SpecialDayForm(request.POST), save)
    return redirect("stations:detail", pk=station.pk)


@staff_view
@require_POST
def special_day_delete(request: HttpRequest, pk: int) -> HttpResponse:
    special = get_object_or_404(SpecialDay.objects.select_related("station__org"), pk=pk)
    selectors.station_get_for(request.user, special.station_id, Perm.ORG_EDIT)

    def delete() -> str:
        services.special_day_delete(actor=request.user, special=special)
        return _("已删除。")

    flash_outcome(request, delete)
    return redirect("stations:detail", pk=special.station_id)


@staff_view
@require_POST
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)
    form = PhotoForm(request.POST, request.FILES)

    def save(d: dict[str, Any]) -> str:
        upload = d["photo"]
        services.station_photo_add(
            actor=request.user, station=station, file=upload, size=upload.size, caption=d["caption"]
        )
        return _("照片已上传。")

    form_action(request, form, save)
    return redirect("stations:detail", pk=station.pk)


@staff_view
@require_POST
def photo_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = get_object_or_404(StationPhoto.objects.select_related("station__org"), pk=pk)
    selectors.station_get_for(request.user, photo.station_id, Perm.ORG_EDIT)

    def delete() -> str:
        services.station_photo_delete(actor=request.user, photo=photo)
        return _("照片已删除。")

    flash_outcome(request, delete)
    return redirect("stations:detail", pk=photo.station_id)


@staff_view
def photo(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(StationPhoto.objects.select_related("station"), pk=pk)
    selectors.station_get_for(request.user, found.station_id)
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


@staff_view
@require_POST
def station_close(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)

    def close(d: dict[str, Any]) -> str:
        services.station_close(actor=request.user, station=station, reason=d["reason"])
        return _("阵地已关闭，地图和附近服务站中不再显示。")

    form_action(request, ReasonForm(request.POST), close)
    return redirect("stations:detail", pk=station.pk)


@staff_view
@require_POST
def station_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)

    def reopen() -> str:
        services.station_reopen(actor=request.user, station=station)
        return _("阵地已重新开放。")

    flash_outcome(request, reopen)
    return redirect("stations:detail", pk=station.pk)


@staff_view
@require_POST
def reveal_phone(request: HttpRequest, pk: int) -> HttpResponse:
    """The full contact number, with the full-data permission; audited."""
    station = selectors.station_get_for(request.user, pk)
    phone = pii_reveal(actor=request.user, obj=station, field="contact_phone", org=station.org, request=request)
    return HttpResponse(phone or "—", content_type="text/plain; charset=utf-8")


def _visit_url(request: HttpRequest, station: Station) -> str:
    return request.build_absolute_uri(reverse("stations_h5:visit", args=[station.poster_token]))


@staff_view
def poster(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk)
    url = _visit_url(request, station)
    return render(request, "stations/poster.html", {"station": station, "url": url, "qr": qr_svg(url)})


@staff_view
def poster_qr(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk)
    return qr_download(_visit_url(request, station), fmt=fmt, filename=f"station-{station.pk}")


@staff_view
def usage(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk)
    today = timezone.localdate()
    try:
        days = max(1, min(int(request.GET.get("days", "60")), 730))
    except ValueError:
        days = 60
    data = selectors.station_usage(station, since=today - dt.timedelta(days=days - 1), until=today)
    chart = {
        "hours": [f"{h:02d}" for h in range(24)],
        "by_hour": data.by_hour,
        "days": [d.isoformat() for d, _n in data.by_day],
        "by_day": [n for _d, n in data.by_day],
        "labels": {"hour": _("按时段"), "day": _("按日")},
    }
    context = {"station": station, "usage": data, "days": days, "chart": chart, "hours": list(enumerate(data.by_hour))}
    return render(request, "stations/usage.html", context)


@staff_view
@require_POST
def room_new(request: HttpRequest, pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)

    def save(d: dict[str, Any]) -> str:
        room = services.room_create(actor=request.user, station=station, **d)
        return _("已添加房间“%(name)s”。") % {"name": room.name}

    form_action(request, RoomForm(request.POST), save)
    return redirect("stations:detail", pk=station.pk)


# --- ratings ------------------------------------------------------------------------------------


@staff_view
def ratings(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    context = {
        "titles": selectors.titles_for(request.user)[:200],
        **page_context(request, selectors.applications_for(request.user, status=status)),
        "status": status,
        "statuses": ApplicationStatus.choices,
    }
    return render(request, "stations/ratings.html", context)


@staff_view
def title_new(request: HttpRequest) -> HttpResponse:
    form = TitleForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> RatingTitle:
        d = form.cleaned_data
        return services.rating_title_create(
            actor=request.user,
            org=org,
            level=d["level"],
            name=d["name"],
            stars=d["stars"],
            kind=d["kind"],
            issuer=d["issuer"],
            criteria=services.parse_criteria(d["criteria"]),
            pass_points=d["pass_points"],
            valid_months=d["valid_months"],
        )

    title = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权设立称号。"))
    if title is not None:
        messages.success(request, _("已设立称号“%(name)s”。") % {"name": title.name})
        return redirect("stations:title", pk=title.pk)
    return render(request, "stations/form.html", {"form": form, "title": _("设立评定称号")})


@staff_view
def title_detail(request: HttpRequest, pk: int) -> HttpResponse:
    title = selectors.title_get_for(request.user, pk)
    holders = selectors.current_ratings_qs().filter(title=title).select_related("station__org")
    context = {"rating_title": title, "holders": holders, "can_review": can(request.user, Perm.REVIEW, title.org)}
    return render(request, "stations/title.html", context)


@staff_view
def apply(request: HttpRequest, pk: int, title_pk: int) -> HttpResponse:
    station = selectors.station_get_for(request.user, pk, Perm.ORG_EDIT)
    title = get_object_or_404(selectors.titles_open_to(station), pk=title_pk)
    form = ScoresForm(request.POST or None, title=title)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.rating_apply(
                actor=request.user,
                station=station,
                title=title,
                self_scores=form.scores(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已申报，等待%(org)s评审。") % {"org": title.org.name})
            return redirect("stations:application", pk=application.pk)
    heading = _("申报“%(title)s”：%(station)s") % {"title": title.name, "station": station.name}
    return render(request, "stations/form.html", {"form": form, "title": heading, "station": station})


@staff_view
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for(request.user, pk)
    can_review = can(request.user, Perm.REVIEW, application.title.org)
    items = [
        (c["item"], c["max"], application.self_scores.get(c["item"]), application.review_scores.get(c["item"]))
        for c in application.title.criteria
    ]
    # The reviewer's own scores once saved; before that the self-assessment is the starting point.
    given = application.review_scores or application.self_scores
    initial = {f"score_{i}": given.get(c["item"]) for i, c in enumerate(application.title.criteria)}
    context = {
        "application": application,
        "items": items,
        "can_review": can_review,
        "review_form": ScoresForm(title=application.title, initial=initial),
        "decide_form": DecideForm(initial={"valid_from": timezone.localdate()}),
    }
    return render(request, "stations/application.html", context)


@staff_view
@require_POST
def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for(request.user, pk)
    form = ScoresForm(request.POST, title=application.title)

    def review(d: dict[str, Any]) -> str:
        services.rating_review(actor=request.user, application=application, scores=form.scores(), note=d["note"])
        return _("评审得分已保存。")

    form_action(request, form, review)
    return redirect("stations:application", pk=application.pk)


@staff_view
@require_POST
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for(request.user, pk)

    def decide(d: dict[str, Any]) -> str:
        rating = services.rating_decide(
            actor=request.user, application=application, grant=d["grant"], valid_from=d["valid_from"], note=d["note"]
        )
        if rating is None:
            return _("已决定不予授予。")
        return _("已授予，有效期至 %(d)s。") % {"d": rating.valid_until}

    form_action(request, DecideForm(request.POST), decide)
    return redirect("stations:application", pk=application.pk)


@staff_view
@require_POST
def rating_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    rating = selectors.rating_get_for(request.user, pk)

    def revoke(d: dict[str, Any]) -> str:
        services.rating_revoke(actor=request.user, rating=rating, reason=d["reason"], on=d["on"])
        return _("已撤销该评定。")

    form_action(request, RevokeForm(request.POST), revoke)
    return redirect("stations:detail", pk=rating.station_id)


# --- bookings -----------------------------------------------------------------------------------


@staff_view
def bookings(request: HttpRequest) -> HttpResponse:
    """Bookings in scope and how many, 待审批 unless another status is asked for; a figure's drill-down narrows
    them to a union's rooms (?under=, hosted), a status and the days they start (start, end)."""
    data = request.GET.copy()
    data.setdefault("status", BookingStatus.PENDING)
    form = BookingFilterForm(data)
    under = under_org(request)
    if form.is_valid():
        start, end = form.span()
        d = form.cleaned_data
        qs = selectors.bookings_for(
            request.user, status=d["status"], under=under, start=start, end=end, hosted=d["hosted"]
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Booking.objects.none()
    context = {
        **page_context(request, qs),
        "form": form,
        "found": qs.count(),
        "under": under,
        "kept": kept(request, "under"),
        "decide_form": BookingDecideForm(),
    }
    rows = context["rows"]
    context["rows"] = [(b, can(request.user, Perm.ORG_EDIT, b.room.station.org)) for b in rows]
    return render(request, "stations/bookings.html", context)


@staff_view
def booking_new(request: HttpRequest) -> HttpResponse:
    rooms = selectors.rooms_for(request.user)
    form = UnionBookingForm(request.POST or None, rooms=rooms, initial={"org": request.GET.get("org", "")})

    def book(org: OrgNode) -> Any:
        room = form.cleaned_data["room"]
        starts, ends = form.period(room)
        return services.booking_request(
            actor=request.user,
            room=room,
            starts_at=starts,
            ends_at=ends,
            purpose=form.cleaned_data["purpose"],
            attendees=form.cleaned_data["attendees"],
            booker_org=org,
        )

    booking = act_in_org(request, form, "org", Perm.ORG_EDIT, book, refused=_("找不到该组织，或您无权代其预约。"))
    if booking is not None:
        messages.success(request, _("已提交预约，等待阵地所属工会审批。"))
        return redirect(f"{reverse('stations:bookings')}?status=")
    return render(request, "stations/form.html", {"form": form, "title": _("工会预约阵地")})


@staff_view
@require_POST
def booking_decide(request: HttpRequest, pk: int) -> HttpResponse:
    booking = selectors.booking_get_for(request.user, pk)

    def decide(d: dict[str, Any]) -> str:
        services.booking_decide(actor=request.user, booking=booking, approve=d["approve"], note=d["note"])
        return _("已批准。") if d["approve"] else _("已不予批准，时段已释放。")

    form_action(request, BookingDecideForm(request.POST), decide)
    return redirect("stations:bookings")


@staff_view
@require_POST
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = selectors.booking_get_for(request.user, pk)

    def cancel() -> str:
        services.booking_cancel(actor=request.user, booking=booking)
        return _("已取消预约，时段已释放。")

    flash_outcome(request, cancel)
    return redirect("stations:bookings")

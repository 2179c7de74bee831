"""Workbench pages of events: the list, the form, the event page (sign-ups, teams, attendance, materials),
team entry, the door scanner, the poster and the masked attendance export."""

from __future__ import annotations

import io
import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.audit import audit_record
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.models import AuditAction
from gonghui.common.paging import page_context
from gonghui.events import selectors, services, signups, teams
from gonghui.events.attendance import attendance_of, attendance_rows
from gonghui.events.checkin import ScanIn, scan_record
from gonghui.events.forms import EventFilterForm, EventForm, PhotoForm, ReasonForm, ScanForm, SummaryForm, TeamForm
from gonghui.events.models import Event, Team
from gonghui.members.qr import qr_download, qr_svg
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_named, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def event_list(request: HttpRequest) -> HttpResponse:
    """The events in scope; a figure's drill-down narrows them to a union's subtree (?under=), the days they
    start in (start, end), a status, those ended or not yet, the main events only."""
    under = under_org(request)
    form = EventFilterForm(request.GET)
    # input in error lists nothing, never the whole scope; the form says why
    qs = selectors.events_listed(request.user, form.filters(under)) if form.is_valid() else Event.objects.none()
    context = {**page_context(request, qs), "form": form, "under": under, "found": qs.count()}
    return render(request, "events/list.html", context)


def _audience(request: HttpRequest, form: EventForm) -> OrgNode | None:
    return org_named(request, form.cleaned_data.get("audience_org", ""), "audience_org")


@staff_view
def event_new(request: HttpRequest) -> HttpResponse:
    parent = _parent(request)
    initial: dict[str, Any] = {"org": parent.org.code if parent else request.GET.get("org", "")}
    if parent is not None:  # an item of a sports meeting: its union, place and day to start from
        initial |= {"kind": "sports_item", "starts_at": parent.starts_at, "ends_at": parent.ends_at}
        initial |= {"address": parent.address, "station": parent.station_id}
    form = EventForm(request.POST or None, user=request.user, initial=initial)

    def create(org: OrgNode) -> Event:
        data = form.event_fields(_audience(request, form))
        data.parent = parent
        return services.event_create(actor=request.user, org=org, data=data)

    event = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权主办活动。"))
    if event is not None:
        messages.success(request, _("已创建活动（草稿），核对后发布。"))
        return redirect("events:detail", pk=event.pk)
    title = _("添加项目") + " · " + parent.title if parent else pgettext("event", "新建活动")
    return render(request, "orgs/form.html", {"form": form, "title": title})


def _parent(request: HttpRequest) -> Event | None:
    """?parent=<id>: the event (a sports meeting) a new item belongs to, if the user may change it."""
    raw = request.GET.get("parent", "")
    if not (raw.isascii() and raw.isdecimal()):
        return None
    return selectors.event_get_for(request.user, int(raw), Perm.ORG_EDIT)


@staff_view
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for(request.user, pk, Perm.ORG_EDIT)
    initial = {f: getattr(event, f) for f in EventForm.base_fields if hasattr(event, f) and f != "org"}
    initial["audience_org"] = event.audience_org.code if event.audience_org else ""
    form = EventForm(request.POST or None, user=request.user, fixed_org=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.event_fields(_audience(request, form))
            data.parent = event.parent  # an item stays with its meeting
            services.event_update(actor=request.user, event=event, data=data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已保存。"))
            return redirect("events:detail", pk=event.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("修改活动") + " · " + event.title})


@staff_view
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for(request.user, pk)
    signups.offers_expire(event=event)
    context: dict[str, Any] = {
        "event": event,
        "counts": selectors.signup_counts(event),
        "attendance": attendance_of(event),
        "can_edit": can(request.user, Perm.ORG_EDIT, event.org),
        "items": event.items.order_by("starts_at"),
        "teams": event.teams.select_related("org").order_by("org__name", "seq"),
        "photos": event.photos.all(),
        "reason_form": ReasonForm(),
        "summary_form": SummaryForm(initial={"summary": event.summary}),
        "photo_form": PhotoForm(),
    }
    if not event.is_social:  # 交友: cadres see counts, never who
        context["signups"] = selectors.signups_for_event(event)[:500]
    return render(request, "events/detail.html", context)


def _editable(request: HttpRequest, pk: int) -> Event:
    return selectors.event_get_for(request.user, pk, Perm.ORG_EDIT)


@staff_view
@require_POST
def event_publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = _editable(request, pk)

    def publish() -> str:
        services.event_publish(actor=request.user, event=event)
        return _("已发布，职工可以报名了。")

    flash_outcome(request, publish)
    return redirect("events:detail", pk=pk)


@staff_view
@require_POST
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = _editable(request, pk)

    def cancel(d: dict[str, Any]) -> str:
        services.event_cancel(actor=request.user, event=event, reason=d["reason"])
        return _("活动已取消，所有报名已取消。")

    form_action(request, ReasonForm(request.POST), cancel)
    return redirect("events:detail", pk=pk)


@staff_view
@require_POST
def event_summary(request: HttpRequest, pk: int) -> HttpResponse:
    event = _editable(request, pk)

    def save(d: dict[str, Any]) -> str:
        services.event_summary_save(actor=request.user, event=event, summary=d["summary"])
        return _("已保存活动小结。")

    form_action(request, SummaryForm(request.POST), save)
    return redirect("events:detail", pk=pk)


@staff_view
@require_POST
def event_photo(request: HttpRequest, pk: int) -> HttpResponse:
    event = _editable(request, pk)

    def add(d: dict[str, Any]) -> str:
        if d["as_cover"]:
            services.event_cover_set(actor=request.user, event=event, image=d["image"])
            return _("已设置封面。")
        services.event_photo_add(actor=request.user, event=event, image=d["image"], caption=d["caption"])
        return _("已上传照片。")

    form_action(request, PhotoForm(request.POST, request.FILES), add)
    return redirect("events:detail", pk=pk)


@staff_view
def team_events(request: HttpRequest) -> HttpResponse:
    """Team events the user's unions may enter, with the teams already entered from the user's scope."""
    events = list(selectors.team_events_for(request.user)[:100])
    mine = selectors.teams_for(request.user).filter(event__in=events)
    return render(request, "events/team_events.html", {"events": events, "teams": mine})


@staff_view
def team_new(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.team_events_for(request.user), pk=pk)
    form = TeamForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def enter(org: OrgNode) -> Team:
        d = form.cleaned_data
        return teams.team_enter(actor=request.user, event=event, org=org, name=d["name"], member_nos=form.numbers())

    team = act_in_org(request, form, "org", Perm.ORG_EDIT, enter, refused=_("找不到该工会，或您无权为其报名。"))
    if team is not None:
        messages.success(request, _("已报名：%(team)s，%(n)s人。") % {"team": team.name, "n": team.members.count()})
        return redirect("events:team_events")
    return render(request, "orgs/form.html", {"form": form, "title": _("队伍报名") + " · " + event.title})


@staff_view
@require_POST
def team_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(selectors.teams_for(request.user, Perm.ORG_EDIT), pk=pk)
    flash_outcome(request, lambda: teams.team_withdraw(actor=request.user, team=team) or _("已撤回该队报名。"))
    return redirect("events:team_events")


@staff_view
def door(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser's phone at the door: scan a ticket or a member card (camera or a handheld scanner)."""
    event = _editable(request, pk)
    result = None
    form = ScanForm(request.POST or None, initial={"nonce": uuid.uuid4().hex})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        scan = ScanIn(nonce=d["nonce"], token=d["token"], direction=d["direction"], category=d["category"])
        try:
            result = scan_record(actor=request.user, event=event, scan=scan)
        except ValidationError as exc:
            apply_validation_error(form, exc)  # shown on the form, which keeps what was typed
        else:
            form = ScanForm(initial={"nonce": uuid.uuid4().hex, "direction": d["direction"]})
    context = {
        "event": event,
        "form": form,
        "result": result,
        "name": _scanned_name(event, result),
        "counts": selectors.signup_counts(event),
    }
    return render(request, "events/door.html", context)


def _scanned_name(event: Event, scan: Any) -> str:
    """Who was let in, as the doorkeeper may see it: a name, or a 交友 nickname only."""
    if scan is None or scan.signup is None:
        return ""
    if event.is_social:
        profile = getattr(scan.signup.person, "social_profile", None)
        return profile.nickname if profile else ""
    return str(scan.signup.person.name)


@staff_view
def attendance_export(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for(request.user, pk)
    if event.is_social:
        messages.error(request, _("交友联谊活动只统计人数，不导出名单。"))
        return redirect("events:detail", pk=pk)
    head = [
        _("姓名"),
        _("手机号"),
        _("所在工会"),
        _("队伍"),
        _("状态"),
        pgettext("worker category", "对象"),
        _("签到时间"),
        _("签退时间"),
    ]
    buffer = io.BytesIO()
    write_xlsx(buffer, [Sheet(_("参加名单"), head, attendance_rows(event))])
    audit_record(actor=request.user, action=AuditAction.EXPORT, target=event, org=event.org, request=request)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-attendance.xlsx"'
    return response


def _public_link(request: HttpRequest, event: Event) -> str:
    return request.build_absolute_uri(reverse("events_h5:detail", args=[event.pk]))


@staff_view
def poster(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_for(request.user, pk)
    url = _public_link(request, event)
    return render(request, "events/poster.html", {"event": event, "url": url, "qr": qr_svg(url)})


@staff_view
def poster_qr(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    event = selectors.event_get_for(request.user, pk)
    return qr_download(_public_link(request, event), fmt=fmt, filename=f"event-{event.pk}")

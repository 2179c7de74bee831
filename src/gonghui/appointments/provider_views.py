"""The provider's own desk on the phone (/h5/provider/): sign-in by phone code, the calendar (a day or a
week of their appointments), and one session: done or missed, the sealed note (each read audited), and the
risk flag. A provider sees only their own appointments."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.accounts.models import UserKind
from gonghui.appointments import selectors, services
from gonghui.appointments.choices import AppointmentStatus
from gonghui.appointments.forms import NoteForm, ReasonForm, parse_day
from gonghui.appointments.models import Provider
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.members.partner_access import partner_login, partner_view
from gonghui.members.worker_access import phone_view

ENTER = "appointments_h5:enter"
provider_view = partner_view(UserKind.PROVIDER, enter=ENTER)


@phone_view
@never_cache
def enter(request: HttpRequest) -> HttpResponse:
    """After the phone code: the active provider rows registered with this number; sign in on their
    account (created on first use and linked to every row without one)."""
    rows = list(Provider.objects.filter(mobile_hmac=request.mobile_hmac, is_active=True))  # type: ignore[attr-defined]
    if not rows:
        return render(request, "appointments/h5/not_provider.html", status=403)
    account = next((p.user for p in rows if p.user is not None and p.user.kind == UserKind.PROVIDER), None)
    user = partner_login(request, kind=UserKind.PROVIDER, account=account, name=rows[0].name)
    Provider.objects.filter(pk__in=[p.pk for p in rows], user__isnull=True).update(user=user)
    return redirect("appointments_h5:calendar")


@provider_view
@never_cache
def calendar(request: HttpRequest) -> HttpResponse:
    week = request.GET.get("view") != "day"
    day = parse_day(request.GET.get("date"))
    first = day - dt.timedelta(days=day.weekday()) if week else day
    last = first + dt.timedelta(days=6 if week else 0)
    rows = list(selectors.calendar_of(request.user, first, last))
    days = [(d, list(items)) for d, items in groupby(rows, key=lambda a: timezone.localtime(a.starts_at).date())]
    step = dt.timedelta(days=7 if week else 1)
    context = {
        "days": days,
        "week": week,
        "first": first,
        "last": last,
        "previous": first - step,
        "next": first + step,
        "today": timezone.localdate(),
        "providers": list(selectors.providers_of_account(request.user)),
        "count": len(rows),
    }
    return render(request, "appointments/h5/calendar.html", context)


@provider_view
@never_cache
def session(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = selectors.provider_appointment(request.user, pk)
    note = services.note_read(actor=request.user, appointment=appointment, request=request)
    context = {
        "a": appointment,
        "note_form": NoteForm(initial={"text": note}),
        "has_note": bool(note),
        "reason_form": ReasonForm(),
        "started": appointment.starts_at <= timezone.now(),
        "flag_open": appointment.risk_flags.filter(acknowledged_at__isnull=True).exists(),
        "mobile": appointment.person.mobile.masked() if appointment.person.mobile else "",
    }
    return render(request, "appointments/h5/session.html", context)


@provider_view
@require_POST
def session_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    appointment = selectors.provider_appointment(request.user, pk)
    if action in ("done", "no_show"):

        def mark() -> str:
            services.appointment_mark(
                actor=request.user, appointment=appointment, status=AppointmentStatus(action).value
            )
            return _("已登记。")

        flash_outcome(request, mark)
    elif action == "note":

        def write(d: dict[str, str]) -> str:
            services.note_write(actor=request.user, appointment=appointment, text=d["text"])
            return _("已保存记录（加密保存，仅您本人可见）。")

        form_action(request, NoteForm(request.POST), write)
    elif action == "risk":

        def raise_flag() -> str:
            flag = services.risk_flag_raise(actor=request.user, appointment=appointment)
            if flag.contact_id is None:
                return _("已提出风险提示；本会尚未指定联系人，请同时电话联系工会。")
            return _("已提出风险提示，工会指定的联系人会尽快跟进。")

        flash_outcome(request, raise_flag)
    elif action == "cancel":

        def cancel(d: dict[str, str]) -> str:
            services.appointment_cancel(actor=request.user, appointment=appointment, reason=d["reason"])
            return _("已取消该预约。")

        form_action(request, ReasonForm(request.POST), cancel)
    else:
        raise Http404
    return redirect("appointments_h5:session", pk=pk)

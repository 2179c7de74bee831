"""The worker's 预约服务 on the phone (我的): their appointments, the providers open to them with free
slots, booking, cancelling and rescheduling."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.appointments import selectors, services
from gonghui.appointments.forms import SlotForm, parse_day
from gonghui.appointments.models import Appointment, Provider
from gonghui.appointments.slots import Slot, free_slots
from gonghui.members.worker_access import worker_view

DAYS_SHOWN = 7


def _by_day(slots: list[Slot]) -> list[tuple[dt.date, list[Slot]]]:
    return [(day, list(rows)) for day, rows in groupby(slots, key=lambda s: timezone.localtime(s.starts_at).date())]


@worker_view
@never_cache
def services_page(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    upcoming = list(selectors.upcoming_of(person)[:20])
    for appointment in upcoming:
        appointment.late_change = services.late_change_text(appointment)  # type: ignore[attr-defined]
    context = {
        "upcoming": upcoming,
        "past": list(selectors.appointments_of(person).exclude(pk__in=selectors.upcoming_of(person))[:20]),
        "providers": list(selectors.providers_open_to(person)[:50]),
        "now": timezone.now(),
    }
    return render(request, "appointments/h5/services.html", context)


def _slots_context(provider: Provider, request: HttpRequest, ignore: Appointment | None = None) -> dict[str, object]:
    first = max(parse_day(request.GET.get("date")), timezone.localdate())
    slots = free_slots(provider, first=first, days=DAYS_SHOWN, ignore=ignore)
    return {
        "provider": provider,
        "days": _by_day(slots),
        "first": first,
        "later": first + dt.timedelta(days=DAYS_SHOWN),
        "earlier": first - dt.timedelta(days=DAYS_SHOWN) if first > timezone.localdate() else None,
        "choose_mode": provider.mode == "both",
    }


@worker_view
@never_cache
def provider_page(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_object_or_404(selectors.providers_open_to(request.person), pk=pk)  # type: ignore[attr-defined]
    return render(request, "appointments/h5/provider.html", _slots_context(provider, request))


@worker_view
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    provider = get_object_or_404(selectors.providers_open_to(person), pk=pk)
    form = SlotForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择一个可预约的时段。"))
        return redirect("appointments_h5:provider", pk=pk)
    try:
        appointment = services.appointment_book(
            actor=request.user,
            provider=provider,
            person=person,
            starts_at=form.cleaned_data["starts_at"],
            mode=form.cleaned_data["mode"] or "",
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("appointments_h5:provider", pk=pk)
    start = timezone.localtime(appointment.starts_at)
    messages.success(request, _("预约成功：%(at)s，%(p)s。") % {"at": f"{start:%m-%d %H:%M}", "p": provider.name})
    return redirect("appointments_h5:services")


@worker_view
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    appointment = selectors.appointment_of(person, pk)
    try:
        services.appointment_cancel(actor=request.user, appointment=appointment, person=person)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已取消预约。"))
    return redirect("appointments_h5:services")


@worker_view
@never_cache
def reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    appointment = selectors.appointment_of(person, pk)
    if request.method == "POST":
        form = SlotForm(request.POST)
        if form.is_valid():
            try:
                services.appointment_reschedule(
                    person=person, appointment=appointment, starts_at=form.cleaned_data["starts_at"]
                )
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
            else:
                messages.success(request, _("已改约。"))
                return redirect("appointments_h5:services")
        else:
            messages.error(request, _("请选择一个可预约的时段。"))
    context = _slots_context(appointment.provider, request, ignore=appointment)
    context["appointment"] = appointment
    return render(request, "appointments/h5/provider.html", context)

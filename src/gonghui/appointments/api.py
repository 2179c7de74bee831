"""预约服务 over the API. Staff (token or staff session, scoped): providers, their free slots, booking on a
member's behalf, cancelling. A worker's session: their own appointments, booking and cancelling. A provider's
session: their own calendar. No answer carries a session note; staff answers carry no worker's name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.security import SessionAuth
from pydantic import Field

from gonghui.accounts.models import UserKind
from gonghui.appointments import selectors, services
from gonghui.appointments.choices import AppointmentStatus, Mode, ProviderMode, ServiceKind
from gonghui.appointments.models import Appointment, Provider
from gonghui.appointments.slots import Slot, free_slots
from gonghui.common.api_fields import Text30, Text100
from gonghui.common.idcard import normalize_idcard
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.members.worker_accounts import person_of
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm

router = Router(tags=["appointments"])


class _WorkerSessionAuth(SessionAuth):
    """A signed-in worker's session (CSRF checked on unsafe methods), bound to their own record."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or not getattr(user, "is_worker", False) or person_of(user) is None:
            return None
        return user


class _ProviderSessionAuth(SessionAuth):
    """A provider signed in on the phone (their session): their own calendar only."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and getattr(user, "kind", None) == UserKind.PROVIDER else None


WORKER_AUTH = [_WorkerSessionAuth()]
PROVIDER_AUTH = [_ProviderSessionAuth()]


class ProviderOut(Schema):
    id: int
    org: str
    kind: ServiceKind
    name: str
    title: str
    station: str
    mode: ProviderMode
    place: str
    slot_minutes: int
    buffer_minutes: int
    notice_hours: int
    cancel_hours: int
    ahead_days: int
    is_active: bool

    @staticmethod
    def resolve_org(obj: Provider) -> str:
        return obj.org.code

    @staticmethod
    def resolve_station(obj: Provider) -> str:
        return obj.station.name if obj.station else ""


class AppointmentSlotOut(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime


class AppointmentOut(Schema):
    """An appointment as its booker and the union see it: when, with whom, the status. No note, no name."""

    id: int
    provider_id: int
    provider: str
    kind: ServiceKind
    mode: Mode
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: AppointmentStatus
    legal_aid_case_id: int | None = None

    @staticmethod
    def resolve_provider(obj: Appointment) -> str:
        return obj.provider.name


class AppointmentCalendarOut(AppointmentOut):
    """The provider's own calendar row: the worker's name and whether a note exists (never its text)."""

    person: str
    has_note: bool = False

    @staticmethod
    def resolve_person(obj: Appointment) -> str:
        return obj.person.name


class AppointmentBookIn(Schema):
    provider_id: int
    starts_at: dt.datetime
    id_number: Text30 = Field(description="the member's ID number (they must be in the caller's scope)")
    mode: Mode | None = None


class AppointmentMyBookIn(Schema):
    provider_id: int
    starts_at: dt.datetime
    mode: Mode | None = None


class AppointmentCancelIn(Schema):
    reason: Text100 = ""


def _person(request: HttpRequest) -> Person:
    person = person_of(request.user)
    if person is None:  # WORKER_AUTH lets in only a worker bound to their record
        raise Http404
    return person


def _slots(slots: list[Slot]) -> list[dict[str, dt.datetime]]:
    return [{"starts_at": s.starts_at, "ends_at": s.ends_at} for s in slots]


@router.get("/appointments/providers", response=list[ProviderOut], operation_id="appointments_providers_list")
def appointments_providers_list(request: HttpRequest, under: Text100 = "", kind: ServiceKind | None = None) -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.providers_for(request.user, under=org, kind=kind or "")[:500])


@router.get(
    "/appointments/providers/{int:pk}/slots",
    response=list[AppointmentSlotOut],
    operation_id="appointments_availability",
)
def appointments_availability(request: HttpRequest, pk: int, start: dt.date | None = None, days: int = 14) -> Any:
    """Free slots of a provider (past the minimum notice, within the horizon, not held)."""
    provider = selectors.provider_get_for(request.user, pk)
    return _slots(free_slots(provider, first=start, days=max(1, min(days, 60))))


@router.post("/appointments", response={201: AppointmentOut}, operation_id="appointments_book")
def appointments_book(request: HttpRequest, payload: AppointmentBookIn) -> Status:
    """A cadre books a slot on a member's behalf (Perm.ORG_EDIT on the member's union). 422 with a Chinese
    reason when the slot is taken, inside the minimum notice or outside the availability."""
    provider = selectors.provider_get_for(request.user, payload.provider_id)
    try:
        number = normalize_idcard(payload.id_number)
    except Exception:
        number = payload.id_number.strip().upper()
    person = get_object_or_404(Person, id_hmac=document_hmac(number))
    appointment = services.appointment_book(
        actor=request.user,
        provider=provider,
        person=person,
        starts_at=payload.starts_at,
        mode=payload.mode or "",
        by_desk=True,
    )
    return Status(201, appointment)


@router.post("/appointments/{int:pk}/cancel", response=AppointmentOut, operation_id="appointments_cancel")
def appointments_cancel(request: HttpRequest, pk: int, payload: AppointmentCancelIn) -> Appointment:
    """A cadre of the provider's union (Perm.ORG_EDIT) cancels an appointment before it starts."""
    appointment = get_object_or_404(Appointment.objects.select_related("provider__org"), pk=pk)
    selectors.provider_get_for(request.user, appointment.provider_id, Perm.ORG_EDIT)
    return services.appointment_cancel(actor=request.user, appointment=appointment, reason=payload.reason)


@router.get("/appointments/me", response=list[AppointmentOut], auth=WORKER_AUTH, operation_id="appointments_my_list")
def appointments_my_list(request: HttpRequest) -> Any:
    """The signed-in worker's own appointments, newest first."""
    return list(selectors.appointments_of(_person(request))[:100])


@router.post("/appointments/me", response={201: AppointmentOut}, auth=WORKER_AUTH, operation_id="appointments_my_book")
def appointments_my_book(request: HttpRequest, payload: AppointmentMyBookIn) -> Status:
    person = _person(request)
    provider = get_object_or_404(selectors.providers_open_to(person), pk=payload.provider_id)
    appointment = services.appointment_book(
        actor=request.user,
        provider=provider,
        person=person,
        starts_at=payload.starts_at,
        mode=payload.mode or "",
    )
    return Status(201, appointment)


@router.post(
    "/appointments/me/{int:pk}/cancel",
    response=AppointmentOut,
    auth=WORKER_AUTH,
    operation_id="appointments_my_cancel",
)
def appointments_my_cancel(request: HttpRequest, pk: int) -> Appointment:
    person = _person(request)
    appointment = selectors.appointment_of(person, pk)
    return services.appointment_cancel(actor=request.user, appointment=appointment, person=person)


@router.get(
    "/appointments/provider/calendar",
    response=list[AppointmentCalendarOut],
    auth=PROVIDER_AUTH,
    operation_id="appointments_provider_calendar",
)
def appointments_provider_calendar(request: HttpRequest, start: dt.date | None = None, days: int = 7) -> Any:
    """The signed-in provider's own appointments from `start` (today by default) for `days` days."""
    first = start or timezone.localdate()
    days = max(1, min(days, 92))
    return list(selectors.calendar_of(request.user, first, first + dt.timedelta(days=days - 1)))

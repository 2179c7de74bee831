"""Reads of 预约服务. Staff read providers through the scope and appointments only as counts; a worker
reads their own appointments; a provider reads their own calendar. No selector here gives a cadre a note,
a worker's name next to a session, or a list of who booked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.appointments.choices import LIVE, AppointmentStatus, ServiceKind
from gonghui.appointments.models import Appointment, Holiday, Provider, RiskFlag, SessionNote, UnionSetting
from gonghui.common.figures import on_days
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def providers_for(user: Any, *, under: OrgNode | None = None, kind: str = "") -> QuerySet[Provider]:
    qs = scope_for(user).filter(Provider.objects.select_related("org", "station"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("org__path", "kind", "name", "pk")


def provider_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Provider:
    provider: Provider = get_object_or_404(Provider.objects.select_related("org", "station"), pk=pk)
    require(user, provider.org, perm)
    return provider


def holidays_for(user: Any) -> QuerySet[Holiday]:
    return scope_for(user).filter(Holiday.objects.select_related("org")).order_by("-date")[:200]


def holiday_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Holiday:
    holiday: Holiday = get_object_or_404(Holiday.objects.select_related("org"), pk=pk)
    require(user, holiday.org, perm)
    return holiday


def settings_for(user: Any) -> QuerySet[UnionSetting]:
    return scope_for(user).filter(UnionSetting.objects.select_related("org", "risk_contact")).order_by("org__path")


def risk_flags_for(user: Any, *, open_only: bool = False) -> QuerySet[RiskFlag]:
    """The flags addressed to this cadre (the designated contact), in their scope: who and when, no detail."""
    qs = scope_for(user).filter(
        RiskFlag.objects.filter(contact=user).select_related(
            "org", "appointment__provider", "appointment__person", "raised_by"
        )
    )
    return qs.filter(acknowledged_at__isnull=True) if open_only else qs


def risk_flag_get_for(user: Any, pk: int) -> RiskFlag:
    flag: RiskFlag = get_object_or_404(risk_flags_for(user), pk=pk)
    return flag


# --- counts (the only view cadres have of appointments) -------------------------------------------


@dataclass
class MonthCounts:
    month: int
    booked: int = 0  # booked and still to come
    done: int = 0
    no_show: int = 0
    cancelled: int = 0
    year: int = 0

    @property
    def total(self) -> int:
        return self.booked + self.done + self.no_show


@dataclass
class KindCounts:
    kind: str
    label: str
    months: list[MonthCounts] = field(default_factory=list)

    @property
    def total(self) -> MonthCounts:
        out = MonthCounts(0)
        for m in self.months:
            out.booked += m.booked
            out.done += m.done
            out.no_show += m.no_show
            out.cancelled += m.cancelled
        return out


def appointments_in_scope(user: Any, *, under: OrgNode | None = None) -> QuerySet[Appointment]:
    qs = scope_for(user).filter(Appointment.objects.all(), org_field="provider__org")
    if under is not None:
        qs = qs.filter(provider__org__path__startswith=under.path)
    return qs


def _starting(user: Any, *, start: dt.date, end: dt.date, under: OrgNode | None, kind: str) -> QuerySet[Appointment]:
    """The appointments in scope starting between `start` and `end` (local days, inclusive), as the figures
    count them; of one service kind when given."""
    qs = appointments_in_scope(user, under=under).filter(on_days("starts_at", start, end))
    return qs.filter(kind=kind) if kind else qs


def months_between(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """(year, month) of every month the days touch, in order."""
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [(n // 12, n % 12 + 1) for n in range(first, last + 1)]


def counts_by_kind_and_month(
    user: Any, *, start: dt.date, end: dt.date, under: OrgNode | None = None, kind: str = ""
) -> list[KindCounts]:
    """Counts per service kind and month of the days (by the appointment's start, local): numbers only."""
    rows = (
        _starting(user, start=start, end=end, under=under, kind=kind)
        .annotate(year=ExtractYear("starts_at"), month=ExtractMonth("starts_at"))
        .values("kind", "year", "month", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[str, dict[tuple[int, int], MonthCounts]] = {}
    for row in rows:
        key = (row["year"], row["month"])
        month = table.setdefault(row["kind"], {}).setdefault(key, MonthCounts(row["month"], year=row["year"]))
        setattr(month, row["status"], getattr(month, row["status"]) + row["n"])
    months = months_between(start, end)
    out = []
    for service in ServiceKind:
        if service.value in table:
            counts = table[service.value]
            cells = [counts.get((y, m), MonthCounts(m, year=y)) for y, m in months]
            out.append(KindCounts(service.value, str(service.label), cells))
    return out


def counted(table: list[KindCounts], status: str) -> int:
    """The table's total of what the figures count: held (never the cancelled), or the done or no-show."""
    return sum(getattr(k.total, status or "total") for k in table)


def counts_by_union(
    user: Any, *, start: dt.date, end: dt.date, under: OrgNode | None = None, kind: str = ""
) -> list[tuple[str, str, int, int, int]]:
    """(union code, union name, held, done, no-show) per provider's union: the drill-down of the figures."""
    rows = (
        _starting(user, start=start, end=end, under=under, kind=kind)
        .filter(status__in=LIVE)
        .values("provider__org__code", "provider__org__name")
        .annotate(
            n=Count("pk"),
            done=Count("pk", filter=Q(status=AppointmentStatus.DONE)),
            no_show=Count("pk", filter=Q(status=AppointmentStatus.NO_SHOW)),
        )
        .order_by("-n", "provider__org__name")
    )
    return [(r["provider__org__code"], r["provider__org__name"], r["n"], r["done"], r["no_show"]) for r in rows[:200]]


def provider_month_counts(provider: Provider, year: int) -> list[tuple[int, int]]:
    """Held appointments per month of one provider (for the cadre's provider page): numbers only."""
    rows = (
        Appointment.objects.filter(provider=provider, status__in=LIVE, starts_at__year=year)
        .annotate(month=ExtractMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(r["month"], r["n"]) for r in rows]


# --- the worker's own ---------------------------------------------------------------------------


def providers_open_to(person: Person) -> QuerySet[Provider]:
    """Active providers of the worker's union and the unions above it."""
    membership = active_membership(person)
    if membership is None:
        return Provider.objects.none()
    return (
        Provider.objects.filter(is_active=True, org__path__in=paths_up(membership.org.path))
        .select_related("org", "station")
        .order_by("kind", "org__path", "name")
    )


def appointments_of(person: Person) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(person=person)
        .select_related("provider__station", "provider__org")
        .order_by("-starts_at")
    )


def upcoming_of(person: Person) -> QuerySet[Appointment]:
    return appointments_of(person).filter(status=AppointmentStatus.BOOKED, ends_at__gt=timezone.now())


def appointment_of(person: Person, pk: int) -> Appointment:
    appointment: Appointment = get_object_or_404(appointments_of(person), pk=pk)
    return appointment


# --- the provider's own -------------------------------------------------------------------------


def providers_of_account(user: Any) -> QuerySet[Provider]:
    if not getattr(user, "is_authenticated", False):
        return Provider.objects.none()
    return Provider.objects.filter(user=user).select_related("org", "station")


def calendar_of(user: Any, first: dt.date, last: dt.date) -> QuerySet[Appointment]:
    """The provider account's appointments from `first` to `last` (inclusive, local dates), in order."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(first, dt.time()), tz)
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()), tz)
    return (
        Appointment.objects.filter(provider__user=user, starts_at__gte=start, starts_at__lt=end)
        .select_related("person", "provider")
        .annotate(
            has_note=Exists(SessionNote.objects.filter(appointment=OuterRef("pk"))),
            flagged=Exists(RiskFlag.objects.filter(appointment=OuterRef("pk"), acknowledged_at__isnull=True)),
        )
        .order_by("starts_at", "pk")
    )


def provider_appointment(user: Any, pk: int) -> Appointment:
    """One appointment of the provider account's own; 404 for anyone else's."""
    appointment: Appointment = get_object_or_404(
        Appointment.objects.filter(provider__user=user).select_related("person", "provider__org", "provider__station"),
        pk=pk,
    )
    return appointment

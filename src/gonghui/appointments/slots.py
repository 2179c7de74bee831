"""A provider's slots: the weekly rules cut into (length + buffer) steps, less the exceptions, the unions'
holidays, the minimum notice, the booking horizon and the slots already held.

A slot is identified by its start; slots lie on a grid that starts at each span's opening, so the same
rule always yields the same starts (the database's slot guard is on the start).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from gonghui.appointments.choices import LIVE
from gonghui.appointments.models import Appointment, Holiday, Provider, ProviderException, WeeklyRule
from gonghui.orgs.models import paths_up


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime
    ends_at: dt.datetime


def _at(day: dt.date, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_current_timezone()) + (
        dt.timedelta(minutes=minute)
    )


def spans_by_day(provider: Provider, first: dt.date, last: dt.date) -> dict[dt.date, list[tuple[int, int]]]:
    """Each date's open spans (minutes from midnight) between `first` and `last` inclusive."""
    week: dict[int, list[tuple[int, int]]] = {}
    for rule in WeeklyRule.objects.filter(provider=provider):
        week.setdefault(rule.weekday, []).append((rule.opens, rule.closes))
    exceptions = {e.date: e for e in ProviderException.objects.filter(provider=provider, date__range=(first, last))}
    holidays = set(
        Holiday.objects.filter(org__path__in=paths_up(provider.org.path), date__range=(first, last)).values_list(
            "date", flat=True
        )
    )
    out: dict[dt.date, list[tuple[int, int]]] = {}
    day = first
    while day <= last:
        exception = exceptions.get(day)
        if day in holidays:
            spans: list[tuple[int, int]] = []
        elif exception is not None:
            spans = [] if exception.closed else [(exception.opens or 0, exception.closes or 0)]
        else:
            spans = sorted(week.get(day.weekday(), []))
        if spans:
            out[day] = spans
        day += dt.timedelta(days=1)
    return out


def grid(provider: Provider, spans: Iterable[tuple[int, int]], day: dt.date) -> list[Slot]:
    """The slots of one day's spans: every (length + buffer) from each opening, the session inside the span."""
    length, step = provider.slot_minutes, provider.slot_minutes + provider.buffer_minutes
    slots = []
    for opens, closes in spans:
        minute = opens
        while minute + length <= closes:
            slots.append(Slot(_at(day, minute), _at(day, minute + length)))
            minute += step
    return slots


def earliest_start(provider: Provider, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) + dt.timedelta(hours=provider.notice_hours)


def last_day(provider: Provider, today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) + dt.timedelta(days=provider.ahead_days)


def free_slots(
    provider: Provider, *, first: dt.date | None = None, days: int = 14, ignore: Appointment | None = None
) -> list[Slot]:
    """Slots a worker may book now: open, past the minimum notice, within the horizon, not held (nor
    overlapping a held appointment, which a change of the rules may have left off the grid)."""
    today = timezone.localdate()
    first = max(first or today, today)
    last = min(first + dt.timedelta(days=max(1, min(days, 180)) - 1), last_day(provider, today))
    if last < first or not provider.is_active:
        return []
    held = Appointment.objects.filter(
        provider=provider,
        status__in=LIVE,
        starts_at__lt=_at(last + dt.timedelta(days=1), 0),
        ends_at__gt=_at(first, 0),
    )
    if ignore is not None:
        held = held.exclude(pk=ignore.pk)
    taken = list(held.values_list("starts_at", "ends_at"))
    earliest = earliest_start(provider)
    out = []
    for day, spans in spans_by_day(provider, first, last).items():
        for slot in grid(provider, spans, day):
            if slot.starts_at < earliest:
                continue
            if any(s < slot.ends_at and slot.starts_at < e for s, e in taken):
                continue
            out.append(slot)
    return out


def slot_at(provider: Provider, starts_at: dt.datetime) -> Slot | None:
    """The slot of the provider's availability that starts at `starts_at`, or None (the time is off-grid,
    or the provider is not available then)."""
    day = timezone.localtime(starts_at).date()
    spans = spans_by_day(provider, day, day).get(day, [])
    return next((s for s in grid(provider, spans, day) if s.starts_at == starts_at), None)

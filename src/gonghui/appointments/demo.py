"""Demo 预约服务 (seed_demo). Safe to run again: providers are made once, sessions only for a provider that
has none.

商南: the psychological counselling room of 商南县总工会职工之家, two counsellors, 75 sessions with the
county's members in the past weeks (a few missed) and 12 booked to come. 柳市: a Friday afternoon rota of
four lawyers at the 柳市镇总工会 teaching point, each on one Friday in four, with a few bookings to come.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.appointments import services
from gonghui.appointments.choices import AppointmentStatus, ProviderMode, ServiceKind
from gonghui.appointments.models import Appointment, Provider, ProviderException, UnionSetting
from gonghui.appointments.slots import free_slots, grid, spans_by_day
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.stations.models import Station

PAST_SESSIONS = 75  # the story: "心理健康疏导75人次" so far this year
UPCOMING_SESSIONS = 12
LAWYERS = ["陈律师", "林律师", "黄律师", "郑律师"]


def _provider(admin: Any, org: OrgNode, data: services.ProviderFields, week: dict[int, str]) -> tuple[Provider, bool]:
    found = Provider.objects.filter(org=org, name=data.name).first()
    if found is not None:
        return found, False
    provider = services.provider_register(actor=admin, org=org, data=data)
    services.rules_set(actor=admin, provider=provider, week=week)
    return provider, True


def _members(org: OrgNode, n: int) -> list[Person]:
    rows = Membership.objects.filter(org__path__startswith=org.path, status=MembershipStatus.ACTIVE)
    return [m.person for m in rows.select_related("person").order_by("pk")[:n]]


def _past_slots(provider: Provider, weeks: int) -> list[tuple[dt.datetime, dt.datetime]]:
    today = timezone.localdate()
    first = today - dt.timedelta(weeks=weeks)
    days = spans_by_day(provider, first, today - dt.timedelta(days=1))
    return [(s.starts_at, s.ends_at) for day, spans in days.items() for s in grid(provider, spans, day)]


def _shangnan(admin: Any, rng: random.Random) -> int:
    org = OrgNode.objects.filter(code="shangnan").first()
    if org is None:
        return 0
    home = Station.objects.filter(org=org, name="商南县总工会职工之家").first()
    place = "职工之家二楼心理咨询室"
    counsellors = [
        _provider(
            admin,
            org,
            services.ProviderFields(
                name="刘心怡", kind=ServiceKind.COUNSELLING, mobile="13809140101", title="国家二级心理咨询师",
                station=home, place=place, slot_minutes=50, buffer_minutes=10, notice_hours=12, cancel_hours=24,
            ),
            {1: "14:30-17:30", 3: "14:30-17:30"},
        ),
        _provider(
            admin,
            org,
            services.ProviderFields(
                name="张静", kind=ServiceKind.COUNSELLING, mobile="13809140102", title="心理健康指导师（工会兼职）",
                station=home, place=place, mode=ProviderMode.BOTH, slot_minutes=50, buffer_minutes=10,
            ),
            {2: "19:00-21:00", 5: "09:00-12:00"},
        ),
    ]  # fmt: skip
    if not any(new for _p, new in counsellors) and Appointment.objects.filter(provider__org=org).exists():
        return 0
    people = _members(org, 60)
    if not people:
        return 0
    rows: list[Appointment] = []
    pool = [(p, s, e) for p, _new in counsellors for s, e in _past_slots(p, 14)]
    for i, (provider, start, end) in enumerate(
        sorted(rng.sample(pool, min(PAST_SESSIONS, len(pool))), key=lambda r: r[1])
    ):
        status = AppointmentStatus.NO_SHOW if i % 10 == 7 else AppointmentStatus.DONE
        rows.append(
            Appointment(
                provider=provider, person=people[i % len(people)], kind=provider.kind, starts_at=start, ends_at=end,
                status=status, marked_at=end, reminded_at=start - dt.timedelta(hours=20),
            )
        )  # fmt: skip
    Appointment.objects.bulk_create(rows, ignore_conflicts=True)
    made = len(rows)
    for i in range(UPCOMING_SESSIONS):
        provider = counsellors[i % 2][0]
        slots = free_slots(provider, days=28)
        if slots:
            services.appointment_book(
                actor=None,
                provider=provider,
                person=people[(i * 7) % len(people)],
                starts_at=slots[i % len(slots)].starts_at,
            )
            made += 1
    contact = get_user_model().objects.filter(username="shangnan").first()
    if contact is not None and not UnionSetting.objects.filter(org=org).exists():
        services.setting_set(actor=admin, org=org, risk_contact=contact)
    return made


def _liushi(admin: Any) -> int:
    org = OrgNode.objects.filter(code="liushi").first()
    if org is None:
        return 0
    point = Station.objects.filter(org=org, name="乐工益·柳市镇总工会教学点").first()
    lawyers = [
        _provider(
            admin,
            org,
            services.ProviderFields(
                name=name, kind=ServiceKind.LEGAL, mobile=f"1380577{2001 + i:04d}", title="乐清市法律援助律师志愿者",
                station=point, place="柳市镇总工会一楼职工法律服务窗口", slot_minutes=30, buffer_minutes=0,
                notice_hours=24, cancel_hours=24, ahead_days=35,
            ),
            {4: "14:00-17:00"},
        )
        for i, name in enumerate(LAWYERS)
    ]  # fmt: skip
    today = timezone.localdate()
    friday = today + dt.timedelta(days=(4 - today.weekday()) % 7)
    for i, (lawyer, new) in enumerate(lawyers):
        if not new:
            continue
        for week in range(6):  # the rota: each lawyer takes one Friday in four; the others are off
            if (week - i) % len(LAWYERS):
                ProviderException.objects.get_or_create(
                    provider=lawyer, date=friday + dt.timedelta(weeks=week), defaults={"note": "轮值休息"}
                )
    if not any(new for _l, new in lawyers):
        return 0
    made = 0
    people = _members(OrgNode.objects.get(code="liushi"), 6)
    for n, person in enumerate(people):
        lawyer = lawyers[n % len(LAWYERS)][0]
        slots = free_slots(lawyer, days=35)
        if slots:
            services.appointment_book(
                actor=None, provider=lawyer, person=person, starts_at=slots[n % len(slots)].starts_at
            )
            made += 1
    return made


def load_demo_appointments(admin: Any) -> int:
    """Create the demo 预约服务; safe to run again. Returns how many appointments were new."""
    rng = random.Random(16)  # noqa: S311 - demo data: the same sessions on every machine
    return _shangnan(admin, rng) + _liushi(admin)

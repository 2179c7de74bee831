"""The appointments objects (预约服务) of the shared permission World (see tests/world.py): a counsellor of
union_a linked to the "provider" persona, available every day 08:00-20:00 in 50-minute sessions; 李在册 (the
member persona) holds one session the day after tomorrow and had one yesterday, which has a sealed note and
an open risk flag for union_a's designated contact (the owner)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment, Holiday, Provider, RiskFlag, UnionSetting, WeeklyRule
from gonghui.appointments.services import note_write

PROVIDER = "测试心理咨询师"
NOTE = "仅咨询师可见的测试记录内容"
MEMBER_ID = "320904198506120014"  # 李在册


def at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), timezone.get_current_timezone())


def build_appointments(world: Any) -> SimpleNamespace:
    provider = Provider.objects.create(
        org=world.union_a,
        station=world.stations.station,
        kind=ServiceKind.COUNSELLING,
        name=PROVIDER,
        title="国家二级心理咨询师",
        mobile="13800000099",
        user=world.users["provider"],
        slot_minutes=50,
        buffer_minutes=10,
        notice_hours=1,
        cancel_hours=2,
        ahead_days=30,
        created_by=world.users["owner"],
    )
    WeeklyRule.objects.bulk_create(
        WeeklyRule(provider=provider, weekday=d, opens=8 * 60, closes=20 * 60) for d in range(7)
    )
    person = world.member.person
    upcoming = Appointment.objects.create(
        provider=provider,
        person=person,
        kind=provider.kind,
        starts_at=at(2, 10),
        ends_at=at(2, 10) + dt.timedelta(minutes=50),
    )
    past = Appointment.objects.create(
        provider=provider,
        person=person,
        kind=provider.kind,
        starts_at=at(-1, 10),
        ends_at=at(-1, 10) + dt.timedelta(minutes=50),
    )
    note_write(actor=world.users["provider"], appointment=past, text=NOTE)
    UnionSetting.objects.create(org=world.union_a, risk_contact=world.users["owner"])
    flag = RiskFlag.objects.create(
        appointment=past, org=world.union_a, raised_by=world.users["provider"], contact=world.users["owner"]
    )
    holiday = Holiday.objects.create(
        org=world.union_a, date=timezone.localdate() + dt.timedelta(days=300), name="测试节日"
    )
    return SimpleNamespace(provider=provider, upcoming=upcoming, past=past, flag=flag, holiday=holiday)


def free_slot(world: Any, n: int = 3) -> str:
    """A free slot of the World's provider (the n-th from now), as the API and forms take it."""
    from gonghui.appointments.slots import free_slots

    return free_slots(world.appointments.provider, days=3)[n].starts_at.isoformat()

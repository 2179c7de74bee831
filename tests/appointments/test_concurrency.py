"""The slot guard under concurrency on PostgreSQL: 200 concurrent bookings for 20 slots make 20
appointments, no slot twice; and requests that all passed the checks still get one slot only."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.appointments import services
from gonghui.appointments.choices import LIVE, ServiceKind
from gonghui.appointments.models import Appointment, Provider, WeeklyRule
from gonghui.appointments.slots import free_slots
from gonghui.members.models import Person
from tests.factories import UserFactory, make_member, make_org

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("regions")]


def _setup(people: int) -> tuple[Provider, list[Person]]:
    admin = UserFactory(is_superuser=True)
    union = make_org("并发预约服务测试工会", code="race-appt")
    provider = Provider.objects.create(
        org=union, kind=ServiceKind.COUNSELLING, name="并发咨询师", mobile="13800001234", notice_hours=0,
        slot_minutes=50, buffer_minutes=10, created_by=admin,
    )  # fmt: skip
    WeeklyRule.objects.bulk_create(WeeklyRule(provider=provider, weekday=d, opens=480, closes=1200) for d in range(7))
    return provider, [make_member(union, 5000 + i).person for i in range(people)]


def _attempt(provider: Provider, person: Person, starts_at: Any, outcomes: list[str]) -> None:
    try:
        services.appointment_book(actor=None, provider=provider, person=person, starts_at=starts_at)
        outcomes.append("ok")
    except ValidationError as exc:
        outcomes.append(exc.messages[0])
    finally:
        connection.close()


def test_200_concurrent_bookings_for_20_slots_make_20_appointments() -> None:
    provider, people = _setup(200)
    slots = [s.starts_at for s in free_slots(provider, days=7)][2:22]
    assert len(slots) == 20
    outcomes: list[str] = []
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i, person in enumerate(people):
            pool.submit(_attempt, provider, person, slots[i % 20], outcomes)
    assert len(outcomes) == 200
    assert outcomes.count("ok") == 20
    assert set(outcomes) - {"ok"} == {"该时段已被预约，请选择其他时段。"}
    live = list(Appointment.objects.filter(provider=provider, status__in=LIVE).values_list("starts_at", flat=True))
    assert len(live) == 20 and sorted(live) == sorted(slots)


def test_requests_past_every_check_still_get_one_slot_only(monkeypatch: pytest.MonkeyPatch) -> None:
    provider, people = _setup(8)
    slot = free_slots(provider, days=3)[3].starts_at
    barrier = threading.Barrier(8, timeout=20)
    original = services._held

    def together(appointment: Appointment) -> Appointment:
        barrier.wait()  # every request passed the checks; all insert at once
        return original(appointment)

    monkeypatch.setattr(services, "_held", together)
    outcomes: list[str] = []
    threads = [threading.Thread(target=_attempt, args=(provider, p, slot, outcomes)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1 and len(outcomes) == 8
    assert Appointment.objects.filter(provider=provider).count() == 1

"""Booking, cancelling and rescheduling: the rules (availability, exceptions, holidays, minimum notice,
cancel deadline), bad input refused in Chinese with nothing changed, and the database's slot guard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from gonghui.appointments import services
from gonghui.appointments.choices import AppointmentStatus
from gonghui.appointments.models import Appointment, Holiday
from gonghui.appointments.slots import free_slots
from tests.world import World
from tests.world_appointments import at


def book(world: World, starts_at: dt.datetime, **kw: object) -> Appointment:
    return services.appointment_book(
        actor=kw.pop("actor", world.users["member"]),
        provider=kw.pop("provider", world.appointments.provider),
        person=kw.pop("person", world.member.person),
        starts_at=starts_at,
        **kw,  # type: ignore[arg-type]
    )


def test_a_worker_books_a_free_slot_which_then_is_no_longer_free(world: World) -> None:
    slot = at(3, 14)
    assert slot in {s.starts_at for s in free_slots(world.appointments.provider, days=5)}
    appointment = book(world, slot)
    assert appointment.ends_at - appointment.starts_at == dt.timedelta(minutes=50)
    assert appointment.status == AppointmentStatus.BOOKED and appointment.kind == "counselling"
    assert slot not in {s.starts_at for s in free_slots(world.appointments.provider, days=5)}


@pytest.mark.parametrize(
    ("when", "says"),
    [
        (lambda: at(3, 14) + dt.timedelta(minutes=20), "不在服务人员的可预约时间内"),  # off the grid
        (lambda: at(3, 21), "不在服务人员的可预约时间内"),  # after hours
        (lambda: at(3, 19) + dt.timedelta(minutes=30), "不在服务人员的可预约时间内"),  # the grid: 08:00 + 60 min
        (lambda: timezone.now() + dt.timedelta(minutes=20), "至少提前 1 小时"),
        (lambda: at(-2, 10), "将来"),
        (lambda: at(40, 10), "最多提前 30 天"),
        (lambda: dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC), "无效"),
    ],
)
def test_bad_times_are_refused_in_chinese_and_change_nothing(world: World, when: object, says: str) -> None:
    starts_at = when()  # type: ignore[operator]
    before = Appointment.objects.count()
    with pytest.raises(ValidationError) as caught:
        book(world, starts_at)
    assert says in " ".join(caught.value.messages)
    assert Appointment.objects.count() == before


def test_a_taken_slot_is_refused_in_chinese(world: World) -> None:
    with pytest.raises(ValidationError, match="该时段已被预约"):
        book(world, world.appointments.upcoming.starts_at)


def test_the_database_refuses_a_second_live_appointment_in_a_slot(world: World) -> None:
    first = world.appointments.upcoming
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            provider=first.provider,
            person=first.person,
            kind=first.kind,
            starts_at=first.starts_at,
            ends_at=first.ends_at,
        )
    # A cancelled appointment frees its slot.
    services.appointment_cancel(actor=world.users["member"], appointment=first, person=world.member.person)
    assert book(world, first.starts_at).pk != first.pk


def test_exceptions_and_holidays_close_days(world: World) -> None:
    provider = world.appointments.provider
    owner = world.users["owner"]
    day = at(4, 10).date()
    services.exception_set(actor=owner, provider=provider, date=day, note="外出培训")
    with pytest.raises(ValidationError, match="可预约时间内"):
        book(world, at(4, 10))
    services.exception_set(actor=owner, provider=provider, date=day, hours="14:00-16:00")
    assert [s.starts_at for s in free_slots(provider, first=day, days=1)] == [at(4, 14), at(4, 15)]
    Holiday.objects.create(org=world.town_a, date=day, name="街道放假")  # a union above closes the day
    assert free_slots(provider, first=day, days=1) == []
    with pytest.raises(ValidationError):
        services.exception_set(actor=owner, provider=provider, date=day, hours="09:00-10:00, 14:00-15:00")


def test_rules_are_parsed_and_refused_in_chinese(world: World) -> None:
    provider = world.appointments.provider
    services.rules_set(actor=world.users["owner"], provider=provider, week={4: "14:00-17:00"})  # Fridays only
    slots = free_slots(provider, days=14)
    assert slots and {timezone.localtime(s.starts_at).weekday() for s in slots} == {4}
    with pytest.raises(ValidationError) as caught:
        services.rules_set(actor=world.users["owner"], provider=provider, week={0: "14:00-13:00"})
    assert "day_0" in caught.value.message_dict
    with pytest.raises(Http404):
        services.rules_set(actor=world.users["sibling"], provider=provider, week={})
    with pytest.raises(PermissionDenied):
        services.rules_set(actor=world.users["worker"], provider=provider, week={})  # read-only role


def test_cancel_no_later_than_the_deadline(world: World) -> None:
    provider = world.appointments.provider
    provider.cancel_hours = 72
    provider.save()
    appointment = world.appointments.upcoming  # in two days
    with pytest.raises(ValidationError, match="不足 72 小时"):
        services.appointment_cancel(actor=world.users["member"], appointment=appointment, person=world.member.person)
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    # The provider may still cancel, with a reason.
    with pytest.raises(ValidationError, match="取消原因"):
        services.appointment_cancel(actor=world.users["provider"], appointment=appointment)
    services.appointment_cancel(actor=world.users["provider"], appointment=appointment, reason="临时出差")
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED


def test_only_ones_own_appointment_is_cancelled(world: World) -> None:
    from tests.factories import make_member

    other = make_member(world.union_a, 77).person
    with pytest.raises(ValidationError, match="自己的预约"):
        services.appointment_cancel(actor=None, appointment=world.appointments.upcoming, person=other)


def test_reschedule_moves_both_or_neither(world: World) -> None:
    old = world.appointments.upcoming
    person = world.member.person
    with pytest.raises(ValidationError, match="可预约时间内"):
        services.appointment_reschedule(person=person, appointment=old, starts_at=at(3, 21))
    old.refresh_from_db()
    assert old.status == AppointmentStatus.BOOKED  # the failed move freed nothing
    new = services.appointment_reschedule(person=person, appointment=old, starts_at=at(3, 9))
    old.refresh_from_db()
    assert old.status == AppointmentStatus.CANCELLED and new.rescheduled_from == old and new.starts_at == at(3, 9)


def test_only_members_of_the_providers_subtree_book(world: World) -> None:
    from tests.factories import make_member

    outsider = make_member(world.union_b, 78).person
    with pytest.raises(ValidationError, match="会员服务"):
        book(world, at(3, 14), person=outsider)


def test_a_cadre_books_at_the_desk_only_for_members_in_scope(world: World) -> None:
    appointment = book(world, at(3, 15), actor=world.users["owner"], by_desk=True)
    assert appointment.by_desk and appointment.booked_by == world.users["owner"]
    with pytest.raises(Http404):
        book(world, at(3, 16), actor=world.users["sibling"], by_desk=True)
    with pytest.raises(PermissionDenied):
        book(world, at(3, 16), actor=world.users["worker"], by_desk=True)  # read-only


def test_mode_must_be_offered(world: World) -> None:
    with pytest.raises(ValidationError, match="只提供"):
        book(world, at(3, 14), mode="online")


def test_the_provider_marks_done_or_no_show_only_after_the_start(world: World) -> None:
    provider_user = world.users["provider"]
    with pytest.raises(ValidationError, match="尚未开始"):
        services.appointment_mark(actor=provider_user, appointment=world.appointments.upcoming, status="done")
    past = services.appointment_mark(actor=provider_user, appointment=world.appointments.past, status="no_show")
    assert past.status == AppointmentStatus.NO_SHOW
    with pytest.raises(PermissionDenied):
        services.appointment_mark(actor=world.users["owner"], appointment=world.appointments.past, status="done")

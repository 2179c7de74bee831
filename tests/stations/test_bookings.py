"""Room bookings: slots, approval and refusal by the station's union, cancellation, bad input, and the
database constraint that makes a double booking impossible (also under concurrent requests on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.utils import timezone

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.stations import services
from gonghui.stations.choices import BookingStatus
from gonghui.stations.models import Booking, BookingSlot
from tests.factories import UserFactory, make_org, make_room, make_station
from tests.world import World
from tests.world_stations import tomorrow_at


def book(world: World, hour: int, *, hours: int = 1, **kw: Any) -> Booking:
    kw.setdefault("booker_org", world.union_a)
    return services.booking_request(
        actor=kw.pop("actor", world.users["owner"]),
        room=kw.pop("room", world.stations.room),
        starts_at=tomorrow_at(hour),
        ends_at=tomorrow_at(hour + hours),
        purpose=kw.pop("purpose", "工会小组会"),
        **kw,
    )


def test_a_union_books_and_the_station_union_approves(world: World) -> None:
    booking = book(world, 14, hours=2)
    assert booking.status == BookingStatus.PENDING
    assert list(BookingSlot.objects.filter(booking=booking).values_list("slot_start", flat=True)) == [
        tomorrow_at(14),
        tomorrow_at(15),
    ]
    services.booking_decide(actor=world.users["same"], booking=booking, approve=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED and booking.decided_by == world.users["same"]
    assert BookingSlot.objects.filter(booking=booking).count() == 2


def test_a_taken_slot_is_refused_and_changes_nothing(world: World) -> None:
    book(world, 14, hours=2)
    before = Booking.objects.count()
    with pytest.raises(ValidationError, match="该时段已被预约"):
        book(world, 15)  # overlaps the second slot
    assert Booking.objects.count() == before


def test_refusal_and_cancellation_free_the_slots(world: World) -> None:
    booking = book(world, 14)
    with pytest.raises(ValidationError, match="说明原因"):
        services.booking_decide(actor=world.users["owner"], booking=booking, approve=False)
    services.booking_decide(actor=world.users["owner"], booking=booking, approve=False, note="当天有检查")
    assert not BookingSlot.objects.filter(booking=booking).exists()
    again = book(world, 14)
    services.booking_cancel(actor=world.users["owner"], booking=again)
    assert not BookingSlot.objects.filter(booking=again).exists()
    book(world, 14)  # free again
    with pytest.raises(ValidationError, match="不能进行此操作"):
        services.booking_decide(actor=world.users["owner"], booking=booking, approve=True)


def test_a_member_books_for_themselves_and_cancels_only_their_own(world: World) -> None:
    person = world.member.person
    booking = book(world, 9, booker_org=None, person=person, actor=world.users["member"])
    assert booking.person == person
    stranger = Person.objects.create(name="赵路人", id_number="320904199001010013", **person_keys("赵路人"))
    with pytest.raises(ValidationError, match="在册会员"):
        book(world, 12, booker_org=None, person=stranger, actor=world.users["member"])
    with pytest.raises(ValidationError, match="自己的预约"):
        services.booking_cancel(actor=world.users["member"], booking=booking, person=stranger)
    services.booking_cancel(actor=world.users["member"], booking=booking, person=person)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        (
            lambda: tomorrow_at(10) + dt.timedelta(minutes=30),
            lambda: tomorrow_at(11) + dt.timedelta(minutes=30),
            "整时段",
        ),
        (lambda: tomorrow_at(11), lambda: tomorrow_at(10), "晚于开始时间"),
        (lambda: timezone.now() - dt.timedelta(hours=2), lambda: timezone.now() - dt.timedelta(hours=1), "将来"),
        (lambda: tomorrow_at(0), lambda: tomorrow_at(0) + dt.timedelta(hours=13), "最多预约 12 个时段"),
    ],
)
def test_bad_periods_are_refused_in_chinese(
    world: World, start: Callable[[], dt.datetime], end: Callable[[], dt.datetime], says: str
) -> None:
    before = Booking.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.booking_request(
            actor=world.users["owner"],
            room=world.stations.room,
            starts_at=start(),
            ends_at=end(),
            purpose="x",
            booker_org=world.union_a,
        )
    assert says in " ".join(caught.value.messages)
    assert Booking.objects.count() == before


def test_only_while_the_station_is_open(world: World) -> None:
    station = make_station(world.union_a, name="白天开放的职工之家", hours="08:00-18:00")
    room = make_room(station, name="会议室")
    with pytest.raises(ValidationError, match="不开放"):
        book(world, 18, room=room)
    with pytest.raises(ValidationError, match="不开放"):
        book(world, 17, hours=2, room=room)
    assert book(world, 17, room=room).pk


def test_who_may_book_and_decide(world: World) -> None:
    with pytest.raises(Http404):
        book(world, 14, actor=world.users["sibling"])  # books for a union outside their scope
    other = book(world, 14, actor=world.users["sibling"], booker_org=world.union_b)  # for their own union
    with pytest.raises(Http404):
        services.booking_decide(actor=world.users["sibling"], booking=other, approve=True)  # not their station
    readonly = world.users["worker"]  # read-only role in union_a
    with pytest.raises(PermissionDenied):
        services.booking_decide(actor=readonly, booking=other, approve=True)
    services.booking_decide(actor=world.users["owner"], booking=other, approve=True)


# --- concurrency (PostgreSQL) -------------------------------------------------------------------


def _run(target: Any, errors: list[BaseException]) -> threading.Thread:
    def body() -> None:
        try:
            target()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=body)
    thread.start()
    return thread


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("regions")  # an earlier transactional test may have flushed the regions table
def test_concurrent_bookings_of_one_slot_yield_exactly_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight requests for the same slot, each past every check and holding its booking row, insert their
    slots at the same moment: the unique (room, slot_start) index lets exactly one commit."""
    admin = UserFactory(is_superuser=True)
    union = make_org("并发预约测试工会", code="race-book")
    station = make_station(union, name="并发测试驿站", hours=None, is_24h=True)
    room = make_room(station)
    member_person = Person.objects.create(name="钱会员", id_number="320904198806060019", **person_keys("钱会员"))
    Membership.objects.create(
        person=member_person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    threads = 8
    barrier = threading.Barrier(threads, timeout=20)
    original = services._hold

    def hold_together(booking: Booking, slots: list[dt.datetime]) -> None:
        barrier.wait()  # every request has inserted its booking and now inserts the slots at once
        original(booking, slots)

    monkeypatch.setattr(services, "_hold", hold_together)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def attempt(i: int) -> None:
        try:
            services.booking_request(
                actor=admin,
                room=room,
                starts_at=tomorrow_at(10),
                ends_at=tomorrow_at(11),
                purpose=f"请求{i}",
                **({"booker_org": union} if i % 2 else {"person": member_person}),
            )
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])

    for thread in [_run(lambda i=i: attempt(i), errors) for i in range(threads)]:
        thread.join()
    assert errors == []
    assert outcomes.count("ok") == 1
    assert sorted(set(outcomes) - {"ok"}) == ["该时段已被预约，请选择其他时段。"]
    assert Booking.objects.filter(room=room).count() == 1  # the refused requests left no booking behind
    assert BookingSlot.objects.filter(room=room).count() == 1


def test_times_without_a_zone_are_local_and_absurd_ones_refused(world: World) -> None:
    naive = tomorrow_at(20).replace(tzinfo=None)
    booking = services.booking_request(
        actor=world.users["owner"],
        room=world.stations.room,
        starts_at=naive,
        ends_at=naive + dt.timedelta(hours=1),
        purpose="晚间读书会",
        booker_org=world.union_a,
    )
    assert booking.starts_at == tomorrow_at(20)
    far = dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
    for start, end in [(tomorrow_at(8), far), (far, far)]:
        with pytest.raises(ValidationError):
            services.booking_request(
                actor=world.users["owner"],
                room=world.stations.room,
                starts_at=start,
                ends_at=end,
                purpose="x",
                booker_org=world.union_a,
            )

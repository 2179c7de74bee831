"""The sign-up rush on PostgreSQL: many workers at once, exactly as many places as there are.

CI's PostgreSQL allows 100 connections, so 200 sign-ups run on 60 threads at once, each thread its
own connection, all released together by a barrier.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from gonghui.events import signups
from gonghui.events.choices import SignUpStatus
from gonghui.events.models import Event, SignUp
from gonghui.members.models import Person
from tests.events.conftest import make_event
from tests.factories import Tree, make_member

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]
THREADS = 60


def _rush(event: Event, people: list[Person]) -> list[BaseException]:
    errors: list[BaseException] = []
    parties = min(THREADS, len(people))
    barrier = threading.Barrier(parties)

    def sign(person: Person, wait: bool) -> None:
        try:
            if wait:
                barrier.wait(timeout=30)
            signups.signup_create(event=event, person=person)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        for i, person in enumerate(people):
            pool.submit(sign, person, i < parties)
    return errors


def test_two_hundred_for_fifty_places(transactional_db: None) -> None:
    tree = Tree()
    event = make_event(tree.county, tree.cadre, capacity=50)
    people = [make_member(tree.union, i).person for i in range(200)]
    assert _rush(event, people) == []
    event.refresh_from_db()
    rows = SignUp.objects.filter(event=event)
    assert rows.filter(status=SignUpStatus.CONFIRMED).count() == 50 == event.held
    waiting = list(rows.filter(status=SignUpStatus.WAITING).order_by("pk"))
    assert len(waiting) == 150
    # The waiting list is served in sign-up order: cancelling three places offers them to the first three.
    for confirmed in rows.filter(status=SignUpStatus.CONFIRMED)[:3]:
        signups.signup_cancel(signup=confirmed)
    offered = list(rows.filter(status=SignUpStatus.OFFERED).order_by("pk").values_list("pk", flat=True))
    assert offered == [w.pk for w in waiting[:3]]
    event.refresh_from_db()
    assert event.held == 50


def test_a_cancellation_racing_the_rush_loses_no_place(transactional_db: None) -> None:
    tree = Tree()
    event = make_event(tree.county, tree.cadre, capacity=10)
    first = [make_member(tree.union, i).person for i in range(10)]
    for person in first:
        signups.signup_create(event=event, person=person)
    late = [make_member(tree.union, 100 + i).person for i in range(40)]
    cancel_me = SignUp.objects.filter(event=event).first()
    assert cancel_me is not None
    with ThreadPoolExecutor(2) as pool:
        rush = pool.submit(_rush, event, late)
        pool.submit(lambda: (signups.signup_cancel(signup=cancel_me), connection.close()))
    assert rush.result() == []
    event.refresh_from_db()
    held = SignUp.objects.filter(event=event, status__in=[SignUpStatus.CONFIRMED, SignUpStatus.OFFERED]).count()
    assert held == event.held == 10

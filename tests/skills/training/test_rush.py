"""The enrolment rush on PostgreSQL: 80 workers enrol in a class of 30 at once; exactly 30 get in, each signed up
for every session, no session holds more than its places, and the refused leave nothing behind. The same
worker on two phones at once is enrolled once.

CI's PostgreSQL allows 100 connections, so the enrolments run on 60 threads released together by a barrier.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.events.models import Event, SignUp
from gonghui.members.models import Person
from gonghui.skills.training import enrolment
from gonghui.skills.training.models import Enrolment, TrainingClass
from tests.factories import Tree, make_member
from tests.skills.training.factories import make_class

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]
THREADS = 60


def _rush(klass: TrainingClass, people: list[Person]) -> tuple[list[str], list[BaseException]]:
    refused: list[str] = []
    errors: list[BaseException] = []
    parties = min(THREADS, len(people))
    barrier = threading.Barrier(parties)

    def enrol(person: Person, wait: bool) -> None:
        try:
            if wait:
                barrier.wait(timeout=30)
            enrolment.enrol(klass=TrainingClass.objects.get(pk=klass.pk), person=person)
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        for i, person in enumerate(people):
            pool.submit(enrol, person, i < parties)
    return refused, errors


def test_eighty_workers_rush_a_class_of_thirty(transactional_db: None) -> None:
    tree = Tree()
    klass = make_class(tree.cadre, tree.county, capacity=30, sessions=("2", "2", "2"))
    people = [make_member(tree.union, i).person for i in range(80)]
    refused, errors = _rush(klass, people)
    assert errors == []
    assert len(refused) == 50 and all("名额已满" in r for r in refused)
    enrolled = set(Enrolment.objects.filter(klass=klass).values_list("person_id", flat=True))
    assert len(enrolled) == 30
    for event in Event.objects.filter(training_session__klass=klass):
        signed = set(SignUp.objects.filter(event=event).values_list("person_id", flat=True))
        assert event.held == 30 and signed == enrolled


def test_one_worker_on_two_phones_is_enrolled_once(transactional_db: None) -> None:
    tree = Tree()
    klass = make_class(tree.cadre, tree.county, capacity=30)
    person = make_member(tree.union, 1).person
    refused, errors = _rush(klass, [person] * 8)
    assert errors == [] and len(refused) == 7 and all("已报名" in r for r in refused)
    assert Enrolment.objects.filter(klass=klass).count() == 1
    assert [e.held for e in Event.objects.filter(training_session__klass=klass)] == [1, 1]

"""Classes and their sessions: each session an events.Event of kind training, inside the class's period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus
from gonghui.events.models import Event, SignUp
from gonghui.skills.training import classes, enrolment
from gonghui.skills.training.choices import ClassStatus
from tests.factories import Tree, make_member
from tests.skills.training.factories import Snapshot, add_session, make_base, make_class, make_course, sessions, soon

pytestmark = pytest.mark.django_db


def test_sessions_are_training_events_published_with_the_class(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, publish=False, capacity=25)
    events = [s.event for s in sessions(klass)]
    assert len(events) == 2
    assert all(e.kind == EventKind.TRAINING and e.status == EventStatus.DRAFT for e in events)
    assert all(e.capacity == 25 and not e.walk_ins and e.org == tree.county for e in events)
    classes.class_publish(actor=tree.cadre, klass=klass)
    klass.refresh_from_db()
    assert klass.status == ClassStatus.PUBLISHED
    assert set(Event.objects.filter(training_session__klass=klass).values_list("status", flat=True)) == {"published"}


def test_a_class_without_sessions_cannot_be_published(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, sessions=(), publish=False)
    with pytest.raises(ValidationError) as caught:
        classes.class_publish(actor=tree.cadre, klass=klass)
    assert "至少一节" in str(caught.value)
    klass.refresh_from_db()
    assert klass.status == ClassStatus.DRAFT


def test_a_session_outside_the_class_period_is_refused_and_nothing_is_made(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    before = Snapshot.of(klass)
    late = timezone.make_aware(dt.datetime.combine(klass.ends_on + dt.timedelta(days=1), dt.time(19)))
    with pytest.raises(ValidationError) as caught:
        add_session(tree.cadre, klass, start=late)
    assert "培训期内" in str(caught.value) and klass.ends_on.isoformat() in str(caught.value)
    assert Snapshot.of(klass) == before and klass.sessions.count() == 2


def test_a_past_session_and_bad_hours_are_refused(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    with pytest.raises(ValidationError) as caught:
        add_session(tree.cadre, klass, start=soon(-3))
    assert "下课时间已过" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        add_session(tree.cadre, klass, start=soon(6), hours="0")
    assert "学时" in str(caught.value)
    assert klass.sessions.count() == 2


def test_a_class_period_and_a_course_of_a_union_below_are_refused(tree: Tree) -> None:
    course = make_course(tree.union_cadre, tree.union, title="城关课程")
    base = make_base(tree.cadre, tree.county)
    today = timezone.localdate()
    data = classes.ClassFields(
        course=course, base=base, title="班", starts_on=today, ends_on=today - dt.timedelta(days=1), capacity=10
    )
    with pytest.raises(ValidationError) as caught:
        classes.class_create(actor=tree.cadre, org=tree.county, data=data)
    errors = caught.value.message_dict
    assert "上级工会" in errors["course"][0] and "结业日期" in errors["ends_on"][0]


def test_a_session_added_to_a_running_class_signs_its_trainees_up(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    people = [make_member(tree.union, i).person for i in range(3)]
    for person in people:
        enrolment.enrol(klass=klass, person=person)
    session = add_session(tree.cadre, klass, start=soon(8), hours="1.5")
    assert session.event.status == EventStatus.PUBLISHED and session.hours == Decimal("1.5")
    signed = SignUp.objects.filter(event=session.event, status="confirmed")
    assert {s.person_id for s in signed} == {p.pk for p in people}
    session.event.refresh_from_db()
    assert session.event.held == 3

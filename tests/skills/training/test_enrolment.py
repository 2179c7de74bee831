"""Enrolment on the events engine: one enrolment signs the trainee up for every session still to come; the
sessions' places keep the class from over-filling; nothing stays written when a class refuses."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gonghui.events.models import SignUp
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.skills.training import enrolment
from gonghui.skills.training.models import Enrolment
from tests.factories import Tree, make_member
from tests.skills.training.factories import Snapshot, make_class, sessions

pytestmark = pytest.mark.django_db


def test_enrolling_signs_up_for_every_session(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, sessions=("2", "2", "4"))
    member = make_member(tree.union, 1)
    made = enrolment.enrol(klass=klass, person=member.person)
    assert made.org == tree.union and made.status == "active"
    for session in sessions(klass):
        assert SignUp.objects.get(event=session.event, person=member.person).status == "confirmed"
        assert session.event.held == 1


def test_enrolment_over_capacity_is_refused_and_nothing_changes(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, capacity=2)
    for i in range(2):
        enrolment.enrol(klass=klass, person=make_member(tree.union, i).person)
    late = make_member(tree.union, 9).person
    before = Snapshot.of(klass)
    with pytest.raises(ValidationError) as caught:
        enrolment.enrol(klass=klass, person=late)
    assert "名额已满（2人）" in caught.value.messages[0]
    assert Snapshot.of(klass) == before == Snapshot(before.events, 4, [2, 2])
    assert not Enrolment.objects.filter(person=late).exists()
    assert not SignUp.objects.filter(person=late).exists()  # no waiting list left behind either


def test_a_second_enrolment_is_refused(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    person = make_member(tree.union, 1).person
    enrolment.enrol(klass=klass, person=person)
    with pytest.raises(ValidationError) as caught:
        enrolment.enrol(klass=klass, person=person)
    assert "已报名该培训班" in caught.value.messages[0]
    assert Enrolment.objects.count() == 1 and SignUp.objects.count() == 2


def test_the_audience_is_the_events_engine_s(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.union, audience_org=tree.union)
    outsider = make_member(tree.other, 5).person
    with pytest.raises(ValidationError) as caught:
        enrolment.enrol(klass=klass, person=outsider)
    assert "面向" in caught.value.messages[0]
    assert not Enrolment.objects.exists()


def test_an_open_class_takes_a_tea_farmer_who_is_no_member(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, members_only=False)
    farmer = Person.objects.create(name="茶农老王", id_number="612525197001010019", **person_keys("茶农老王"))
    made = enrolment.enrol(klass=klass, person=farmer)
    assert made.org is None and SignUp.objects.filter(person=farmer, status="confirmed").count() == 2
    members_only = make_class(tree.cadre, tree.county, course_title="茶树栽培", base_name="茶园基地")
    with pytest.raises(ValidationError) as caught:
        enrolment.enrol(klass=members_only, person=farmer)
    assert "仅限工会会员" in caught.value.messages[0]


def test_a_draft_class_takes_no_one(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, publish=False)
    with pytest.raises(ValidationError) as caught:
        enrolment.enrol(klass=klass, person=make_member(tree.union, 1).person)
    assert "未发布" in caught.value.messages[0]


def test_withdrawing_gives_the_places_back(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, capacity=1)
    first = enrolment.enrol(klass=klass, person=make_member(tree.union, 1).person)
    enrolment.withdraw(enrolment=first)
    assert [s.event.held for s in sessions(klass)] == [0, 0]
    enrolment.enrol(klass=klass, person=make_member(tree.union, 2).person)  # the place is free again
    with pytest.raises(ValidationError):
        enrolment.withdraw(enrolment=first)

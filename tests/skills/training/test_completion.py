"""Hours from the events check-in, the completion rule, and completion certificates (once, only when earned)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.events.models import Event
from gonghui.events.services import event_cancel
from gonghui.skills.certification.models import Certificate
from gonghui.skills.training import completion, enrolment
from gonghui.skills.training.models import Completion
from tests.factories import Tree, make_member
from tests.skills.training.factories import check_in, make_class, sessions

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(tree: Tree) -> tuple:
    """A class of 2 + 2 + 4 hours (80%: 6.4 hours to complete) and two trainees."""
    klass = make_class(tree.cadre, tree.county, sessions=("2", "2", "4"))
    a, b = (make_member(tree.union, i, name=name).person for i, name in ((1, "刘保柱"), (2, "王芳")))
    for person in (a, b):
        enrolment.enrol(klass=klass, person=person)
    return klass, a, b


def test_hours_are_the_checked_in_sessions_hours(tree: Tree, running: tuple) -> None:
    klass, a, b = running
    first, second, third = sessions(klass)
    for session in (first, third):
        check_in(tree.cadre, session, a)
    check_in(tree.cadre, second, b)
    check_in(tree.cadre, second, b)  # a second scan of the same ticket counts nothing
    assert completion.hours_by_person(klass) == {a.pk: Decimal(6), b.pk: Decimal(2)}
    assert completion.class_hours(klass) == Decimal(8) and completion.required_hours(klass) == Decimal("6.4")
    assert not completion.standing(klass, a).completed
    check_in(tree.cadre, second, a)
    assert completion.standing(klass, a).completed and completion.standing(klass, a).hours == Decimal(8)


def test_a_cancelled_session_counts_for_no_one(tree: Tree, running: tuple) -> None:
    klass, a, _b = running
    first, second, third = sessions(klass)
    check_in(tree.cadre, first, a)
    check_in(tree.cadre, second, a)
    event_cancel(actor=tree.cadre, event=Event.objects.get(pk=third.event_id), reason="老师生病")
    assert completion.class_hours(klass) == Decimal(4)
    assert completion.standing(klass, a).completed  # 4 of 4 hours


def test_a_certificate_for_someone_who_did_not_complete_is_refused(tree: Tree, running: tuple) -> None:
    klass, a, b = running
    first, second, third = sessions(klass)
    for session in (first, second, third):
        check_in(tree.cadre, session, a)
    check_in(tree.cadre, first, b)
    with pytest.raises(ValidationError) as caught:
        completion.certificates_grant(actor=tree.cadre, klass=klass, people=[a, b])
    assert caught.value.messages == ["王芳参训2学时，未达到结业要求（6.4学时），不能颁发结业证书。"]
    assert not Certificate.objects.exists() and not Completion.objects.exists()  # not even 刘保柱's


def test_certificates_go_to_those_who_completed_once(tree: Tree, running: tuple, client) -> None:
    klass, a, _b = running
    for session in sessions(klass):
        check_in(tree.cadre, session, a)
    (made,) = completion.certificates_grant(actor=tree.cadre, klass=klass)
    assert made.person == a and made.hours == Decimal(8)
    certificate = made.certificate
    assert certificate.kind == "training" and certificate.number.startswith("PX")
    assert certificate.title == "电工技能提升培训班(第1期) 结业" and "电工" in certificate.detail
    with pytest.raises(ValidationError) as caught:
        completion.certificates_grant(actor=tree.cadre, klass=klass, people=[a])
    assert caught.value.messages == ["刘保柱已领取本班结业证书，不能重复颁发。"]
    with pytest.raises(ValidationError) as caught:
        completion.certificates_grant(actor=tree.cadre, klass=klass)
    assert "没有待颁发结业证书的学员" in caught.value.messages[0]
    assert Certificate.objects.count() == 1 == Completion.objects.count()
    body = client.get(reverse("certification_h5:verify", args=[certificate.number])).content.decode()
    assert "证书真实有效" in body and "刘**" in body


def test_the_database_refuses_a_second_completion(tree: Tree, running: tuple) -> None:
    from django.db import IntegrityError, transaction

    klass, a, _b = running
    for session in sessions(klass):
        check_in(tree.cadre, session, a)
    (made,) = completion.certificates_grant(actor=tree.cadre, klass=klass)
    with pytest.raises(IntegrityError), transaction.atomic():
        Completion.objects.create(klass=klass, person=a, hours=1, certificate=made.certificate, issued_by=tree.cadre)


def test_only_the_class_s_cadres_grant(tree: Tree, running: tuple) -> None:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    klass, a, _b = running
    for session in sessions(klass):
        check_in(tree.cadre, session, a)
    with pytest.raises(Http404):
        completion.certificates_grant(actor=tree.outsider, klass=klass)
    with pytest.raises((Http404, PermissionDenied)):
        completion.certificates_grant(actor=tree.union_cadre, klass=klass)
    assert not Certificate.objects.exists()

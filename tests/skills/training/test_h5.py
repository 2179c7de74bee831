"""The phone pages: open classes (public), a class's page, enrolling after sign-in, and 我的培训 with hours,
each session's ticket and the certificate."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gonghui.skills.training import completion
from gonghui.skills.training.models import Enrolment
from tests.factories import Tree, make_member
from tests.skills.training.factories import check_in, make_class, sessions, worker_client

pytestmark = pytest.mark.django_db


def test_open_classes_are_listed_for_anyone(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    make_class(tree.cadre, tree.county, title="城关电工班")
    make_class(tree.cadre, tree.county, title="草稿班", publish=False, course_title="c2", base_name="b2")
    anonymous = Client()
    with django_assert_max_num_queries(6):
        page = anonymous.get(reverse("training_h5:list")).content.decode()
    assert "城关电工班" in page and "草稿班" not in page


def test_a_worker_enrols_attends_and_sees_the_certificate(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, sessions=("2",), capacity=1)
    member = make_member(tree.union, 1, name="刘保柱")
    phone = worker_client(member)
    detail = phone.get(reverse("training_h5:detail", args=[klass.pk])).content.decode()
    assert "我要报名" in detail and "剩余 1 / 1" in detail
    page = phone.post(reverse("training_h5:enrol", args=[klass.pk]), follow=True).content.decode()
    assert "报名成功" in page and "已参训 0 / 2 学时" in page
    assert Enrolment.objects.filter(person=member.person).exists()
    check_in(tree.cadre, sessions(klass)[0], member.person)
    completion.certificates_grant(actor=tree.cadre, klass=klass)
    page = phone.get(reverse("training_h5:mine")).content.decode()
    assert "已结业" in page and "已签到" in page and "PX" in page
    second = worker_client(make_member(tree.union, 2))
    full = second.get(reverse("training_h5:detail", args=[klass.pk])).content.decode()
    assert "已满" in full
    refused = second.post(reverse("training_h5:enrol", args=[klass.pk]), follow=True).content.decode()
    assert "名额已满" in refused


def test_a_worker_withdraws_only_their_own(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    member, other = make_member(tree.union, 1), make_member(tree.union, 2)
    phone = worker_client(member)
    phone.post(reverse("training_h5:enrol", args=[klass.pk]))
    theirs = worker_client(other)
    theirs.post(reverse("training_h5:enrol", args=[klass.pk]))
    mine = Enrolment.objects.get(person=member.person)
    assert theirs.post(reverse("training_h5:withdraw", args=[mine.pk])).status_code == 404
    phone.post(reverse("training_h5:withdraw", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == "withdrawn"


def test_enrolling_needs_a_signed_in_worker(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    response = Client().post(reverse("training_h5:enrol", args=[klass.pk]))
    assert response.status_code == 302 and "signin" in response["Location"]
    assert not Enrolment.objects.exists()

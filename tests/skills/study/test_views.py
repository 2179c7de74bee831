"""The workbench pages and the worker's phone pages of 求学圆梦."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gonghui.ledger.choices import PayoutStatus
from gonghui.skills.study.choices import StudyStatus
from gonghui.skills.study.models import Application, Programme
from tests.factories import Tree, image_bytes, make_member, today
from tests.skills.study.factories import make_application, make_programme
from tests.wishes.factories import desk, worker_client

pytestmark = pytest.mark.django_db


def test_the_application_list_reads_a_fixed_number_of_queries(tree: Tree, django_assert_max_num_queries: Any) -> None:
    programme = make_programme(tree.county, tree.cadre, quota=30)
    for i in range(25):
        status = "approved" if i % 2 else "submitted"
        make_application(programme, make_member(tree.union, i).person, tree.union, tree.cadre, status=status)
    client = desk(tree.cadre)
    with django_assert_max_num_queries(8):
        response = client.get("/study/")
    assert response.status_code == 200 and response.content.decode().count("/study/") >= 25
    with django_assert_max_num_queries(8):
        assert client.get("/study/programmes/").status_code == 200


def test_lists_hold_only_the_scope(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    make_application(programme, make_member(tree.union, 1, name="城关学员").person, tree.union, tree.cadre)
    make_application(programme, make_member(tree.other, 2, name="富水学员").person, tree.other, tree.cadre)
    union_page = desk(tree.union_cadre).get("/study/").content.decode()
    assert "城关学员" in union_page and "富水学员" not in union_page
    assert "城关学员" not in desk(tree.outsider).get("/study/").content.decode()
    assert desk(tree.outsider).get(f"/study/programmes/{programme.pk}/").status_code == 404


def test_a_cadre_decides_pays_and_records_graduation_on_the_page(tree: Tree, money: Any) -> None:
    programme = make_programme(tree.county, tree.cadre)
    application = make_application(programme, make_member(tree.union, 3).person, tree.union, tree.cadre)
    cadre = desk(tree.cadre)
    page = cadre.get(f"/study/{application.pk}/").content.decode()
    assert "decide-form" in page and "pay-form" not in page
    cadre.post(f"/study/{application.pk}/decide/", {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == StudyStatus.APPROVED
    maker = desk(money.maker)
    response = maker.post(
        f"/study/{application.pk}/pay/",
        {"amount": "2000", "paid_on": today().isoformat(), "fund": "union_funds"},
        follow=True,
    )
    assert "请由另一位财务人员审核" in response.content.decode()
    response = desk(money.checker).post(f"/study/{application.pk}/approve/", follow=True)
    assert "补助已审核发放" in response.content.decode()
    application.refresh_from_db()
    assert application.payout is not None and application.payout.status == PayoutStatus.APPROVED
    response = maker.post(
        f"/study/{application.pk}/pay/",
        {"amount": "100", "paid_on": today().isoformat(), "fund": "union_funds"},
        follow=True,
    )
    assert "不能重复发放" in response.content.decode()
    cadre.post(
        f"/study/{application.pk}/graduate/",
        {"graduated_on": today().isoformat(), "certificate_no": "132041202606000123", "certificate": _scan()},
    )
    application.refresh_from_db()
    assert application.status == StudyStatus.GRADUATED
    assert cadre.get(f"/study/{application.pk}/file/certificate/")["Content-Type"] == "image/jpeg"
    assert cadre.get(f"/study/{application.pk}/file/letter/").status_code == 404  # a paper application


def test_a_refusal_without_a_reason_changes_nothing(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    application = make_application(programme, make_member(tree.union, 4).person, tree.union, tree.cadre)
    response = desk(tree.cadre).post(f"/study/{application.pk}/decide/", {"decision": "reject"}, follow=True)
    assert "请填写未通过的原因" in response.content.decode()
    application.refresh_from_db()
    assert application.status == StudyStatus.SUBMITTED


def test_a_cadre_opens_a_programme(tree: Tree) -> None:
    response = desk(tree.cadre).post(
        "/study/programmes/new/",
        {
            "org": tree.county.code,
            "year": today().year,
            "name": "商南县求学圆梦",
            "eligibility": "front_line",
            "quota": "20",
            "budget": "50000",
            "opens_on": today().isoformat(),
            "closes_on": today().isoformat(),
            "std_junior_college": "2000",
        },
    )
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.standards.get().amount == Decimal(2000)


def _scan() -> SimpleUploadedFile:
    return SimpleUploadedFile("录取通知书.jpg", image_bytes(), content_type="image/jpeg")


def _form(programme: Programme, **overrides: Any) -> dict[str, Any]:
    data = {
        "programme": programme.pk,
        "job": "电焊工",
        "front_line": "on",
        "level": "junior_college",
        "mode": "open_university",
        "school": "盐城开放大学",
        "major": "机械制造与自动化",
        "enrolled_year": today().year,
        "fees": "4800",
        "letter": _scan(),
    }
    data.update(overrides)
    return data


def test_a_worker_applies_on_the_phone_and_follows_it_in_mine(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    member = make_member(tree.union, 5)
    phone, _user = worker_client(member)
    page = phone.get("/h5/me/study/").content.decode()
    assert programme.name in page and "申请求学圆梦" in page
    response = phone.post("/h5/me/study/apply/", _form(programme))
    assert response.status_code == 302
    application = Application.objects.get(person=member.person)
    assert application.letter and application.status == StudyStatus.SUBMITTED
    assert "盐城开放大学" in phone.get("/h5/me/study/").content.decode()
    assert "等待工会审核" in phone.get("/h5/me/").content.decode()
    phone.post(f"/h5/me/study/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == StudyStatus.WITHDRAWN


def test_a_bad_letter_or_a_missing_field_keeps_the_form_and_saves_nothing(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    phone, _user = worker_client(make_member(tree.union, 6))
    fake = SimpleUploadedFile("通知书.jpg", b"not an image at all", content_type="image/jpeg")
    page = phone.post("/h5/me/study/apply/", _form(programme, letter=fake)).content.decode()
    assert "只接受" in page
    page = phone.post("/h5/me/study/apply/", _form(programme, front_line="")).content.decode()
    assert "一线职工和产业工人" in page
    assert not Application.objects.exists()


def test_a_worker_sees_only_their_own(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    other = make_application(programme, make_member(tree.union, 7).person, tree.union, tree.cadre)
    phone, _user = worker_client(make_member(tree.union, 8))
    assert phone.post(f"/h5/me/study/{other.pk}/withdraw/").status_code == 404
    assert Client().get("/h5/me/study/").status_code == 302

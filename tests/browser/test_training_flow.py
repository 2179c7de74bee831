"""On a phone: a worker enrols in a training class from 职工培训, is checked in at its session at the door (the
events check-in, scanning the session's ticket), completes the class, and sees the completion certificate,
whose public page says it is genuine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.events.models import SignUp
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.skills.training import completion
from gonghui.skills.training.models import Completion, TrainingClass
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id
from tests.skills.training.factories import check_in, make_class, sessions

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
MOBILE = "13912340077"


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    town = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    union = make_org("柳市电器科技股份有限公司工会", parent=town, code="ls-dianqi", region="330382")
    cadre = UserFactory(username="liushi-cadre")
    grant(cadre, town)
    person = Person.objects.create(
        name="陈电工", id_number=make_id(77, birth="19900101"), mobile=MOBILE, **person_keys("陈电工")
    )
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    klass = make_class(cadre, town, title="柳市镇电工技能提升培训班", sessions=("4",), capacity=20)
    return {"cadre": cadre, "klass": klass, "person": person}


def test_worker_enrols_attends_completes_and_sees_the_certificate(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    klass: TrainingClass = place["klass"]
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}/h5/me/")
    sign_in(page, MOBILE, name="陈电工", id_number=make_id(77, birth="19900101"))
    page.goto(f"{live_server.url}/h5/training/")
    page.click("text=柳市镇电工技能提升培训班")
    assert "剩余 20 / 20" in page.inner_text("#places-left")
    page.click("#enrol-button")
    page.wait_for_selector(f"#class-{klass.pk}")
    body = page.inner_text("body")
    assert "报名成功" in body and "已参训 0 / 4 学时" in body
    page.screenshot(path=str(artifacts / "browser-training-enrolled-phone.png"), full_page=True)

    page.click(f"#class-{klass.pk} .progress-row a")  # the session's ticket, to show at the door
    page.wait_for_selector("#ticket-qr svg")
    signup = SignUp.objects.get(person=place["person"], event__training_session__klass=klass)
    check_in(place["cadre"], sessions(klass)[0], place["person"])  # the door scans it
    signup.refresh_from_db()
    assert signup.checked_in_at is not None
    completion.certificates_grant(actor=place["cadre"], klass=klass)
    number = Completion.objects.get(person=place["person"]).certificate.number

    page.goto(f"{live_server.url}/h5/me/training/")
    mine = page.inner_text(f"#class-{klass.pk}")
    assert "已结业" in mine and "已签到" in mine and "已参训 4 / 4 学时" in mine and number in mine
    page.screenshot(path=str(artifacts / "browser-training-completed-phone.png"), full_page=True)
    page.click(f"#certificate-{klass.pk} a")
    page.wait_for_load_state()
    verify = page.inner_text("body")
    assert "证书真实有效" in verify and number in verify and "陈**" in verify and "陈电工" not in verify
    page.screenshot(path=str(artifacts / "browser-training-certificate-phone.png"), full_page=True)

"""On a phone: a worker asks a legal question in 我的; a rights officer at the desk turns it into a legal-aid
case, accepts it and assigns the union's lawyer; the lawyer, signed in on the phone with a code to the number
the union registered, records a step and closes the case; the worker sees the outcome in 我的."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Provider
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.rights.legalaid.models import LegalAidCase
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
WORKER_MOBILE = "13912340077"
WORKER_ID = make_id(77, birth="19880808")
LAWYER_MOBILE = "13809140211"


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    union = make_org("商南县速递物流工会", parent=county, code="sn-kd", region="611023")
    officer = UserFactory(username="weiquan", display_name="维权专员")
    grant(officer, county, Role.RIGHTS)
    person = Person.objects.create(name="周快递", id_number=WORKER_ID, mobile=WORKER_MOBILE, **person_keys("周快递"))
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    lawyer = Provider.objects.create(
        org=county, kind=ServiceKind.LEGAL, name="杨振华", title="陕西秦岭律师事务所", mobile=LAWYER_MOBILE,
        created_by=officer,
    )  # fmt: skip
    return {"lawyer": lawyer}


def test_worker_asks_cadre_assigns_lawyer_closes_worker_sees_outcome(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    worker = browser.new_context(**PHONE).new_page()
    worker.goto(f"{base}/h5/me/legal/")
    sign_in(worker, WORKER_MOBILE, name="周快递", id_number=WORKER_ID)
    worker.goto(f"{base}/h5/me/legal/")
    worker.click("#ask")
    worker.select_option("#id_topic", "wages")
    worker.fill("#id_question", "快递网点拖欠我三个月工资，怎么办？")
    worker.click("button.primary")
    worker.wait_for_selector("#my-consultations")
    assert "待答复" in worker.inner_text("#my-consultations")
    worker.screenshot(path=str(artifacts / "browser-legalaid-asked-phone.png"), full_page=True)

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", "weiquan")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    desk.goto(f"{base}/legalaid/consultations/")
    desk.click("#consultations tbody a")
    desk.fill("#to-case textarea[name=summary]", "追讨拖欠工资三个月")
    desk.fill("#to-case input[name=claim_amount]", "13500")
    desk.click("#to-case-button")
    desk.wait_for_selector("#case-status")
    assert "符合援助条件：工会会员" in desk.inner_text("#eligibility")
    desk.click("#accept")
    desk.wait_for_selector("#assign")
    desk.select_option("#assign select[name=provider]", str(place["lawyer"].pk))
    desk.click("#assign button.primary")
    desk.wait_for_selector("#lawyer")
    assert "杨振华" in desk.inner_text("#lawyer") and "已指派" in desk.inner_text("#case-status")
    case = LegalAidCase.objects.get()
    assert case.helping_org is None and case.org.code == "sn-kd"  # the consultation's union was the worker's

    lawyer = browser.new_context(**PHONE).new_page()
    lawyer.goto(f"{base}/h5/legalaid/lawyer/")
    sign_in(lawyer, LAWYER_MOBILE)
    lawyer.wait_for_selector("#lawyer-cases")
    lawyer.click(f"text={case.ref} · 周快递")
    lawyer.select_option("#step-form select[name=kind]", "mediation")
    lawyer.fill("#step-form textarea[name=note]", "约谈网点负责人")
    lawyer.click("#step-form button.primary")
    lawyer.wait_for_selector("#case-status")
    assert "代理中" in lawyer.inner_text("#case-status")
    lawyer.select_option("#close-form select[name=outcome]", "settled")
    lawyer.fill("#close-form input[name=recovered]", "13500")
    lawyer.fill("#close-form textarea[name=outcome_note]", "网点一次性结清工资")
    lawyer.click("#close-form button.primary")
    lawyer.wait_for_selector("#case-status")
    assert "已结案" in lawyer.inner_text("#case-status")
    lawyer.screenshot(path=str(artifacts / "browser-legalaid-lawyer-phone.png"), full_page=True)

    worker.goto(f"{base}/h5/me/legal/")
    mine = worker.inner_text("#my-cases")
    assert "已结案" in mine and "13,500.00" in mine and "网点一次性结清工资" in mine and "约谈网点负责人" not in mine
    worker.screenshot(path=str(artifacts / "browser-legalaid-outcome-phone.png"), full_page=True)

"""求学圆梦 on a phone: a front-line worker applies in 我的 with a photo of the admission letter; the union's
cadre approves it and enters the subsidy; a finance officer checks it (maker/checker, the aid ledger); the
worker sees the subsidy paid in 我的."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.ledger.choices import PayoutStatus
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.skills.study import services
from gonghui.skills.study.choices import DegreeLevel, Eligibility
from gonghui.skills.study.models import Application
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, image_bytes, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
ID_NUMBER = make_id(77, birth="19950315")
MOBILE = "13877770077"


@pytest.fixture
def programme(regions: None) -> Any:
    county = make_org("建湖县总工会", kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    union = make_org("建湖石油机械基层工会", parent=county, code="jh-shiyou", region="320925")
    cadre = UserFactory(username="jh-ganshi", display_name="建湖县总工会 · 干事")
    grant(cadre, county, Role.ADMIN)
    grant(UserFactory(username="jh-caiwu", display_name="建湖县总工会 · 财务"), county, Role.FINANCE)
    person = Person.objects.create(name="陈焊工", id_number=ID_NUMBER, mobile=MOBILE, **person_keys("陈焊工"))
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    today = timezone.localdate()
    data = services.ProgrammeFields(
        year=today.year,
        name=f"{today.year}年建湖县一线职工求学圆梦行动",
        eligibility=Eligibility.FRONT_LINE,
        quota=20,
        budget=Decimal(50000),
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=20),
        standards={DegreeLevel.JUNIOR_COLLEGE: Decimal(2000), DegreeLevel.BACHELOR: Decimal(3000)},
    )
    return services.programme_create(actor=cadre, org=county, data=data)


def _login(browser: Any, base: str, username: str) -> Any:
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", username)
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    return desk


def test_worker_applies_cadre_approves_and_pays_worker_sees_it(
    live_server: Any, browser: Any, programme: Any, artifacts: Path, tmp_path: Path
) -> None:
    base = live_server.url
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(f"{base}/h5/me/study/")
    sign_in(page, MOBILE, name="陈焊工", id_number=ID_NUMBER)
    page.goto(f"{base}/h5/me/study/")
    assert programme.name in page.inner_text("#open-programmes")
    page.click("text=申请求学圆梦")
    page.fill("#id_job", "电焊工")
    page.check("#id_front_line")
    page.select_option("#id_level", "junior_college")
    page.select_option("#id_mode", "open_university")
    page.fill("#id_school", "盐城开放大学")
    page.fill("#id_major", "机械制造与自动化")
    page.fill("#id_fees", "4800")
    letter = tmp_path / "录取通知书.jpg"
    letter.write_bytes(image_bytes(size=(64, 48)))
    page.set_input_files("#id_letter", str(letter))
    page.screenshot(path=str(artifacts / "browser-study-apply-phone.png"), full_page=True)
    page.click("button.primary")
    page.wait_for_selector("#my-study")
    assert "申请已提交" in page.inner_text("body") and "待审核" in page.inner_text("#my-study")
    application = Application.objects.get(person__name="陈焊工")
    assert application.letter_type == "image/jpeg"

    cadre = _login(browser, base, "jh-ganshi")
    cadre.goto(f"{base}/study/")
    cadre.click("text=陈焊工")
    assert ID_NUMBER not in cadre.inner_text("body")
    cadre.click("#decide-form button[value=approve]")
    cadre.wait_for_selector("#application-status >> text=已批准")
    assert cadre.input_value("#pay-form input[name=amount]") == "2000.00"
    cadre.click("#pay-form button.primary")
    cadre.wait_for_selector("text=请由另一位财务人员审核")
    assert "待审核" in cadre.inner_text("#subsidy")

    checker = _login(browser, base, "jh-caiwu")
    checker.goto(f"{base}/study/{application.pk}/")
    checker.click("#approve-form button")
    checker.wait_for_selector("text=补助已审核发放")
    application.refresh_from_db()
    assert application.payout is not None and application.payout.status == PayoutStatus.APPROVED
    assert application.payout.maker.username == "jh-ganshi" and application.payout.checker.username == "jh-caiwu"

    page.goto(f"{base}/h5/me/")
    assert "我的求学圆梦" in page.inner_text("body") and "已发放" in page.inner_text("body")
    page.goto(f"{base}/h5/me/study/")
    assert "补助 2,000.00 元已发放" in page.inner_text("#my-study")
    page.screenshot(path=str(artifacts / "browser-study-paid-phone.png"), full_page=True)
    phone.close()

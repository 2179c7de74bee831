"""A worker applies for hardship aid on a phone; the cadre reviews, visits and opens the file; a 冬送温暖
payout is made and checked by a second person; the campaign page counts it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.assistance.models import SubsistenceStandard
from gonghui.campaigns.models import Campaign
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

ID_NUMBER = make_id(66, birth="19750520")
MOBILE = "13866660066"


@pytest.fixture
def winter(regions: None) -> Campaign:
    city = make_org("枣庄市总工会", code="zaozhuang", region="320900")
    county = make_org("大丰区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="dafeng-aid")
    union = make_org("大丰港务基层工会", parent=county, code="df-gangwu")
    grant(UserFactory(username="bangfu", display_name="帮扶专员"), county, Role.ASSISTANCE)
    grant(UserFactory(username="caiwu", display_name="财务"), county, Role.FINANCE)
    today = timezone.localdate()
    SubsistenceStandard.objects.create(region_id="320904", year=today.year, monthly=Decimal("800"))
    person = Person.objects.create(name="王师傅", id_number=ID_NUMBER, mobile=MOBILE, **person_keys("王师傅"))
    Membership.objects.create(
        person=person,
        org=union,
        status=MembershipStatus.ACTIVE,
        applied_at=timezone.now(),
        joined_on=dt.date(2015, 3, 1),
    )
    return Campaign.objects.create(
        org=county,
        name=f"{today.year}年冬送温暖",
        kind="winter_warmth",
        year=today.year,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=60),
        budget=Decimal("100000"),
    )


def _login(browser: Any, base: str, username: str) -> Any:
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", username)
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    return desk


def test_worker_applies_cadre_opens_file_winter_campaign_pays_it(
    live_server: Any, browser: Any, winter: Campaign, artifacts: Path
) -> None:
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{base}/h5/aid/df-gangwu/")  # the worker applies for themself: sign in first
    sign_in(page, MOBILE, name="王师傅", id_number=ID_NUMBER)
    page.wait_for_selector("text=困难职工帮扶申请")
    assert "申请人：王师傅" in page.inner_text("body") and ID_NUMBER not in page.inner_text("body")
    page.fill("#id_family_size", "3")
    page.fill("#id_own_income", "1500")
    page.select_option("#id_main_cause", "illness")
    page.check("#id_consent")
    page.screenshot(path=str(artifacts / "browser-aid-apply-phone.png"), full_page=True)
    page.click("button.primary")
    page.wait_for_selector("text=申请已提交")
    phone.close()

    today = timezone.localdate().isoformat()
    desk = _login(browser, base, "bangfu")
    desk.goto(f"{base}/assistance/files/")
    desk.click("text=王师傅")
    assert desk.inner_text("#file-category") == "深度困难"  # 1,500 / 3 = 500 a head, under the 800 standard
    assert ID_NUMBER not in desk.inner_text("body")
    desk.click("form[data-step=review] button")
    desk.wait_for_selector("text=已保存：初审通过")
    desk.fill("form[data-step=visit] input[name=visited_on]", today)
    desk.fill("form[data-step=visit] input[name=visitors]", "张主席、李干事")
    desk.fill("form[data-step=visit] textarea[name=note]", "妻子患病住院，孩子上学，情况属实")
    desk.click("form[data-step=visit] button")
    desk.wait_for_selector("text=已保存：入户核实")
    desk.fill("form[data-step=notice] input[name=ends_on]", today)
    desk.click("form[data-step=notice] button")
    desk.wait_for_selector("#file-status >> text=公示中")
    desk.fill("form[data-step=open] textarea[name=plan]", "冬送温暖慰问，申请大病医疗救助")
    desk.click("form[data-step=open] button")
    desk.wait_for_selector("#file-status >> text=已建档")

    desk.click("text=发放帮扶")
    desk.select_option("#id_campaign", str(winter.pk))
    desk.select_option("#id_kind", "condolence")
    desk.fill("#id_amount", "3000")
    desk.click("button.primary")
    desk.wait_for_selector("text=请由另一位财务人员审核")
    assert "待审核" in desk.inner_text("#file-payouts")

    checker = _login(browser, base, "caiwu")
    checker.goto(f"{base}/assistance/payouts/?campaign={winter.pk}")
    checker.click("#payouts button[value=approve]")
    checker.wait_for_selector("text=已审核通过。")
    checker.goto(f"{base}/campaigns/{winter.pk}/")
    assert checker.inner_text("#total-money") == "3,000.00"
    assert checker.inner_text("#total-people") == "1"
    checker.wait_for_selector("#chart-children canvas")  # ECharts drew under the CSP
    checker.screenshot(path=str(artifacts / "browser-aid-campaign.png"), full_page=True)

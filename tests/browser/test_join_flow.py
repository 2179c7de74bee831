"""A driver scans the target's QR on a phone and applies; the cadre approves; the target moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.assistance.models import HardshipFile
from gonghui.common.pii_crypto import blind_index
from gonghui.members.models import JoinTarget, Person
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

ID_NUMBER = make_id(88, birth="19790315")


@pytest.fixture
def join_target(regions: None) -> JoinTarget:
    city = make_org("盐城市总工会", code="yancheng", region="320900")
    county = make_org("大丰区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="dafeng")
    sector = make_org("大丰区货车司机工会联合会", parent=county, kind=OrgKind.SECTOR_FED, code="df-huoche")
    cadre = UserFactory(username="dafeng", display_name="大丰区组织干事")
    grant(cadre, county, Role.ORGANIZER)
    from django.utils import timezone

    return JoinTarget.objects.create(
        org=sector,
        name="运满满货车司机入会",
        code="df-ymm",
        year=timezone.localdate().year,
        target=500,
        employment_form="truck_driver",
    )


def test_driver_joins_by_qr_and_cadre_approves(
    live_server: Any, browser: Any, join_target: JoinTarget, artifacts: Path
) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{live_server.url}/h5/join/c/{join_target.code}/")
    assert "在线入会申请" in page.inner_text("body")
    page.fill("#id_name", "刘保柱")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_mobile", "13912345678")
    page.select_option("#id_employment_form", "truck_driver")
    page.fill("#id_employer_name", "运满满平台")
    page.fill("#id_village", "草堰村")
    page.check("#id_consent")
    page.screenshot(path=str(artifacts / "browser-join-form-phone.png"), full_page=True)
    page.click("button.primary")
    page.wait_for_selector("text=申请已收到")
    # Progress is read in 我的: a code to the phone, then the name and ID on file bind the account.
    page.click("text=登录“我的”查看进度")
    page.fill("#id_mobile", "13912345678")
    page.click("button.primary")
    page.fill("#id_code", ConsoleSmsBackend.outbox[blind_index("13912345678", purpose="mobile")])
    page.click("button.primary")
    page.fill("#id_name", "刘保柱")
    page.fill("#id_id_number", ID_NUMBER)
    page.click("button.primary")
    page.wait_for_selector(".status-pending")
    assert ID_NUMBER not in page.inner_text("body") and "13912345678" not in page.inner_text("body")

    desk = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN").new_page()
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.fill("input[name=username]", "dafeng")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{live_server.url}/")
    desk.goto(f"{live_server.url}/members/pending/")
    desk.check("input[name=ids]")
    desk.click("text=通过所选")
    desk.wait_for_selector("text=已处理 1 份申请")
    desk.goto(f"{live_server.url}/members/?q=lbz")
    assert "刘保柱" in desk.inner_text("#member-rows") and "320904" in desk.inner_text("#member-rows")
    assert ID_NUMBER not in desk.inner_text("#member-rows")
    desk.goto(f"{live_server.url}/members/targets/{join_target.pk}/")
    funnel = desk.inner_text(".funnel")
    assert "500" in funnel and "已入会" in funnel
    assert desk.inner_text(".funnel .card:nth-child(4) .num") == "1"
    assert "草堰村" in desk.inner_text("body")
    desk.screenshot(path=str(artifacts / "browser-join-target.png"), full_page=True)

    # The worker's union opens a hardship file for them; 我的 shows its status and next step, no notes.
    person = Person.objects.get(name="刘保柱")
    HardshipFile.objects.create(
        org=join_target.org, person=person, category="relative", computed_category="relative", main_cause="illness"
    )
    page.goto(f"{live_server.url}/h5/me/")
    page.wait_for_selector(".status-active")
    assert "已申请" in page.inner_text("body") and "等待工会初审" in page.inner_text("body")
    page.click("text=出示电子会员卡")
    page.wait_for_selector("[data-card-qr] svg")
    page.screenshot(path=str(artifacts / "browser-member-card-phone.png"), full_page=True)
    token = page.get_attribute("[data-card-qr]", "data-token")

    # A cadre's handheld scanner types the token into the workbench scanner: membership only.
    desk.goto(f"{live_server.url}/members/card-scanner/")
    desk.fill("input[name=token]", token or "")
    desk.click("button.primary")
    desk.wait_for_selector("[data-card-result]")
    result = desk.inner_text("[data-card-result]")
    assert "在册会员" in result and "大丰区货车司机工会联合会" in result and "刘保柱" not in result
    assert ID_NUMBER not in desk.inner_text("main") and "19790315" not in desk.inner_text("main")
    desk.screenshot(path=str(artifacts / "browser-card-scanner.png"), full_page=True)
    phone.close()

"""A driver scans the target's QR on a phone and applies; the cadre approves; the target moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonghui.members.models import JoinCampaign
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

ID_NUMBER = make_id(88, birth="19790315")


@pytest.fixture
def campaign(regions: None) -> JoinCampaign:
    city = make_org("盐城市总工会", code="yancheng", region="320900")
    county = make_org("大丰区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="dafeng")
    sector = make_org("大丰区货车司机工会联合会", parent=county, kind=OrgKind.SECTOR_FED, code="df-huoche")
    cadre = UserFactory(username="dafeng", display_name="大丰区组织干事")
    grant(cadre, county, Role.ORGANIZER)
    from django.utils import timezone

    return JoinCampaign.objects.create(
        org=sector,
        name="运满满货车司机入会",
        code="df-ymm",
        year=timezone.localdate().year,
        target=500,
        employment_form="truck_driver",
    )


def test_driver_joins_by_qr_and_cadre_approves(
    live_server: Any, browser: Any, campaign: JoinCampaign, artifacts: Path
) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{live_server.url}/h5/join/c/{campaign.code}/")
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
    page.wait_for_selector("text=入会申请已提交")
    page.click("text=查询审核进度")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_mobile", "13912345678")
    page.click("button.primary")
    page.wait_for_selector(".status-pending")

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
    desk.goto(f"{live_server.url}/members/targets/{campaign.pk}/")
    funnel = desk.inner_text(".funnel")
    assert "500" in funnel and "已入会" in funnel
    assert desk.inner_text(".funnel .card:nth-child(4) .num") == "1"
    assert "草堰村" in desk.inner_text("body")
    desk.screenshot(path=str(artifacts / "browser-join-target.png"), full_page=True)

    page.goto(f"{live_server.url}/h5/progress/")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_mobile", "13912345678")
    page.click("button.primary")
    page.wait_for_selector(".status-active")
    phone.close()

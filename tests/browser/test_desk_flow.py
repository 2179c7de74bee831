"""An enterprise posts a need on its phone; the desk dispatches the top recommended expert, records the
service, the enterprise confirms and rates it, and the desk's figures move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.experts.models import Need
from gonghui.experts.services import ExpertProfile, expert_enrol
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, OrgNode, Region
from gonghui.reports.rollups import figures_refresh
from tests.browser.phone import sign_in
from tests.browser.test_aid_flow import _login
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(regions: None) -> Enterprise:
    city = make_org("盐城市总工会", code="yc-city", region="320900")
    county = make_org("阜宁县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="funing-desk", region="320923")
    union = make_org("阜宁恒达电气基层工会", parent=county, code="fn-union", region="320923")
    cadre = grant(UserFactory(username="desk-cadre"), county).user
    region = Region.objects.get(code="320923")
    for n, (name, tags) in enumerate([("陈立新", ["电磁流量计", "仪表"]), ("孙国庆", ["焊接"])]):
        person = Person.objects.create(name=name, id_number=make_id(n + 1, birth="19700101"), **person_keys(name))
        expert_enrol(
            actor=cadre,
            org=county,
            person=person,
            profile=ExpertProfile(kind="model_worker", specialties=tags, region=region),
        )
    return EnterpriseFactory(
        name="阜宁县恒达电气设备有限公司", union=union, region_id="320923", contact_phone="13912340001"
    )


def test_enterprise_posts_desk_dispatches_enterprise_confirms_figures_move(
    live_server: Any, browser: Any, desk: Enterprise, artifacts: Path
) -> None:
    base = live_server.url
    cadre = _login(browser, base, "desk-cadre")
    cadre.goto(f"{base}/reports/figures/?under=funing-desk")
    assert cadre.inner_text('[data-key="needs_solved"] .num') == "0个"

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{base}/h5/desk/funing-desk/")  # the contact proves the phone the union keeps for the enterprise
    sign_in(page, "13912340001")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "电磁流量计读数跳变")
    page.fill("#id_problem", "冷却水管路上的电磁流量计读数频繁跳变，补水泵误动作。")
    page.fill("#id_equipment", "电磁流量计")
    page.fill("#id_contact_name", "王经理")
    page.fill("#id_contact_phone", "13912340001")
    page.click("button.primary")
    page.wait_for_selector(".done")
    need = Need.objects.get(title="电磁流量计读数跳变")

    cadre.goto(f"{base}/experts/needs/{need.pk}/")
    first = cadre.locator("#recommendations tbody tr").first
    assert "陈立新" in first.inner_text() and "电磁流量计" in first.inner_text()
    first.locator("button").click()
    cadre.wait_for_selector(".messages .success")
    cadre.click("details summary")
    cadre.fill("[name=served_on]", str(timezone.localdate()))
    cadre.fill("[name=hours]", "4")
    cadre.fill("[name=diagnosis]", "流量计接地不良，变频器干扰")
    cadre.fill("[name=solution]", "重做接地，信号线加屏蔽")
    cadre.fill("[name=workers_trained]", "12")
    cadre.click("details form button.primary")
    cadre.wait_for_selector(".messages .success")
    cadre.click("text=服务完成，请企业确认")
    cadre.wait_for_selector(".messages .success")

    page.goto(f"{base}/h5/desk/mine/")  # still proven in this session
    page.select_option(f"#need-{need.pk} select[name=rating]", "5")
    page.click(f"#need-{need.pk} button.primary")
    page.wait_for_selector(".done")
    page.screenshot(path=str(artifacts / "desk-confirmed.png"), full_page=True)

    # Figures are stored with a stated freshness (ADR 0019): the refresh job, run every few minutes, moves them.
    figures_refresh(under=OrgNode.objects.get(code="funing-desk"))
    cadre.goto(f"{base}/reports/figures/?under=funing-desk")
    assert cadre.inner_text('[data-key="needs_solved"] .num') == "1个"
    assert cadre.inner_text('[data-key="workers_trained"] .num') == "12人次"

"""A county's 维权专员 enters an enterprise's layoffs, runs the recompute, sees the enterprise turn 橙 on the
warning list, assigns the warning, records an action and closes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.rights.earlywarning.models import EarlyWarning
from tests.browser.test_aid_flow import _login
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org

pytestmark = pytest.mark.browser


@pytest.fixture
def county(regions: None) -> dict[str, Any]:
    city = make_org("枣庄市总工会", code="zz-city", region="370400")
    county = make_org("薛城区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="zz-xc", region="370403")
    union = make_org("鲁南机械厂工会", parent=county, code="zz-xc-jx", region="370403")
    cadre = UserFactory(username="xc-weiquan", display_name="薛城维权专员")
    grant(cadre, county, Role.RIGHTS)
    colleague = UserFactory(username="xc-weiquan-2", display_name="薛城维权干事")
    grant(colleague, union, Role.RIGHTS)
    firm = EnterpriseFactory(name="枣庄薛城鲁南机械制造有限公司", union=union, region_id="370403")
    return {"firm": firm}


def test_cadre_enters_an_indicator_recomputes_and_handles_the_warning(
    live_server: Any, browser: Any, county: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    desk = _login(browser, base, "xc-weiquan")
    desk.goto(f"{base}/earlywarning/entries/")
    desk.fill("input[name=uscc]", county["firm"].uscc)
    desk.select_option("select[name=kind]", "layoffs")
    desk.fill("input[name=value]", "90")  # 90 laid off × 0.5 = 45 points: 橙
    desk.click("#entry-form button.primary")
    desk.wait_for_selector("#entries")
    assert "枣庄薛城鲁南机械制造有限公司" in desk.inner_text("#entries")

    desk.goto(f"{base}/earlywarning/")
    desk.click("#recompute")
    desk.wait_for_load_state()
    desk.goto(f"{base}/earlywarning/warnings/")
    row = desk.inner_text("#warnings")
    assert "枣庄薛城鲁南机械制造有限公司" in row and "橙色" in row
    desk.screenshot(path=str(artifacts / "browser-earlywarning-list.png"), full_page=True)

    desk.click("text=枣庄薛城鲁南机械制造有限公司")
    desk.select_option("#assign-form select[name=assignee]", label="薛城维权干事")
    desk.click("#assign-form button")
    assert "薛城维权干事" in desk.inner_text("#assignee")
    desk.click("#close-form button")  # no action yet: refused with the reason
    assert "还没有处置记录，不能关闭" in desk.inner_text("body")
    desk.fill("#action-form input[name=note]", "约谈企业负责人，指导依法制定裁员方案并向职代会说明")
    desk.click("#action-form button.primary")
    desk.fill("#close-form input[name=note]", "企业已依法履行裁员程序")
    desk.click("#close-form button")
    assert "已关闭" in desk.inner_text("#warning-status")
    desk.screenshot(path=str(artifacts / "browser-earlywarning-closed.png"), full_page=True)
    warning = EarlyWarning.objects.get()
    assert warning.status == "closed" and warning.assignee is not None and warning.actions.count() == 1

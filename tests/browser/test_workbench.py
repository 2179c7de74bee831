"""A cadre logs in, browses the tree, searches, and creates a grassroots union under a town federation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from tests.factories import UserFactory, grant, make_org

pytestmark = pytest.mark.browser


@pytest.fixture
def town(regions: None) -> OrgNode:
    city = make_org("盐城市总工会", code="yancheng", region="320900")
    county = make_org("大丰区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="dafeng")
    town = make_org("大丰区大中街道总工会", parent=county, kind=OrgKind.TOWN, code="df-dazhong")
    cadre = UserFactory(username="dafeng", display_name="大丰区组织干事")
    grant(cadre, county, Role.ORGANIZER)
    return town


def test_cadre_creates_a_grassroots_union(live_server: Any, browser: Any, town: OrgNode, artifacts: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "dafeng")
    page.fill("input[name=password]", "pass-word-123")
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/")
    assert "工作台" in page.inner_text("h1")

    # Browse: the tree starts at the cadre's own node and expands on click (htmx).
    page.click("nav.sidenav >> text=组织树")
    page.click("li.node:has-text('大丰区总工会') > button.toggle")
    page.wait_for_selector("text=大丰区大中街道总工会")

    # Search by pinyin initials finds the town federation.
    page.fill("input[name=q]", "dfqdz")
    page.wait_for_selector("#search-results >> text=大丰区大中街道总工会")
    page.click("#search-results >> text=大丰区大中街道总工会")
    page.wait_for_url(f"{live_server.url}/orgs/df-dazhong/")

    # Create a grassroots union under it.
    page.click("text=新建下级组织")
    page.fill("#id_name", "大丰港物流有限公司工会")
    page.select_option("#id_kind", "grassroots")
    page.fill("#id_code", "dfg-wuliu")
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/orgs/dfg-wuliu/")
    assert "已新建“大丰港物流有限公司工会”" in page.inner_text(".messages")
    assert "大丰区大中街道总工会" in page.inner_text(".crumbs")

    shot = artifacts / "browser-create-grassroots.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    # Chinese text is drawn with a real CJK font: an ideograph renders differently from the "missing glyph"
    # box that two unassigned code points share.
    draw = (
        "(t) => { const c = document.createElement('canvas'); c.width = 64; c.height = 64; "
        "const x = c.getContext('2d'); x.font = '48px sans-serif'; x.fillText(t, 4, 52); return c.toDataURL(); }"
    )
    tofu_a, tofu_b = page.evaluate(draw, "\u0378"), page.evaluate(draw, "\u0379")
    assert tofu_a == tofu_b
    assert page.evaluate(draw, "工") != tofu_a and page.evaluate(draw, "会") != tofu_a

    assert [e for e in errors if "pageerror" in e or "Content Security Policy" in e] == []
    node = OrgNode.objects.get(code="dfg-wuliu")
    assert node.path.startswith(town.path) and node.kind == OrgKind.GRASSROOTS
    page.close()


def test_the_workbench_fits_a_phone(live_server: Any, browser: Any, town: OrgNode, artifacts: Path) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "dafeng")
    page.fill("input[name=password]", "pass-word-123")
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/")
    assert not page.is_visible("nav.sidenav")  # folded away: the content comes first
    assert page.locator("main.content").bounding_box()["y"] < 200
    page.click("label.nav-button")
    page.click("nav.sidenav >> text=组织树")
    page.wait_for_url(f"{live_server.url}/orgs/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing pushes the page sideways
    page.screenshot(path=str(artifacts / "workbench-phone.png"), full_page=True)

"""At the desk: a cadre records a 工资专项 collective contract's negotiation — 要约, a 协商会议, the 职代会's
deliberation, 签订, 报送人社审查 and 公示 — and, its end being near, sees it on the expiring list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.rights.contracts.models import Contract
from gonghui.rights.democracy.models import Representative, Resolution, Session
from tests.browser.test_aid_flow import _login
from tests.factories import EnterpriseFactory, UserFactory, grant, make_member, make_org

pytestmark = pytest.mark.browser


@pytest.fixture
def firm(regions: None) -> Any:
    town = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    union = make_org("柳市电器科技股份有限公司工会", parent=town, code="ls-dianqi", region="330382")
    enterprise = EnterpriseFactory(name="柳市电器科技股份有限公司", union=union, region_id="330382")
    cadre = UserFactory(username="ls-cadre")
    grant(cadre, union)
    held = timezone.localdate() - dt.timedelta(days=3)
    for seq in range(1, 4):
        Representative.objects.create(
            enterprise=enterprise,
            term=1,
            membership=make_member(union, seq),
            elected_on=held,
            industrial=True,
            created_by=cadre,
        )
    session = Session.objects.create(
        enterprise=enterprise, term=1, number=1, held_on=held, seats=3, attended=3, created_by=cadre
    )
    Resolution.objects.create(
        session=session, subject="contract", title="审议工资专项集体合同草案", votes_for=3, adopted=True
    )
    return enterprise


def test_cadre_records_a_wage_contract_through_to_publication(
    live_server: Any, browser: Any, firm: Any, artifacts: Path
) -> None:
    base, today = live_server.url, timezone.localdate()
    desk = _login(browser, base, "ls-cadre")
    desk.goto(f"{base}/contracts/new/")
    desk.select_option("#id_level", "enterprise")
    desk.select_option("#id_kind", "wage")
    desk.fill("#id_title", "柳市电器薪酬分配集体合同")
    desk.fill("#id_org", "ls-dianqi")
    desk.fill("#id_enterprises", firm.uscc)
    desk.fill("#id_offered_on", (today - dt.timedelta(days=20)).isoformat())
    desk.fill("#id_starts_on", (today - dt.timedelta(days=600)).isoformat())
    desk.fill("#id_ends_on", (today + dt.timedelta(days=60)).isoformat())
    desk.fill("#id_wage_growth", "6.5")
    desk.click("button.primary")
    desk.wait_for_selector("#meeting-form")
    desk.fill("#meeting-form [name=held_on]", (today - dt.timedelta(days=10)).isoformat())
    desk.fill("#meeting-form [name=summary]", "双方就年度工资增长6.5%和最低工资2300元达成一致。")
    desk.click("#meeting-form button.primary")
    desk.wait_for_selector("#deliberate-form")
    assert "已登记协商会议" in desk.inner_text("body")
    desk.click("#deliberate-form button.primary")
    desk.wait_for_selector("text=已登记职代会审议")
    desk.fill("#sign-form [name=on]", (today - dt.timedelta(days=2)).isoformat())
    desk.click("#sign-form button.primary")
    desk.wait_for_selector("#file-form")
    desk.fill("#file-form [name=on]", (today - dt.timedelta(days=1)).isoformat())
    desk.click("#file-form button.primary")
    desk.wait_for_selector("#publish-form")
    desk.fill("#publish-form [name=on]", today.isoformat())
    desk.click("#publish-form button.primary")
    desk.wait_for_selector("text=已登记公示")
    assert desk.inner_text("#stage") == "已公示"
    timeline = desk.inner_text("#timeline")
    assert "职代会审议" in timeline and "公示" in timeline
    desk.screenshot(path=str(artifacts / "browser-contract-published.png"), full_page=True)
    contract = Contract.objects.get()
    assert contract.stage == "published" and contract.session is not None and contract.workers == 3

    desk.goto(f"{base}/contracts/expiring/")
    assert "柳市电器薪酬分配集体合同" in desk.inner_text("#expiring")
    desk.screenshot(path=str(artifacts / "browser-contract-expiring.png"), full_page=True)

"""On a phone a courier reports unpaid wages in 我的; at the desk the union accepts the report and sends it
to mediation; the mediator records a session and the agreement both sides signed, and downloads the 调解协议
as PDF; the courier sees the outcome in 我的; the early warning's recompute then puts the enterprise at 蓝."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.rights.arrears.models import Report
from gonghui.rights.earlywarning.models import EnterpriseLevel
from gonghui.rights.earlywarning.recompute import levels_recompute
from gonghui.rights.mediation import panels
from gonghui.rights.mediation.models import Dispute
from tests.browser.phone import sign_in
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
COURIER_MOBILE = "13912340077"
COURIER_ID = make_id(77, birth="19920304", region="611023")


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    union = make_org("商南县速递物流工会", parent=county, code="sn-kd", region="611023")
    person = Person.objects.create(name="周快递", id_number=COURIER_ID, mobile=COURIER_MOBILE, **person_keys("周快递"))
    Membership.objects.create(
        person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
    )
    enterprise = EnterpriseFactory(name="商南县顺达快递有限公司", union=union, region_id="611023")
    officer = UserFactory(username="weiquan", display_name="县总工会维权专员")
    grant(officer, county, Role.RIGHTS)
    panel = panels.panel_create(actor=officer, org=county, name="商南县职工服务中心调解室", kind="centre")
    mediator = panels.mediator_add(actor=officer, panel=panel, name="何调解", body="union", title="县总工会调解员")
    return {"enterprise": enterprise, "panel": panel, "mediator": mediator}


def test_a_couriers_unpaid_wages_are_mediated_and_the_agreement_downloads(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    enterprise = place["enterprise"]
    today = timezone.localdate().isoformat()
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()

    worker = browser.new_context(**PHONE).new_page()
    worker.goto(f"{base}/h5/me/arrears/")
    sign_in(worker, COURIER_MOBILE, name="周快递", id_number=COURIER_ID)
    worker.goto(f"{base}/h5/me/arrears/")
    worker.click("#report-arrears")
    worker.fill("#id_enterprise_name", "顺达快递城关网点")
    worker.fill("#id_amount_owed", "8000")
    worker.fill("#id_months", "2024年11月—12月")
    worker.fill("#id_summary", "网点两个月派件费没有结算，站长说等总部拨款。")
    worker.click("button.primary")
    worker.wait_for_selector("#report-stage")
    assert "待受理" in worker.inner_text("#report-stage")
    worker.screenshot(path=str(artifacts / "browser-arrears-reported-phone.png"), full_page=True)
    report = Report.objects.get(reporter__name="周快递")

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", "weiquan")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    desk.goto(f"{base}/arrears/")
    desk.click(f"#reports a:has-text('{report.number}')")
    desk.fill("#accept-form input[name=enterprise]", enterprise.uscc)
    desk.click("#accept-form button.primary")
    desk.wait_for_selector("#divert-form")
    desk.select_option("#divert-form select[name=route]", "mediation")
    desk.click("#divert-form button.primary")
    desk.wait_for_selector("#dispute-link")
    assert "已分流" in desk.inner_text("#report-stage")
    desk.click("#dispute-link")

    desk.wait_for_selector("#assign-form")
    desk.select_option("#assign-form select[name=panel]", str(place["panel"].pk))
    desk.click("#assign-form button")
    desk.wait_for_selector(
        f"#assign-form select[name=mediator] option[value='{place['mediator'].pk}']", state="attached"
    )
    desk.select_option("#assign-form select[name=mediator]", str(place["mediator"].pk))
    desk.click("#assign-form button")
    desk.fill("#session-held", today)
    desk.fill("#session-minutes", "何调解主持，网点站长到场，核对派件记录，确认拖欠 8000 元。")
    desk.click("#session-form button.primary")
    desk.wait_for_selector(".session")
    assert "调解中" in desk.inner_text("#dispute-status")
    form = "#agreement-form"
    desk.fill(
        f"{form} textarea[name=terms]", "一、顺达快递有限公司支付周快递派件费8000元，分两期付清。\n二、双方再无争议。"
    )
    desk.fill(f"{form} input[name=amount]", "8000")
    desk.fill(f"{form} input[name=signed_on]", today)
    desk.fill(f"{form} input[name=worker_signatory]", "周快递")
    desk.fill(f"{form} input[name=worker_confirmed_on]", today)
    desk.fill(f"{form} input[name=enterprise_signatory]", "王站长")
    desk.fill(f"{form} input[name=enterprise_confirmed_on]", today)
    desk.fill(f"{form} textarea[name=payments]", f"{today} 5000\n{later} 3000")
    desk.click(f"{form} button.primary")
    desk.wait_for_selector("#agreement")
    assert "调解成功" in desk.inner_text("#dispute-status")
    desk.screenshot(path=str(artifacts / "browser-mediation-agreement.png"), full_page=True)
    with desk.expect_download() as download:
        desk.click("#agreement-pdf")
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and COURIER_ID.encode() not in pdf
    dispute = Dispute.objects.get()
    assert dispute.source == "arrears" and dispute.agreement.amount == 8000  # type: ignore[union-attr]

    worker.goto(f"{base}/h5/me/arrears/{report.pk}/")
    assert "调解成功" in worker.inner_text("#dispute")
    worker.click("#dispute a")
    worker.wait_for_selector("#outcome")
    outcome = worker.inner_text("#outcome")
    assert "已达成调解协议" in outcome and "8,000.00" in outcome
    worker.screenshot(path=str(artifacts / "browser-mediation-outcome-phone.png"), full_page=True)

    # The early warning reads the open arrears report and the dispute: 10 + 0.8 × 2 + 5 = 16.6 points, 蓝.
    levels_recompute(trigger="command")
    assert EnterpriseLevel.objects.get(enterprise=enterprise).level == "blue"

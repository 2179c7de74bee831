"""A city cadre opens the dashboard, drills from a child union's aid figure to the payouts it counts,
writes the year's work report and downloads its PDF (the Chinese figures are in its text), and submits last
month's 月度入会统计表, which the province's statistics user then sees among the cities' returns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.reports.periods import month_period, period_key
from gonghui.reports.returns.models import Submission
from tests.factories import UserFactory, grant, make_member, make_org
from tests.reports.workreport.pdftext import pdf_text

pytestmark = pytest.mark.browser


def _desk(browser: Any, base: str, username: str) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pass-word-123")
    page.click("button.primary")
    page.wait_for_url(f"{base}/")
    return page


def _last_month() -> str:
    today = timezone.localdate()
    first = today.replace(day=1) - dt.timedelta(days=1)
    return period_key(month_period(first.year, first.month))


@pytest.fixture
def place(regions: None) -> dict[str, Any]:
    province = make_org("江苏省总工会", kind=OrgKind.FED_PROVINCE, code="jiangsu", region="320000")
    city = make_org("盐城市总工会", parent=province, kind=OrgKind.FED_CITY, code="yancheng", region="320900")
    dafeng = make_org("大丰区总工会", parent=city, kind=OrgKind.FED_COUNTY, code="dafeng", region="320904")
    jianhu = make_org("建湖县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    port = make_org("大丰港务基层工会", parent=dafeng, code="df-gangwu", region="320904")
    steel = make_org("建湖钢构基层工会", parent=jianhu, code="jh-ganggou", region="320925")
    grant(UserFactory(username="yancheng", display_name="盐城市总工会 · 组织部"), city, Role.ADMIN)
    grant(UserFactory(username="jiangsu", display_name="江苏省总工会 · 统计"), province, Role.READONLY)
    maker, checker = UserFactory(username="f-maker"), UserFactory(username="f-checker")
    today = timezone.localdate()
    people = [make_member(port, n).person for n in range(1, 4)] + [make_member(steel, n).person for n in range(4, 6)]
    for i, person in enumerate(people):
        Payout.objects.create(
            org=port if i < 3 else steel,
            person=person,
            kind=PayoutKind.LIVING,
            amount=Decimal(1000 + 100 * i),
            fund=FundSource.UNION_FUNDS,
            paid_on=today.replace(day=1),
            status=PayoutStatus.APPROVED,
            maker=maker,
            checker=checker,
        )
    return {"city": city, "dafeng": dafeng, "people": people}


def test_a_city_cadre_drills_writes_the_report_and_reports_a_return_the_province_sees(
    live_server: Any, browser: Any, place: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    desk = _desk(browser, base, "yancheng")
    desk.goto(f"{base}/dashboard/?under=yancheng&col=ledger_payouts&col=ledger_amount")
    desk.wait_for_selector("#breakdown-table")
    desk.screenshot(path=str(artifacts / "browser-dashboard-city.png"), full_page=True)
    row = desk.locator("#breakdown-table tbody tr", has_text="大丰区总工会")
    assert row.locator("td").first.inner_text() == "3"  # 大丰's three payouts, 建湖's two beside it
    row.locator("td a").first.click()
    desk.wait_for_load_state()
    listed = desk.inner_text("main")
    assert all(p.name in listed for p in place["people"][:3])
    assert not any(p.name in listed for p in place["people"][3:])  # 建湖's payouts are not what 大丰 counts

    desk.goto(f"{base}/reports/work/")
    desk.fill("#id_org", "yancheng")
    desk.fill("#id_period", f"{timezone.localdate().year}-ytd")
    desk.click("#generate button.primary")
    desk.wait_for_selector("#report")
    assert "盐城市总工会" in desk.inner_text("#report")
    with desk.expect_download() as got:
        desk.click("a[href$='report.pdf']")
    pdf = Path(got.value.path()).read_bytes()
    words = pdf_text(pdf)
    assert "盐城市总工会" in words and "6000" in words.replace(",", "")  # 1,000 + … + 1,400 yuan paid

    period = _last_month()
    desk.goto(f"{base}/reports/returns/yancheng/members-monthly/{period}/")
    desk.fill("#submit-form textarea", "本月数字已核对。")
    desk.click("#submit-form button.primary")
    desk.wait_for_selector("#return-status[data-status=submitted]")
    assert Submission.objects.get(org=place["city"], form="members-monthly", period=period).status == "submitted"

    province = _desk(browser, base, "jiangsu")
    province.goto(f"{base}/reports/returns/jiangsu/members-monthly/{period}/children/")
    province.wait_for_selector("#children")
    row = province.locator("#children tbody tr", has_text="盐城市总工会")
    assert "已报" in row.inner_text()
    province.screenshot(path=str(artifacts / "browser-returns-province.png"), full_page=True)

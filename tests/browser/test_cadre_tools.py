"""A county cadre's first week: a staff account for a township, a review panel for the county's level, the
township's 五小 project through that level, and a campaign whose overspending shows in red."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.models import Campaign
from gonghui.innovation.models import InnovationCall, Project, Rubric, RubricCriterion
from gonghui.innovation.projects.submission import Submission, project_submit
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from tests.browser.test_aid_flow import _login
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser


@pytest.fixture
def county(regions: None) -> dict[str, Any]:
    city = make_org("盐城市总工会", code="yc-city", region="320900")
    county = make_org("阜宁县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="fn-county", region="320923")
    town = make_org("阜宁县益林镇总工会", parent=county, kind=OrgKind.TOWN, code="fn-yilin", region="320923")
    union = make_org("益林镇机械厂工会", parent=town, code="fn-yilin-jx", region="320923")
    cadre = grant(UserFactory(username="county-cadre"), county).user
    grant(cadre, county, Role.FINANCE)
    other = make_org("阜宁县纺织厂工会", parent=county, code="fn-fangzhi", region="320923")
    for n in (1, 2):  # engineers of another of the county's enterprises, with read-only accounts at its union
        grant(UserFactory(username=f"fn-expert-{n}", display_name=f"阜宁专家{n}"), other, Role.READONLY)
    rubric = Rubric.objects.create(org=county, name="五小评分细则")
    for sort, (name, top) in enumerate([("创新性", 50), ("实用性", 50)]):
        RubricCriterion.objects.create(rubric=rubric, name=name, max_points=Decimal(top), sort=sort)
    today = timezone.localdate()
    call = InnovationCall.objects.create(
        org=county,
        year=today.year,
        title=f"{today.year}年阜宁县职工五小创新成果评选",
        opens_on=today - dt.timedelta(days=3),
        closes_on=today + dt.timedelta(days=30),
        rubric=rubric,
        min_reviewers=2,
    )
    project = project_submit(
        actor=cadre,
        call=call,
        org=union,
        submission=Submission(
            category="innovation",
            title="冲床送料定位改进",
            problem="冲床送料靠人工对位，偏差大，废品率高。",
            solution="加装气动定位销和光电检测，送料自动对位。",
            team=["周志明"],
            pledge=True,
        ),
    )
    campaign = Campaign.objects.create(
        org=county,
        name="阜宁县冬送温暖",
        kind=CampaignKind.WINTER_WARMTH,
        year=today.year,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=10),
        budget=Decimal("1000"),
    )
    person = Person.objects.create(name="孙困难", id_number=make_id(71, birth="19700707"), **person_keys("孙困难"))
    Membership.objects.create(person=person, org=union, status=MembershipStatus.ACTIVE, applied_at=timezone.now())
    payout = aid_payout_create(
        actor=grant(UserFactory(username="fn-maker"), county, Role.ASSISTANCE).user,
        org=union,
        person=person,
        campaign=campaign,
        kind=PayoutKind.CONDOLENCE,
        fund=FundSource.UNION_FUNDS,
        paid_on=today,
        amount=Decimal("3000"),
        override_reason="大病住院，县总工会主席办公会决定",
    )
    aid_payout_approve(actor=cadre, payout=payout)
    return {"call": call, "project": project, "campaign": campaign}


def test_county_cadre_staffs_a_township_seats_a_panel_and_sees_an_overspend(
    live_server: Any, browser: Any, county: dict[str, Any], artifacts: Path
) -> None:
    base = live_server.url
    desk = _login(browser, base, "county-cadre")

    # A staff account for the township's organiser, its union chosen by typing part of the name.
    desk.goto(f"{base}/staff/add/")
    desk.fill("#id_username", "yilin-zuzhi")
    desk.fill("#id_display_name", "益林组织干事")
    desk.fill("#id_org", "益林")
    desk.wait_for_selector("#id_org-options option[value*='（fn-yilin）']", state="attached")
    desk.fill("#id_org", "fn-yilin")
    desk.select_option("#id_role", "organizer")
    desk.click("form.form button.primary")
    password = desk.inner_text("[data-password]").strip()
    desk.screenshot(path=str(artifacts / "staff-initial-password.png"), full_page=True)
    assert User.objects.get(username="yilin-zuzhi").password_change_required

    # The organiser signs in, must replace the password, then recommends the township's project.
    town = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    town.goto(f"{base}/accounts/login/")
    town.fill("input[name=username]", "yilin-zuzhi")
    town.fill("input[name=password]", password)
    town.click("button.primary")
    town.wait_for_url(f"{base}/accounts/password/")
    town.fill("#id_old_password", password)
    town.fill("#id_new_password1", "Yilin-own-secret-26")
    town.fill("#id_new_password2", "Yilin-own-secret-26")
    town.click("button.primary")
    town.wait_for_url(f"{base}/")
    project: Project = county["project"]
    town.goto(f"{base}/innovation/review/")
    town.click(f"text={project.title}")
    town.fill("#recommend-form input[name=note]", "同意推荐")
    town.click("#recommend-form button[value=recommend]")
    town.wait_for_selector(".messages .success")

    # The county seats two reviewers on its level of the call, by union name and username.
    call: InnovationCall = county["call"]
    for n in (1, 2):
        desk.goto(f"{base}/innovation/calls/{call.pk}/")
        desk.fill("#seat-form #id_org", "阜宁县总工会")
        desk.fill("#seat-form #id_username", f"fn-expert-{n}")
        desk.click("#seat-form button")
        desk.wait_for_selector(".messages .success")
    assert "阜宁专家2" in desk.inner_text("#panels")
    desk.screenshot(path=str(artifacts / "innovation-panel-seated.png"), full_page=True)

    for n, values in ((1, ("40", "42")), (2, ("44", "38"))):
        reviewer = _login(browser, base, f"fn-expert-{n}")
        reviewer.goto(f"{base}/innovation/review/")
        reviewer.click(f"text={project.title}")
        inputs = reviewer.locator("#score-form input[type=number]")
        for i, value in enumerate(values):
            inputs.nth(i).fill(value)
        reviewer.click("#score-form button.primary")
        reviewer.wait_for_selector(".messages .success")
    desk.goto(f"{base}/innovation/calls/{call.pk}/")
    desk.click("#levels button")
    desk.wait_for_selector(".messages .success")
    assert project.stages.get(org__code="fn-county").status == "passed"

    # The winter campaign spent 3,000 of a 1,000 budget: the coverage page says so in red.
    desk.goto(f"{base}/campaigns/{county['campaign'].pk}/")
    alarm = desk.locator("[data-over-budget='1']")
    assert "已超支" in alarm.inner_text()
    assert alarm.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 236, 238)"
    desk.screenshot(path=str(artifacts / "campaign-overspend.png"), full_page=True)

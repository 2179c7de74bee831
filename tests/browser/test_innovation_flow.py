"""A worker declares a 五小 project on a phone; the union recommends it, two county reviewers score it,
and the county closes its level: the project goes on to the city."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.innovation.models import InnovationCall, Panel, PanelSeat, Project, Rubric, RubricCriterion
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from tests.browser.phone import sign_in
from tests.browser.test_aid_flow import _login
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

ID_NUMBER = make_id(88, birth="19800808")
MOBILE = "13888880088"


@pytest.fixture
def call(regions: None) -> InnovationCall:
    city = make_org("盐城市总工会", code="yc-city", region="320900")
    county = make_org("响水县总工会", parent=city, kind=OrgKind.FED_COUNTY, code="xs-county", region="320921")
    union = make_org("响水化工机械基层工会", parent=county, code="xs-union", region="320921")
    EnterpriseFactory(name="响水县沿海化工机械有限公司", union=union, region_id="320921")
    grant(UserFactory(username="union-cadre"), union)
    grant(UserFactory(username="county-cadre"), county)
    person = Person.objects.create(name="陈建华", id_number=ID_NUMBER, mobile=MOBILE, **person_keys("陈建华"))
    Membership.objects.create(person=person, org=union, status=MembershipStatus.ACTIVE, applied_at=timezone.now())
    rubric = Rubric.objects.create(org=city, name="五小成果评分细则")
    for sort, (name, top) in enumerate([("创新性", 40), ("实用性", 35), ("经济效益", 25)]):
        RubricCriterion.objects.create(rubric=rubric, name=name, max_points=Decimal(top), sort=sort)
    today = timezone.localdate()
    call = InnovationCall.objects.create(
        org=city,
        year=today.year,
        title=f"{today.year}年职工五小创新成果评选",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=30),
        rubric=rubric,
        min_reviewers=2,
    )
    panel = Panel.objects.create(call=call, org=county)
    for n in (1, 2):
        PanelSeat.objects.create(panel=panel, user=UserFactory(username=f"reviewer-{n}"))
    return call


def test_worker_declares_on_a_phone_and_the_project_passes_two_levels(
    live_server: Any, browser: Any, call: InnovationCall, artifacts: Path
) -> None:
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    page = phone.new_page()
    page.goto(f"{base}/h5/innovation/xs-union/")  # the leader declares as themself: sign in first
    sign_in(page, MOBILE, name="陈建华", id_number=ID_NUMBER)
    page.wait_for_selector("#id_title")
    assert "五小" in page.inner_text("body")
    page.select_option("#id_call", str(call.pk))
    page.select_option("#id_category", "innovation")
    page.fill("#id_title", "反应釜搅拌轴密封改进")
    page.select_option("#id_enterprise", label="响水县沿海化工机械有限公司")
    page.fill("#id_problem", "搅拌轴密封每月泄漏两三次，停机检修影响产量。")
    page.fill("#id_solution", "改用双端面机械密封并加装冷却水套。")
    page.fill("#id_team", "刘海涛")
    page.fill("#id_benefit_yuan", "86000")
    page.fill("#id_benefit_method", "每年少停机 12 次 × 7000 元")
    page.check("#id_pledge")
    page.click("button.primary")
    page.wait_for_selector(".done")
    page.screenshot(path=str(artifacts / "innovation-h5-submitted.png"), full_page=True)
    project = Project.objects.get(title="反应釜搅拌轴密封改进")

    union = _login(browser, base, "union-cadre")
    union.goto(f"{base}/innovation/projects/{project.pk}/")
    union.fill("#recommend-form input[name=note]", "材料齐全，同意推荐")
    union.click("#recommend-form button[value=recommend]")
    union.wait_for_selector(".messages .success")

    for n, values in ((1, ("36", "30", "20")), (2, ("34", "31", "22"))):
        reviewer = _login(browser, base, f"reviewer-{n}")
        reviewer.goto(f"{base}/innovation/review/")
        reviewer.click(f"text={project.title}")
        inputs = reviewer.locator("#score-form input[type=number]")
        for i, value in enumerate(values):
            inputs.nth(i).fill(value)
        reviewer.click("#score-form button.primary")
        reviewer.wait_for_selector(".messages .success")

    county = _login(browser, base, "county-cadre")
    county.goto(f"{base}/innovation/calls/{call.pk}/")
    county.click("#levels button")
    county.wait_for_selector(".messages .success")
    county.screenshot(path=str(artifacts / "innovation-call-levels.png"), full_page=True)
    project.refresh_from_db()
    stages = list(project.stages.order_by("order").values_list("org__code", "status", "average"))
    assert stages == [
        ("xs-union", "passed", None),
        ("xs-county", "passed", Decimal("86.50")),
        ("yc-city", "open", None),
    ]

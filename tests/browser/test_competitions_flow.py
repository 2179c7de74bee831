"""A county union opens its electricians' contest; two grassroots unions enter teams; a judge scores on the
phone; the results notice goes out; after the notice the winners' certificates verify by their QR address."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions import services
from gonghui.skills.competitions.choices import CompetitionKind, EntryMode
from gonghui.skills.competitions.models import Award, Competition
from tests.browser.phone import sign_in
from tests.factories import UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
JUDGE_MOBILE = "13957700088"


def _member(org: Any, seq: int, name: str, mobile: str = "") -> Membership:
    person = Person.objects.create(
        name=name, id_number=make_id(seq, birth="19880301"), mobile=mobile or f"1395770{seq:04d}", **person_keys(name)
    )
    return Membership.objects.create(
        person=person, org=org, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now(),
        member_no=f"YQ{seq:04d}", occupation="电工",
    )  # fmt: skip


@pytest.fixture
def contest(regions: None) -> Competition:
    county = make_org("乐清市总工会", kind=OrgKind.FED_COUNTY, code="yq-county", region="330382")
    for code, name, base in (("yq-huanghua", "黄华集团工会", 10), ("yq-dianqi", "柳市电器科技工会", 20)):
        union = make_org(name, parent=county, code=code, region="330382")
        grant(UserFactory(username=code), union, Role.ORGANIZER)
        _member(union, base + 1, f"{name[:2]}电工甲")
        _member(union, base + 2, f"{name[:2]}电工乙")
    judges = make_org("乐清市劳模协会", parent=county, code="yq-laomo", region="330382")
    _member(judges, 88, "评委郑师傅", mobile=JUDGE_MOBILE)
    cadre = UserFactory(username="yq-cadre")
    grant(cadre, county, Role.ORGANIZER)
    start = timezone.now() + dt.timedelta(days=7)
    competition = services.competition_create(
        actor=cadre,
        org=county,
        data=services.CompetitionFields(
            title="乐清市电工职业技能竞赛", kind=CompetitionKind.SKILL, starts_at=start,
            ends_at=start + dt.timedelta(hours=8), venue="柳市镇职工技能实训基地", entry_mode=EntryMode.TEAM,
            team_size_min=2, team_size_max=2, quota_per_union=1, trade_only=True,
            occupation=Occupation.objects.get_or_create(code="6-31-01-03", defaults={"name": "电工"})[0],
            first_prizes=1, second_prizes=1, third_prizes=0,
        ),
    )  # fmt: skip
    stage = services.stage_add(actor=cadre, competition=competition, name="决赛", blind=True)
    services.item_add(actor=cadre, stage=stage, name="理论", max_marks=Decimal(40))
    services.item_add(actor=cadre, stage=stage, name="实操", max_marks=Decimal(60), practical=True)
    return competition


def _login(browser: Any, base: str, username: str) -> Any:
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", username)
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    return desk


def test_county_contest_from_entries_to_a_verified_certificate(
    live_server: Any, browser: Any, contest: Competition, artifacts: Path
) -> None:
    base = live_server.url
    cadre = _login(browser, base, "yq-cadre")
    cadre.goto(f"{base}/competitions/{contest.pk}/")
    cadre.click("#open-button")
    assert "已开放报名" in cadre.inner_text("body")

    for code, team, numbers in (
        ("yq-huanghua", "黄华电工队", "YQ0011, YQ0012"),
        ("yq-dianqi", "电器电工队", "YQ0021\nYQ0022"),
    ):
        desk = _login(browser, base, code)
        desk.goto(f"{base}/competitions/{contest.pk}/entries/")
        desk.fill("#entry-form input[name=org]", code)
        desk.fill("#entry-form textarea[name=member_nos]", numbers)
        desk.fill("#entry-form input[name=team_name]", team)
        desk.click("#entry-form button.primary")
        assert "已报名，参赛号" in desk.inner_text("body") and team in desk.inner_text("#entries")

    cadre.goto(f"{base}/competitions/{contest.pk}/")
    cadre.click("#start-button")
    stage = contest.stages.get()
    cadre.goto(f"{base}/competitions/stages/{stage.pk}/")
    cadre.fill("#judge-form input[name=id_number]", make_id(88, birth="19880301"))
    cadre.fill("#judge-form input[name=role]", "劳动模范")
    cadre.click("#judge-form button")
    assert "评委郑师傅" in cadre.inner_text("#judges")

    phone = browser.new_context(**PHONE).new_page()
    phone.goto(f"{base}/h5/judge/")
    sign_in(phone, JUDGE_MOBILE, name="评委郑师傅", id_number=make_id(88, birth="19880301"))
    phone.goto(f"{base}/h5/judge/")
    phone.click(f"text={contest.title} · 决赛")
    entries = phone.inner_text("#judge-entries")
    assert "001号" in entries and "002号" in entries and "黄华电工队" not in entries  # blind judging
    for number, (theory, practice) in (("001号", (35, 55)), ("002号", (30, 50))):
        phone.click(f"#judge-entries >> text={number}")
        phone.fill("input[name^=item_] >> nth=0", str(theory))
        phone.fill("input[name^=item_] >> nth=1", str(practice))
        phone.click("#submit-score")
        phone.wait_for_selector("#judge-entries")
    assert phone.inner_text("#judge-entries").count("已评分") == 2
    phone.screenshot(path=str(artifacts / "browser-competition-judge-phone.png"), full_page=True)

    cadre.goto(f"{base}/competitions/stages/{stage.pk}/")
    cadre.click("#advance-button")
    cadre.goto(f"{base}/competitions/stages/{stage.pk}/ranking/")
    ranking = cadre.inner_text("#ranking")
    assert ranking.index("黄华电工队") < ranking.index("电器电工队")
    cadre.goto(f"{base}/competitions/{contest.pk}/")
    cadre.click("#publish-button")
    assert "结果已公示" in cadre.inner_text("body")

    notice = browser.new_context(**PHONE).new_page()
    notice.goto(f"{base}/h5/competitions/{contest.pk}/notice/")
    listed = notice.inner_text("#notice-list")
    assert "一等奖" in listed and "黄华电工甲" not in listed  # names masked on the public notice

    past = timezone.localdate() - dt.timedelta(days=10)
    Competition.objects.filter(pk=contest.pk).update(notice_starts=past, notice_ends=past + dt.timedelta(days=4))
    cadre.goto(f"{base}/competitions/{contest.pk}/")
    cadre.click("#confirm-button")
    assert "颁发证书4张" in cadre.inner_text("body")
    number = Award.objects.filter(grade="first").select_related("certificate").first().certificate.number  # type: ignore[union-attr]
    verify = browser.new_context(**PHONE).new_page()
    verify.goto(f"{base}/h5/certificates/{number}/")  # the address the certificate's QR code carries
    text = verify.inner_text("body")
    assert number in text and "一等奖" in text and "黄华电工甲" not in text
    assert verify.query_selector("svg") is not None
    verify.screenshot(path=str(artifacts / "browser-competition-certificate-phone.png"), full_page=True)

"""The demo: 商南's 52 contests with 25,000+ entries read as the story's figures, 柳市's electricians' contest
is published with certificates and titles, 泰安's chain contests are open and scoring; a second run adds
nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gonghui.members.models import Person
from gonghui.orgs.kinds import OrgKind
from gonghui.skills.competitions.demo import load_demo_competitions
from gonghui.skills.competitions.figures import competition_figures
from gonghui.skills.competitions.models import Award, Competition, StageResult
from tests.factories import UserFactory, make_member, make_org

pytestmark = pytest.mark.django_db


def test_demo_reads_like_the_stories_and_reruns_cleanly() -> None:
    admin = UserFactory(is_superuser=True)
    shangnan = make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    huzhiyi = make_org("商洛市虎之翼科技有限公司工会", parent=shangnan, code="sn-huzhiyi", region="611023")
    liushi = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    taian = make_org("泰安市总工会", kind=OrgKind.FED_CITY, code="taian", region="370900")
    shebei = make_org("泰安泰山智能装备有限公司工会", parent=taian, code="ta-ts-shebei", region="370902")
    for i in range(500):
        make_member(huzhiyi, 1000 + i)
    for n, code in enumerate(("ls-huanghua", "ls-dianqi", "ls-kaiguan")):
        union = make_org(f"柳市测试企业{n}工会", parent=liushi, code=code, region="330382")
        for i in range(10):
            make_member(union, 2000 + 10 * n + i)
    for i in range(10):
        make_member(shebei, 3000 + i)
    Person.objects.update(birth_date=dt.date(1990, 6, 1))
    assert load_demo_competitions(admin) == 56
    figures = {f.key: f.value for f in competition_figures(shangnan, timezone.localdate().year)}
    assert figures["competitions_held"] == 52
    assert figures["competitions_participations"] >= 25_000 and figures["competitions_prizes"] == 52 * 6
    contest = Competition.objects.get(title="柳市镇电工职业技能大赛")
    assert contest.status == "closed" and contest.event.ends_at < timezone.now()
    final = contest.stages.get(seq=2)
    assert StageResult.objects.filter(stage=final).count() == 6
    awards = Award.objects.filter(competition=contest)
    assert awards.filter(certificate__isnull=False).count() == 6
    assert awards.filter(honor__name="技术能手").count() == 3
    assert {c.kind: c.status for c in Competition.objects.filter(org=taian)} == {"ankang": "open", "digital": "running"}
    before = (Competition.objects.count(), Award.objects.count())
    assert load_demo_competitions(admin) == 0
    assert (Competition.objects.count(), Award.objects.count()) == before

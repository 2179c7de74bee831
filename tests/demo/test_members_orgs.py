"""The demo federation from the stories: the union tree, the demo logins, the members every other demo adds."""

from __future__ import annotations

from gonghui.accounts.models import User
from gonghui.members.counters import member_counts_drift
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import orgs_for
from tests.demo.conftest import Demo


def test_the_demo_federation_tells_the_stories(demo: Demo, db: None) -> None:
    names = set(OrgNode.objects.values_list("name", flat=True))
    for name in (
        "枣庄市总工会",
        "枣庄市锂电产业工会",
        "商南县快递行业工会联合会",
        "泰安市总工会",
        "响水县总工会",
        "建湖县总工会",
        "阜宁县总工会",
        "大丰区总工会",
        "盐南高新区总工会",
        "大丰区家政服务行业工会联合会",
        "乐清市柳市镇总工会",
        "黄华集团有限公司工会",
    ):
        assert name in names
    assert "dafeng" in demo.output and "demo-pass-1" in demo.output
    dafeng = User.objects.get(username="dafeng")
    assert dafeng.check_password("demo-pass-1")
    assert set(orgs_for(dafeng).values_list("code", flat=True)) >= {"dafeng", "df-jiazheng"}
    assert not orgs_for(dafeng).filter(code="liushi").exists()
    assert OrgNode.objects.get(code="liushi").chair_name == "郑向乐"

    # 302 from the join demo (商南's 268 couriers), 9 hardship households in 枣庄; 柳市 214 and 商南 10
    # honorees, 泰安 3 studio leaders, 阜宁 30 experts (the 建功立业 and desk demos); and the events demo's
    # own participants: 商南's sports meeting (3,000+) and 东台's 25 badminton teams
    players = Membership.objects.filter(
        person__event_signups__event__org__code__in=["shangnan", "dongtai"],
        person__event_signups__event__kind__in=["sports", "sports_item"],  # not the skills contests' entrants
    )
    assert 3_000 + 100 <= players.distinct().count() <= 3_100 + 100
    # 商南's roster is topped up by the benefits demo to hold the story's 1.7万余张 tour cards
    shangnan = OrgNode.objects.get(code="shangnan")
    assert 17_200 <= Membership.objects.filter(org__path__startswith=shangnan.path, status="active").count() < 17_300
    # Elsewhere: the join demo's 34 outside 商南, and the wishes demo's 6 盐南 couriers and 5 大丰 families; the
    # skills and rights demos add their own (柳市's 2,865 certified workers, contract enterprises' rosters …)
    outside = Membership.objects.exclude(org__path__startswith=shangnan.path).exclude(pk__in=players.values("pk"))
    before_skills = 34 + 9 + 214 + 3 + 30 + 6 + 5
    liushi = OrgNode.objects.get(code="liushi")
    assert outside.count() >= before_skills + 2_865
    assert outside.exclude(org__path__startswith=liushi.path).count() < before_skills + 1_500
    assert Membership.objects.filter(status="pending").count() == 8  # 大丰's 6 and 柳市's 2; 商南's 268 are in
    couriers = Membership.objects.filter(org__code="sn-kuaidi", status="active")
    assert couriers.count() == 268 and couriers.filter(employment_form="courier").count() == 268
    assert not orgs_for(dafeng).filter(code="sn-kuaidi").exists()
    assert member_counts_drift() == []  # the loaders' bulk memberships are counted

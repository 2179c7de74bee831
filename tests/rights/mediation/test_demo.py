"""The demo disputes load on 建湖 and 柳市, twice without doubling: 建湖's joint panel of the union, the
court, 人社 and a lawyer with its cases in every outcome (one collective, escalated to 盐城), 柳市's rooms."""

from __future__ import annotations

import pytest

from gonghui.orgs.kinds import OrgKind
from gonghui.rights.mediation.demo import load_demo_mediation
from gonghui.rights.mediation.models import Agreement, Dispute, Panel
from tests.factories import EnterpriseFactory, UserFactory, make_org

pytestmark = pytest.mark.django_db


def demo_tree() -> None:
    yancheng = make_org("盐城市总工会", code="yancheng", region="320900")
    make_org("建湖县总工会", parent=yancheng, kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    yueqing = make_org("乐清市总工会", kind=OrgKind.FED_COUNTY, code="yueqing", region="330382")
    liushi = make_org("乐清市柳市镇总工会", parent=yueqing, kind=OrgKind.TOWN, code="liushi", region="330382")
    union = make_org("柳市电器科技股份有限公司工会", parent=liushi, code="ls-dianqi", region="330382")
    EnterpriseFactory(name="柳市电器科技股份有限公司", union=union, region_id="330382")


def test_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    demo_tree()
    made = load_demo_mediation(admin)
    assert made > 10 and load_demo_mediation(admin) == 0
    joint = Panel.objects.get(name="建湖县劳动争议多元化解联合调解中心")
    assert {m.body for m in joint.members.all()} == {"union", "court", "hrss", "lawyer"}
    jianhu = Dispute.objects.filter(org__code="jianhu")
    assert {d.source for d in jianhu} >= {"court", "hrss", "cadre"}
    assert {d.status for d in jianhu} >= {"agreed", "arbitration", "withdrawn", "mediating", "open"}
    collective = jianhu.get(collective=True)
    assert collective.escalated_to is not None and collective.escalated_to.code == "yancheng"
    assert Agreement.objects.filter(judicial="confirmed", court="建湖县人民法院").count() == 1
    assert Dispute.objects.filter(org__code="liushi").count() == 3
    assert Panel.objects.filter(org__code="liushi", kind="centre").count() == 2
    assert Dispute.objects.count() == made - 1 - 2  # less the three panels

"""The figures (in force by kind and level, enterprises and workers covered counted once, expiring) and the
demo (柳市's 40 薪酬分配 contracts, three expiring; 亭湖 negotiating), safe to re-run."""

from __future__ import annotations

import pytest
from django.utils import timezone

from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.kinds import OrgKind
from gonghui.rights.contracts.demo import load_demo_contracts
from gonghui.rights.contracts.figures import contract_figures
from gonghui.rights.contracts.models import Contract, Coverage
from gonghui.rights.democracy.selectors import deliberated
from tests.factories import Tree, UserFactory, make_member, make_org
from tests.rights.contracts.factories import firm, signed

pytestmark = pytest.mark.django_db


def test_figures(tree: Tree) -> None:
    a = firm(tree.union)
    signed(a, tree.cadre, ends_in=40, workers=30)
    signed(a, tree.cadre, ends_in=400, workers=32, kind="women")  # the same enterprise: counted once (32)
    signed(firm(tree.other, name="富水企业"), tree.cadre, ends_in=400, workers=8)
    signed(firm(tree.stranger, name="泰安企业"), tree.cadre, ends_in=20, workers=99)
    got = {f.key: f for f in contract_figures(tree.county, timezone.localdate().year)}
    assert (
        got["contracts"].value == 3 and got["contracts_kind_wage"].value == 2 and got["contracts_kind_women"].value == 1
    )
    assert got["contracts_enterprises"].value == 2 and got["contracts_workers"].value == 40
    assert got["contracts_expiring"].value == 1 and "soon=1" in got["contracts_expiring"].url
    assert all(f.definition for f in got.values()) and "kind=women" in got["contracts_kind_women"].url


def test_the_demo() -> None:
    admin = UserFactory(is_superuser=True)
    yueqing = make_org("乐清市总工会", kind=OrgKind.FED_COUNTY, code="yueqing", region="330382")
    liushi = make_org("乐清市柳市镇总工会", parent=yueqing, kind=OrgKind.TOWN, code="liushi", region="330382")
    huanghua = make_org("黄华集团有限公司工会", parent=liushi, code="ls-huanghua", region="330382")
    demo_enterprise(admin, huanghua, "黄华集团有限公司")
    for seq in range(3):
        make_member(huanghua, seq)
    make_org("盐城市总工会", code="yancheng", region="320900")
    made = load_demo_contracts(admin)
    assert made > 40 and load_demo_contracts(admin) == 0
    ls = Contract.objects.filter(org__path__startswith=liushi.path)
    assert ls.count() == 40 and ls.filter(kind="wage", stage="published").count() == 40
    assert (
        ls.filter(level="regional").count() == 2 and Coverage.objects.filter(contract__level="regional").count() == 10
    )
    for contract in ls.filter(level="enterprise"):
        assert contract.enterprise_id and deliberated(contract.enterprise_id, contract.signed_on)
    assert Contract.objects.get(enterprise__name="黄华集团有限公司").workers >= 3
    figures = {f.key: f.value for f in contract_figures(liushi, timezone.localdate().year)}
    assert figures["contracts_expiring"] == 3 and figures["contracts_enterprises"] == 48
    tinghu = Contract.objects.get(org__code="th-xx-tiaoqi")
    assert tinghu.stage == "negotiating" and tinghu.meetings.count() == 1

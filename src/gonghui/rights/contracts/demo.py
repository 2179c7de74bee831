"""Demo data for 集体合同 from the stories: 柳市 had 40 enterprises and parks sign 薪酬分配 (工资专项) collective
contracts — 38 enterprises, each deliberated by its 职代会, and the 新光 and 苏吕 industrial parks' regional
contracts — three of them ending within 90 days; 亭湖's 新兴镇 enterprise 盐城调漆色母粒 held its 集体协商会议.
Bulk inserts; a second run adds nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.services import OrgFields, org_create
from gonghui.rights.contracts.choices import ContractLevel, ContractStage, Kind
from gonghui.rights.contracts.models import Contract, Coverage, Meeting
from gonghui.rights.contracts.services import roster
from gonghui.rights.democracy.demo import demo_congress

LIUSHI_FIRMS = [
    "正泰", "德力西", "人民", "天正", "固力发", "新华", "华仪", "长城", "兴乐", "精益", "八达", "环宇", "中凯",
    "万控", "宏峰", "永固", "天逸", "创奇", "贝良", "瑞普", "欧亚", "达一", "华通", "正东", "远东", "良信",
    "三佳", "美硕", "新驰", "亚龙", "群力", "中法", "国邦", "金三角", "宇光", "联达", "恒博", "正力",
]  # fmt: skip
PARKS = [("ls-xinguang", "柳市新光工业园区", 5), ("ls-sulv", "柳市苏吕工业园区", 5)]
REPS = [
    ((True, True, False, False, False), 5),
    ((True, True, False, False, True), 2),
    ((False, False, False, True, False), 1),
]
EXPIRING = (20, 50, 80)  # days from today: three contracts come up for renewal


def _union(admin: User, parent: OrgNode, code: str, name: str, kind: str = OrgKind.GRASSROOTS) -> OrgNode:
    found = OrgNode.objects.filter(code=code).first()
    if found is not None:
        return found
    return org_create(
        actor=admin, parent=parent, fields=OrgFields(name=name, kind=kind, region_code=parent.region_id), code=code
    )


def _firm(admin: User, parent: OrgNode, code: str, company: str) -> Enterprise:
    union = _union(admin, parent, code, f"{company}工会")
    return Enterprise.objects.filter(union=union).order_by("pk").first() or demo_enterprise(admin, union, company)


def _contract(admin: User, org: OrgNode, title: str, level: str, ends_on: dt.date, **values: object) -> Contract:
    starts = ends_on - dt.timedelta(days=3 * 365 - 1)
    signed = starts - dt.timedelta(days=15)
    return Contract(
        org=org,
        level=level,
        kind=Kind.WAGE,
        title=title,
        stage=ContractStage.PUBLISHED,
        offered_on=signed - dt.timedelta(days=60),
        signed_on=signed,
        filed_on=signed + dt.timedelta(days=6),
        published_on=signed + dt.timedelta(days=25),
        starts_on=starts,
        ends_on=ends_on,
        wage_growth=Decimal("6.5"),
        min_wage=Decimal(2300),
        weekly_hours=Decimal(40),
        created_by=admin,
        **values,
    )


def _liushi(admin: User, today: dt.date) -> int:
    town = OrgNode.objects.filter(code="liushi").first()
    if town is None or Contract.objects.filter(org__path__startswith=town.path).exists():
        return 0
    firms = [Enterprise.objects.filter(union__code=c).first() for c in ("ls-huanghua", "ls-dianqi", "ls-kaiguan")]
    named = [f for f in firms if f is not None]
    for i, short in enumerate(LIUSHI_FIRMS[: 38 - len(named)]):
        named.append(_firm(admin, town, f"ls-ht-{i + 1:02d}", f"{short}电气（柳市）有限公司"))
    contracts, covered = [], []
    for i, firm in enumerate(named):
        ends = today + dt.timedelta(days=EXPIRING[i]) if i < len(EXPIRING) else today + dt.timedelta(days=300 + 15 * i)
        contract = _contract(
            admin, firm.union, f"{firm.name}工资专项集体合同", ContractLevel.ENTERPRISE, ends, enterprise=firm
        )
        session = demo_congress(
            admin,
            firm,
            term=1,
            held_on=contract.offered_on + dt.timedelta(days=45),  # after the meetings, before signing
            kinds=REPS,
            contract=f"审议《{contract.title}》草案",
        )
        contract.session = session
        contracts.append(contract)
        covered.append([firm])
    for code, name, count in PARKS:
        park = _union(admin, town, code, f"{name}联合工会", OrgKind.JOINT)
        members = [_firm(admin, park, f"{code}-{n + 1}", f"{name}第{n + 1}入园企业") for n in range(count)]
        ends = today + dt.timedelta(days=500)
        contracts.append(_contract(admin, park, f"{name}薪酬分配区域性集体合同", ContractLevel.REGIONAL, ends))
        covered.append(members)
    Contract.objects.bulk_create(contracts)
    rows = []
    for contract, enterprises in zip(contracts, covered, strict=True):
        counts = roster(enterprises)
        contract.workers = sum({e.union.path: counts[e.pk] for e in enterprises}.values())
        rows += [Coverage(contract=contract, enterprise=e, workers=counts[e.pk]) for e in enterprises]
    Coverage.objects.bulk_create(rows)
    Contract.objects.bulk_update(contracts, ["workers"])
    return len(contracts) + len(rows)


def _tinghu(admin: User, today: dt.date) -> int:
    """亭湖: 新兴镇's 盐城调漆色母粒有限公司 is negotiating (one 集体协商会议 held)."""
    city = OrgNode.objects.filter(code="yancheng").first()
    if city is None:
        return 0
    county = _union(admin, city, "tinghu", "亭湖区总工会", OrgKind.FED_COUNTY)
    town = _union(admin, county, "th-xinxing", "亭湖区新兴镇总工会", OrgKind.TOWN)
    firm = _firm(admin, town, "th-xx-tiaoqi", "盐城调漆色母粒有限公司")
    if Contract.objects.filter(enterprise=firm).exists():
        return 0
    contract = Contract.objects.create(
        org=firm.union,
        level=ContractLevel.ENTERPRISE,
        kind=Kind.COMPREHENSIVE,
        title="盐城调漆色母粒有限公司集体合同",
        enterprise=firm,
        stage=ContractStage.NEGOTIATING,
        offered_on=today - dt.timedelta(days=20),
        starts_on=today + dt.timedelta(days=40),
        ends_on=today + dt.timedelta(days=40 + 3 * 365 - 1),
        wage_growth=Decimal(5),
        weekly_hours=Decimal(40),
        created_by=admin,
    )
    Coverage.objects.create(contract=contract, enterprise=firm, workers=roster([firm])[firm.pk])
    Meeting.objects.create(
        contract=contract,
        held_on=today - dt.timedelta(days=6),
        summary="区镇工会联动指导，企业方与职工方首席代表就工资增长、工时和劳动安全卫生条款进行协商，就年度工资增长5%达成一致。",
        created_by=admin,
    )
    return 3


def load_demo_contracts(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    today = timezone.localdate()
    return _liushi(admin, today) + _tinghu(admin, today)

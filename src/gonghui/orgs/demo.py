"""The demo federation built from the source stories (see ../shared/seeds/)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from gonghui.common.uscc import CHARSET, check_char
from gonghui.orgs.kinds import OrgKind as K
from gonghui.orgs.models import Enterprise, Industry, OrgNode, Ownership
from gonghui.orgs.roles import Role


def demo_uscc(prefix: str, region: str, name: str) -> str:
    """A checksum-valid 统一社会信用代码 derived from the name (stable across runs)."""
    digest = hashlib.sha256(name.encode()).digest()
    body = "".join(CHARSET[b % 31] for b in digest[:9])
    first17 = prefix + region + body
    return first17 + check_char(first17)


def demo_mobile(name: str) -> str:
    digest = hashlib.sha256(name.encode()).hexdigest()
    return "139" + "".join(str(int(c, 16) % 10) for c in digest[:8])


def demo_enterprise(admin: Any, union: OrgNode, name: str, industry: str = Industry.C) -> Enterprise:
    """An enterprise under `union`, created once through the service, with a stable code and contact phone."""
    from gonghui.orgs.services import EnterpriseFields, enterprise_create  # services import this module's data

    found = Enterprise.objects.filter(name=name).first()
    if found:
        return found
    fields = EnterpriseFields(
        name=name,
        uscc=demo_uscc("91", union.region_id, name),
        industry=industry,
        ownership="private",
        employee_count=200,
        region_code=union.region_id,
        contact_name="王经理",
        contact_phone=demo_mobile(name),
    )
    return enterprise_create(actor=admin, union=union, fields=fields)


@dataclass
class DemoEnterprise:
    name: str
    industry: str
    employees: int
    ownership: str = Ownership.PRIVATE


@dataclass
class DemoOrg:
    code: str
    name: str
    kind: str
    region: str
    children: list[DemoOrg] = field(default_factory=list)
    enterprises: list[DemoEnterprise] = field(default_factory=list)
    chair: str = ""
    established: dt.date | None = None


def grassroots(code: str, company: str, region: str, industry: str, employees: int, chair: str = "") -> DemoOrg:
    return DemoOrg(
        code=code,
        name=f"{company}工会",
        kind=K.GRASSROOTS,
        region=region,
        chair=chair,
        enterprises=[DemoEnterprise(company, industry, employees)],
    )


# 东台's staff games: 25 grassroots unions entered the badminton (the events demo enters their teams).
DONGTAI_UNIONS: list[tuple[str, str, int]] = [
    ("东台市供电公司", Industry.D, 620),
    ("东台市人民医院", Industry.Q, 1800),
    ("东台市中医院", Industry.Q, 900),
    ("东台市第一中学", Industry.P, 320),
    ("东台市实验中学", Industry.P, 260),
    ("东台市城东新区管委会", Industry.S, 150),
    ("东台农商银行", Industry.J, 540),
    ("东台市自来水有限公司", Industry.D, 210),
    ("东台市公共交通有限公司", Industry.G, 380),
    ("东台经济开发区电子产业园", Industry.C, 2100),
    ("江苏东台精密机械有限公司", Industry.C, 760),
    ("东台市富安茧丝绸有限公司", Industry.C, 640),
    ("东台市沿海风电运维有限公司", Industry.D, 180),
    ("东台市邮政分公司", Industry.G, 230),
    ("东台市广播电视台", Industry.R, 160),
    ("东台市税务局", Industry.S, 190),
    ("东台市市场监督管理局", Industry.S, 240),
    ("东台市城市建设投资有限公司", Industry.E, 420),
    ("东台市西溪旅游文化有限公司", Industry.R, 120),
    ("东台市粮食购销有限公司", Industry.A, 140),
    ("东台市食品药品检验所", Industry.M, 60),
    ("东台市安丰镇中心卫生院", Industry.Q, 110),
    ("东台市恒信纺织有限公司", Industry.C, 880),
    ("东台市弶港水产有限公司", Industry.A, 200),
    ("东台市环卫管理处", Industry.N, 450),
]

TREE: list[DemoOrg] = [
    DemoOrg(
        "zaozhuang",
        "枣庄市总工会",
        K.FED_CITY,
        "370400",
        children=[
            DemoOrg(
                "zz-lidian",
                "枣庄市锂电产业工会",
                K.INDUSTRY,
                "370400",
                established=dt.date(2022, 6, 22),
                children=[
                    grassroots("zz-ld-xinneng", "枣庄北方锂电新能源有限公司", "370402", Industry.C, 1860, "孙立新"),
                    grassroots("zz-ld-cailiao", "枣庄锂源新材料科技有限公司", "370405", Industry.C, 640),
                ],
            ),
            DemoOrg("zz-xuecheng", "薛城区总工会", K.FED_COUNTY, "370403"),
        ],
    ),
    DemoOrg(
        "shangnan",
        "商南县总工会",
        K.FED_COUNTY,
        "611023",
        children=[
            DemoOrg(
                "sn-kuaidi",
                "商南县快递行业工会联合会",
                K.SECTOR_FED,
                "611023",
                children=[
                    grassroots("sn-kd-sudi", "商南县速递物流服务有限公司", "611023", Industry.G, 96),
                    grassroots("sn-kd-tongda", "商南通达快递网点", "611023", Industry.G, 58),
                ],
            ),
            grassroots("sn-huzhiyi", "商洛市虎之翼科技有限公司", "611023", Industry.C, 420, "王志强"),
        ],
    ),
    DemoOrg(
        "taian",
        "泰安市总工会",
        K.FED_CITY,
        "370900",
        children=[
            DemoOrg(
                "ta-taishan",
                "泰山区总工会",
                K.FED_COUNTY,
                "370902",
                children=[
                    grassroots("ta-ts-shebei", "泰安泰山智能装备有限公司", "370902", Industry.C, 1200),
                ],
            ),
        ],
    ),
    # 盐城 reports to the province: the level that sees the cities' returns (统计报表).
    DemoOrg(
        "jiangsu",
        "江苏省总工会",
        K.FED_PROVINCE,
        "320000",
        children=[
            DemoOrg(
                "yancheng",
                "盐城市总工会",
                K.FED_CITY,
                "320900",
                children=[
                    DemoOrg("yc-daoyun", "盐城市道路运输行业工会联合会", K.SECTOR_FED, "320900"),
                    DemoOrg(
                        "xiangshui",
                        "响水县总工会",
                        K.FED_COUNTY,
                        "320921",
                        children=[
                            grassroots("xs-huagong", "响水县沿海化工机械有限公司", "320921", Industry.C, 310),
                        ],
                    ),
                    DemoOrg("jianhu", "建湖县总工会", K.FED_COUNTY, "320925"),
                    DemoOrg(
                        "dongtai",
                        "东台市总工会",
                        K.FED_COUNTY,
                        "320981",
                        children=[
                            grassroots(f"dt-{i:02d}", company, "320981", industry, employees)
                            for i, (company, industry, employees) in enumerate(DONGTAI_UNIONS, start=1)
                        ],
                    ),
                    DemoOrg(
                        "funing",
                        "阜宁县总工会",
                        K.FED_COUNTY,
                        "320923",
                        children=[
                            grassroots("fn-dianqi", "阜宁县恒达电气设备有限公司", "320923", Industry.C, 260),
                        ],
                    ),
                    DemoOrg(
                        "dafeng",
                        "大丰区总工会",
                        K.FED_COUNTY,
                        "320904",
                        children=[
                            DemoOrg("df-jiazheng", "大丰区家政服务行业工会联合会", K.SECTOR_FED, "320904"),
                            DemoOrg("df-huoche", "大丰区货车司机工会联合会", K.SECTOR_FED, "320904"),
                            DemoOrg("df-dazhong", "大丰区大中街道总工会", K.TOWN, "320904"),
                        ],
                    ),
                    DemoOrg(
                        "yandu",
                        "盐都区总工会",
                        K.FED_COUNTY,
                        "320903",
                        children=[
                            DemoOrg("yd-louwang", "盐都区楼王镇总工会", K.TOWN, "320903"),
                        ],
                    ),
                    DemoOrg(
                        "yannan",
                        "盐南高新区总工会",
                        K.FED_COUNTY,
                        "320902",
                        children=[
                            grassroots("yn-jiqiren", "盐南西伏河机器人产业园有限公司", "320902", Industry.M, 380),
                        ],
                    ),
                ],
            ),
        ],
    ),
    DemoOrg(
        "yueqing",
        "乐清市总工会",
        K.FED_COUNTY,
        "330382",
        children=[
            DemoOrg(
                "liushi",
                "乐清市柳市镇总工会",
                K.TOWN,
                "330382",
                chair="郑向乐",
                children=[
                    grassroots("ls-huanghua", "黄华集团有限公司", "330382", Industry.C, 1500),
                    grassroots("ls-dianqi", "柳市电器科技股份有限公司", "330382", Industry.C, 2300),
                    grassroots("ls-kaiguan", "乐清开关设备制造有限公司", "330382", Industry.C, 540),
                ],
            ),
        ],
    ),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    org_code: str
    role: str


USERS = [
    DemoUser("yancheng", "盐城市总工会 · 组织部", "yancheng", Role.ADMIN),
    DemoUser("dafeng", "大丰区总工会 · 组织干事", "dafeng", Role.ORGANIZER),
    DemoUser("liushi", "柳市镇总工会 · 管理员", "liushi", Role.ADMIN),
    DemoUser("zaozhuang", "枣庄市总工会 · 帮扶专员", "zaozhuang", Role.ASSISTANCE),
    DemoUser("zz-caiwu", "枣庄市总工会 · 财务", "zaozhuang", Role.FINANCE),
    DemoUser("shangnan", "商南县总工会 · 管理员", "shangnan", Role.ADMIN),
    DemoUser("sn-caiwu", "商南县总工会 · 财务", "shangnan", Role.FINANCE),
    DemoUser("taian", "泰安市总工会 · 只读", "taian", Role.READONLY),
    DemoUser("jiangsu", "江苏省总工会 · 统计", "jiangsu", Role.READONLY),
]

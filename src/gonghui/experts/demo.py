"""Demo 劳模工匠助企行 desk of 阜宁 from the story: "企业点菜、劳模烹饪、工会配送".

30 model workers and craftsmen in the county's pool; 22 enterprises; 62 problems solved on 24 activity
days, 300+ workers trained and 500万+ benefit expected — among them the flow meter that jumped and the
control cabinet that overheated. Three needs are still open, one of them overdue. Everything goes
through the desk's services: post, dispatch the top recommendation, record, complete, confirm.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.experts import services
from gonghui.experts.models import Expert, Need
from gonghui.experts.recommend import recommend
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import OrgNode, Region

POOL = 30
SOLVED = 62
ENTERPRISES = 22
DAYS = 24
SPECIALTIES = [
    ["电磁流量计", "仪表维修", "PLC"],
    ["电气控制柜", "散热", "变频器"],
    ["数控机床", "液压"],
    ["焊接", "压力容器"],
    ["电机维修", "轴承"],
    ["锅炉", "节能改造"],
    ["注塑模具", "模具设计"],
    ["安全生产", "隐患排查"],
    ["纺织设备", "织机维修"],
    ["食品机械", "包装线"],
]
STORY_NEEDS = [
    ("电磁流量计读数跳变", "冷却水管路上的电磁流量计读数频繁跳变，补水泵误动作。", "电磁流量计", ["电磁流量计"]),
    (
        "电气控制柜过热停机",
        "夏季车间电气控制柜温度过高，变频器频繁过热保护停机。",
        "电气控制柜、变频器",
        ["电气控制柜"],
    ),
]


def _experts(admin: Any, county: OrgNode) -> list[Expert]:
    region = Region.objects.get(code=county.region_id)
    union = OrgNode.objects.get(code="fn-dianqi")
    people = demo_people("fn-expert", POOL, county.region_id)
    demo_members(people, union, employer="阜宁县恒达电气设备有限公司")
    experts = []
    for i, person in enumerate(people):
        profile = services.ExpertProfile(
            kind="model_worker" if i % 3 else "craftsman",
            specialties=SPECIALTIES[i % len(SPECIALTIES)],
            region=region,
            honor=["江苏省劳动模范", "盐城市劳动模范", "阜宁工匠"][i % 3],
            bio=f"从事{SPECIALTIES[i % len(SPECIALTIES)][0]}工作二十年，带徒{5 + i % 7}人。",
            industry="C",
            max_load=4,
            is_front_line=i % 10 < 7,
        )
        experts.append(services.expert_enrol(actor=admin, org=county, person=person, profile=profile))
    return experts


def _serve(admin: Any, need: Need, day: dt.date, trained: int, benefit: Decimal, *, confirm: bool = True) -> None:
    best = recommend(need, limit=1)[0]
    dispatch = services.dispatch_expert(actor=admin, need=need, expert=Expert.objects.get(pk=best.expert_id))
    services.service_record_add(
        actor=admin,
        dispatch=dispatch,
        served_on=day,
        hours=Decimal(4),
        diagnosis="现场排查，找到故障根源",
        solution="制定整改方案并现场带教",
        workers_trained=trained,
        benefit_yuan=benefit,
        benefit_evidence="企业测算的年节约费用",
    )
    if confirm:
        need = services.dispatch_complete(actor=admin, dispatch=dispatch)
        services.need_confirm(
            enterprise=need.enterprise, need=need, resolved=True, rating=5 - day.day % 2, comment="解决了"
        )


def load_demo_desk(admin: Any) -> int:
    """Returns how many needs were created (0 when the demo is already loaded)."""
    if Need.objects.exists():
        return 0
    county = OrgNode.objects.get(code="funing")
    _experts(admin, county)
    enterprises = [demo_enterprise(admin, county, f"阜宁县{n}号企业有限公司") for n in range(1, ENTERPRISES)]
    enterprises.insert(0, demo_enterprise(admin, OrgNode.objects.get(code="fn-dianqi"), "阜宁县恒达电气设备有限公司"))
    today = timezone.localdate()
    for n in range(SOLVED + 3):
        enterprise = enterprises[n % ENTERPRISES]
        title, problem, equipment, _ = (
            STORY_NEEDS[n]
            if n < len(STORY_NEEDS)
            else (
                f"{SPECIALTIES[n % len(SPECIALTIES)][0]}技术难题（{n + 1}）",
                f"生产中{SPECIALTIES[n % len(SPECIALTIES)][0]}方面的问题反复出现，影响产量和质量，请专家上门诊断。",
                SPECIALTIES[n % len(SPECIALTIES)][0],
                [],
            )
        )
        need = services.need_post(
            actor=admin,
            enterprise=enterprise,
            org=county,
            text=services.NeedText(
                category="technical" if n % 4 else "training",
                title=title,
                problem=problem,
                equipment=equipment,
                urgency=["normal", "high", "low", "critical"][n % 4],
                contact_name="王经理",
                contact_phone=str(enterprise.contact_phone.reveal()),
            ),
        )
        if n < SOLVED:
            day = today - dt.timedelta(days=(n % DAYS) * 2)  # 24 activity days, the latest today
            _serve(admin, need, day, trained=5, benefit=Decimal(81000))
        elif n == SOLVED:
            Need.objects.filter(pk=need.pk).update(due_on=today - dt.timedelta(days=2))  # overdue, still open
    return Need.objects.count()

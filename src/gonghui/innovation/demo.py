"""Demo 建功立业 data from the source stories, written through the services (loads once).

- 响水: 47 innovation results surveyed in its unions, 12 recommended up ("线上申报12项") to the county's panel.
- 盐城 (first batch): projects from 阜宁 and 盐南 scored by county and city panels, noticed and awarded,
  with e-certificates.
- 柳市: 8 model-worker innovation studios, 26 craftsmen (县级工匠) and 180 金牌员工.
- 商南: 124 合理化建议 (100 adopted, 80 implemented, 312万 saved); 10 county model workers, 7 of them
  front-line (70%).
- 泰安: a star rule and rated studios, and 10 全员创新企业 selected from 12 nominations.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.innovation.choices import RoundKind
from gonghui.innovation.models import (
    HonorTitle,
    InnovationCall,
    Panel,
    PanelSeat,
    Project,
    ReviewStage,
)
from gonghui.innovation.projects import review
from gonghui.innovation.projects.calls import CallTerms, call_open
from gonghui.innovation.projects.results import call_announce, call_confirm_awards
from gonghui.innovation.projects.submission import Submission, project_submit
from gonghui.innovation.proposals import services as proposals
from gonghui.innovation.selections import services as selections
from gonghui.innovation.studios import services as studios
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import Enterprise, OrgNode

XIANGSHUI_SURVEYED, XIANGSHUI_DECLARED = 47, 12
IDEAS = [
    (
        "小革新",
        "innovation",
        "反应釜搅拌轴密封改进",
        "搅拌轴密封每月泄漏两三次，停机检修影响产量。",
        "改用双端面机械密封并加装冷却水套。",
    ),
    (
        "小发明",
        "invention",
        "管道焊口内窥检查小车",
        "长输管道焊口内部质量靠拍片，效率低。",
        "自制带摄像头的遥控小车进管检查焊口。",
    ),
    (
        "小设计",
        "design",
        "化工泵快速拆装支架",
        "检修化工泵要拆管线，两人干一天。",
        "设计可旋转支架，泵体不拆管线即可抽出。",
    ),
    (
        "小建议",
        "suggestion",
        "冷凝水回收再利用",
        "蒸汽冷凝水直接排放，浪费水和热量。",
        "增设回收罐把冷凝水送回锅炉补水。",
    ),
    ("小创造", "creation", "电缆桥架防鼠挡板", "老鼠沿桥架进配电室咬断电缆。", "在桥架入口加装可开合的不锈钢挡板。"),
]


def _user(username: str, name: str) -> Any:
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"display_name": name})
    if created:
        user.set_password("gonghui-demo")
        user.save()
    return user


def _submit(admin: Any, call: InnovationCall, org: OrgNode, enterprise: Enterprise, n: int, team: list[str]) -> Project:
    _label, category, title, problem, solution = IDEAS[n % len(IDEAS)]
    submission = Submission(
        category=category,
        title=f"{title}（{n + 1}）" if n >= len(IDEAS) else title,
        problem=problem,
        solution=solution,
        team=team,
        benefit_yuan=Decimal(20000 + 7000 * (n % 9)),
        benefit_method="每年节约检修和停机费用（财务科核算）",
        pledge=True,
        enterprise=enterprise,
    )
    return project_submit(actor=admin, call=call, org=org, submission=submission)


def _call(admin: Any, org: OrgNode, title: str, year: int, **extra: Any) -> InnovationCall:
    terms = CallTerms(
        title=title,
        year=year,
        opens_on=dt.date(year, 1, 1),
        closes_on=timezone.localdate() + dt.timedelta(days=60),
        min_reviewers=2,
        **extra,
    )
    return call_open(actor=admin, org=org, terms=terms)


def _panel(call: InnovationCall, org: OrgNode, reviewers: list[Any]) -> None:
    panel, _ = Panel.objects.get_or_create(call=call, org=org)
    for user in reviewers:
        PanelSeat.objects.get_or_create(panel=panel, user=user)


def _score_level(call: InnovationCall, org: OrgNode, reviewers: list[Any], closer: Any, base: int) -> None:
    criteria = list(call.rubric.criteria.all())
    for i, stage in enumerate(ReviewStage.objects.filter(project__call=call, org=org, status="open").order_by("pk")):
        for j, reviewer in enumerate(reviewers):
            share = Decimal(base - 4 * i - j) / 100
            points = {str(c.pk): str((c.max_points * share).quantize(Decimal("0.1"))) for c in criteria}
            review.scorecard_submit(actor=reviewer, stage=stage, points=points)
    review.level_close(actor=closer, call=call, org=org)


def _yancheng(admin: Any) -> None:
    year = timezone.localdate().year
    city, xiangshui = OrgNode.objects.get(code="yancheng"), OrgNode.objects.get(code="xiangshui")
    reviewers = [_user(f"yc-pingshen{i}", f"盐城评审专家{i}") for i in (1, 2, 3)]
    # The first batch, reviewed through to awards.
    first = _call(
        admin,
        city,
        f"{year}年盐城市职工“五小”创新成果评选（第一批）",
        year,
        first_prizes=1,
        second_prizes=2,
        third_prizes=2,
    )
    unions = [OrgNode.objects.get(code=c) for c in ("fn-dianqi", "yn-jiqiren")]
    for n in range(6):
        union = unions[n % 2]
        enterprise = Enterprise.objects.filter(union=union).first() or demo_enterprise(admin, union, union.name)
        project = _submit(admin, first, union, enterprise, n, [f"{'陈周'[n % 2]}建华", "李海涛"])
        review.stage_recommend(actor=admin, stage=project.stages.get(order=0), recommend=True)
    for county in ("funing", "yannan"):
        _panel(first, OrgNode.objects.get(code=county), reviewers[:2])
        _score_level(first, OrgNode.objects.get(code=county), reviewers[:2], admin, 92)
    _panel(first, city, reviewers)
    _score_level(first, city, reviewers, admin, 95)
    today = timezone.localdate()
    call_announce(actor=admin, call=first, today=today - dt.timedelta(days=first.notice_days + 1))
    call_confirm_awards(actor=admin, call=first, today=today)
    # The second batch: 响水 surveyed 47 results in its unions and recommended 12 to the county panel.
    second = _call(admin, city, f"{year}年盐城市职工“五小”创新成果评选（第二批）", year)
    _panel(second, xiangshui, reviewers)
    union = OrgNode.objects.get(code="xs-huagong")
    enterprise = Enterprise.objects.filter(union=union).first() or demo_enterprise(admin, union, union.name)
    for n in range(XIANGSHUI_SURVEYED):
        project = _submit(admin, second, union, enterprise, n, [f"{'王李张刘陈'[n % 5]}师傅"])
        if n < XIANGSHUI_DECLARED:
            review.stage_recommend(actor=admin, stage=project.stages.get(order=0), recommend=True)


def _liushi(admin: Any) -> None:
    year = timezone.localdate().year
    town = OrgNode.objects.get(code="liushi")
    unions = list(OrgNode.objects.filter(code__in=["ls-huanghua", "ls-dianqi", "ls-kaiguan"]).order_by("code"))
    people = demo_people("ls-honor", 180 + 26 + 8, town.region_id)
    for i, union in enumerate(unions):
        demo_members(people[i::3], union, employer=union.name.replace("工会", ""))
    fields = ["低压电器装配", "数控加工", "模具设计", "电气检测", "自动化产线", "焊接工艺", "质量管理", "智能制造"]
    for i, leader in enumerate(people[206:214]):
        studios.studio_register(
            actor=admin,
            org=unions[i % 3],
            name=f"{leader.name}劳模创新工作室",
            level="county" if i > 1 else "city",
            leader=leader,
            leader_title="乐清市劳动模范",
            field=fields[i],
        )
    craftsman = selections.round_open(
        actor=admin,
        kind=RoundKind.HONOR,
        org=OrgNode.objects.get(code="yueqing"),
        year=year,
        name=f"{year}年乐清工匠",
        quota=26,
        title=HonorTitle.objects.get(code="county-craftsman"),
    )
    gold = selections.round_open(
        actor=admin,
        kind=RoundKind.HONOR,
        org=town,
        year=year,
        name=f"{year}年柳市镇金牌员工",
        quota=180,
        title=HonorTitle.objects.get(code="gold-medal-employee"),
    )
    for round_, chosen in ((gold, people[:180]), (craftsman, people[180:206])):
        for i, person in enumerate(chosen):
            nomination = selections.nominate(
                actor=admin, round_=round_, nominated_by=unions[i % 3], kind="person", person=person, is_front_line=True
            )
            selections.nomination_decide(actor=admin, nomination=nomination, select=True)
        _publish(admin, round_)


def _shangnan(admin: Any) -> None:
    year, today = timezone.localdate().year, timezone.localdate()
    county = OrgNode.objects.get(code="shangnan")
    union = OrgNode.objects.get(code="sn-huzhiyi")
    enterprise = Enterprise.objects.filter(union=union).first() or demo_enterprise(
        admin, union, "商洛市虎之翼科技有限公司"
    )
    topics = ["原料库分区管理", "空压机错峰运行", "边角料回收利用", "包装工序合并", "设备点检表电子化", "照明改 LED"]
    for i in range(124):
        proposal = proposals.proposal_submit(
            actor=admin,
            org=union,
            enterprise=enterprise,
            proposer_name=f"{'王李张刘陈杨'[i % 6]}{'建国志强海燕'[i % 3 * 2 : i % 3 * 2 + 2]}",
            title=f"{topics[i % len(topics)]}建议（{i + 1}）",
            content="现在的做法浪费人力和能耗，建议按班组试点新办法，再全厂推广。",
        )
        if i < 100:
            proposal = proposals.proposal_decide(actor=admin, proposal=proposal, adopt=True)
            if i < 80:
                proposals.proposal_implement(
                    actor=admin,
                    proposal=proposal,
                    implemented_on=today - dt.timedelta(days=i),
                    value_saved=Decimal(39000),
                    evidence="财务部门核算",
                )
        else:
            proposals.proposal_decide(actor=admin, proposal=proposal, adopt=False, reason="已有同类措施在实施")
    people = demo_people("sn-model", 10, county.region_id)
    demo_members(people, union, employer=enterprise.name)
    round_ = selections.round_open(
        actor=admin,
        kind=RoundKind.HONOR,
        org=county,
        year=year,
        name=f"{year}年商南县劳动模范",
        quota=10,
        title=HonorTitle.objects.get(code="county-model-worker"),
    )
    for i, person in enumerate(people):
        nomination = selections.nominate(
            actor=admin, round_=round_, nominated_by=union, kind="person", person=person, is_front_line=i < 7
        )
        selections.nomination_decide(actor=admin, nomination=nomination, select=True)
    _publish(admin, round_)


def _taian(admin: Any) -> None:
    year = timezone.localdate().year
    city = OrgNode.objects.get(code="taian")
    union = OrgNode.objects.get(code="ta-ts-shebei")
    studios.star_rule_set(
        actor=admin,
        org=city,
        year=year,
        points={"patent": 8, "problem": 4, "apprentice": 2, "project": 5, "award": 10, "training": 1},
        caps={"apprentice": 20, "training": 10},
        thresholds=[50, 60, 70, 80, 90],
        assessment_weight=Decimal("0.30"),
    )
    leaders = demo_people("ta-studio", 3, union.region_id)
    demo_members(leaders, union, employer="泰安泰山智能装备有限公司")
    for i, (leader, assessment) in enumerate(zip(leaders, (95, 85, 72), strict=True)):
        studio = studios.studio_register(
            actor=admin,
            org=union,
            name=f"{leader.name}工匠创新工作室",
            level="city",
            kind="craftsman",
            leader=leader,
            leader_title="泰山工匠",
            field=["智能装备", "液压系统", "精密装配"][i],
        )
        for kind, quantity in (("patent", 6 - 2 * i), ("problem", 8 - 2 * i), ("apprentice", 10 - 3 * i)):
            studios.achievement_add(
                actor=admin,
                studio=studio,
                kind=kind,
                title=f"{year}年度成果",
                achieved_on=dt.date(year, 1, 15),
                quantity=quantity,
            )
        studios.studio_rate(actor=admin, studio=studio, year=year, assessment=Decimal(assessment))
    round_ = selections.round_open(
        actor=admin,
        kind=RoundKind.INNOVATIVE_ENTERPRISE,
        org=city,
        year=year,
        name=f"{year}年泰安市全员创新企业",
        criteria=selections.ENTERPRISE_CRITERIA,
    )
    for i in range(12):
        enterprise = demo_enterprise(admin, union, f"泰安创新示范企业{i + 1}有限公司")
        selections.nominate(
            actor=admin,
            round_=round_,
            nominated_by=union,
            kind="organisation",
            enterprise=enterprise,
            scores={"system": 18 - i % 4, "participation": 28 - i, "results": 27 - i, "benefit": 18 - i % 5},
        )
    selections.round_select_top(actor=admin, round_=round_)
    _publish(admin, round_)


def _publish(admin: Any, round_: Any) -> None:
    """Put a round on notice as if it opened a notice period ago, and confer its titles today."""
    today = timezone.localdate()
    selections.round_notice(actor=admin, round_=round_, today=today - dt.timedelta(days=round_.notice_days + 1))
    selections.round_publish(actor=admin, round_=round_, today=today)


def load_demo_innovation(admin: Any) -> int:
    """Returns how many projects were created (0 when the demo is already loaded)."""
    if InnovationCall.objects.exists():
        return 0
    _yancheng(admin)
    _liushi(admin)
    _shangnan(admin)
    _taian(admin)
    return Project.objects.count()

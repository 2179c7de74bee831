"""Demo 名师带徒 (seed_demo) from the stories. Safe to run again: nothing is made twice.

商南: at 商洛市虎之翼科技 the county's 劳动模范 take apprentices, some in the “企校双制、工学一体” mode with
商洛职业技术学院 (企校双师带徒, 工学交替): pairs in progress, one 出师 with its competition result, one ended
early. 泰安: the 泰山工匠 of 泰安泰山智能装备 mentor young fitters and electricians, one with the
泰山工匠学院. Milestones and both sides' evaluations are there; levels come from the certification records.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.occupations import occupation_ensure
from gonghui.skills.mentoring import progress, services
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, MentorKind, PairMode
from gonghui.skills.mentoring.models import Mentor, Pair

LATHE, FITTER, ELECTRICIAN = ("6-18-01-01", "车工"), ("6-20-01-01", "装配钳工"), ("6-31-01-03", "电工")
Plan = tuple[int, tuple[str, str], str, str, int, int, int, str]
# mentor index, occupation, mode, school, months ago it started, months it runs, stipend, where it got to
SHANGNAN: list[Plan] = [
    (0, LATHE, PairMode.DUAL, "商洛职业技术学院", 8, 12, 300, "active"),
    (0, LATHE, PairMode.DUAL, "商洛职业技术学院", 14, 12, 300, "completed"),
    (1, FITTER, PairMode.ENTERPRISE, "", 5, 12, 200, "active"),
    (1, FITTER, PairMode.ENTERPRISE, "", 10, 12, 200, "ended"),
    (2, ELECTRICIAN, PairMode.DUAL, "商洛学院", 3, 24, 0, "active"),
]
TAIAN: list[Plan] = [
    (0, FITTER, PairMode.DUAL, "泰山工匠学院", 6, 12, 500, "active"),
    (0, FITTER, PairMode.ENTERPRISE, "", 4, 12, 500, "active"),
    (1, ELECTRICIAN, PairMode.ENTERPRISE, "", 13, 12, 400, "completed"),
    (2, LATHE, PairMode.ENTERPRISE, "", 2, 18, 0, "active"),
]
GOALS = {
    LATHE: "一年内掌握数控车床编程与操作，独立完成典型零件加工，考取车工四级（中级工）。",
    FITTER: "掌握智能装备精密装配和液压系统调试，能独立排查常见故障，参加市级技能比武。",
    ELECTRICIAN: "掌握PLC控制线路安装调试和设备电气维修，取得电工四级（中级工）证书。",
}
MILESTONES = ["熟悉安全操作规程和设备点检", "在师傅指导下完成典型工件", "独立完成一项生产任务"]


def _months(n: int) -> dt.timedelta:
    return dt.timedelta(days=30 * n)


def _pairs(
    admin: User, union: OrgNode, mentors: list[Mentor], plan: list[Plan], prefix: str, school_mentor: str
) -> int:
    today = timezone.localdate()
    apprentices = demo_people(prefix, len(plan), union.region_id)
    demo_members(apprentices, union, employer=union.name)
    for (m, (code, name), mode, school, ago, runs, stipend, stage), apprentice in zip(plan, apprentices, strict=True):
        starts = today - _months(ago)
        data = services.PairFields(
            starts_on=starts,
            ends_on=starts + _months(runs),
            goals=GOALS[(code, name)],
            occupation=occupation_ensure(code=code, name=name),
            mode=mode,
            school=school,
            school_mentor=school_mentor if mode == PairMode.DUAL else "",
            stipend=Decimal(stipend),
        )
        pair = services.pair_create(actor=admin, org=union, mentor=mentors[m], apprentice=apprentice, data=data)
        _progress(admin, pair, starts, stage)
    return len(plan)


def _progress(admin: User, pair: Pair, starts: dt.date, stage: str) -> None:
    today = timezone.localdate()
    for n, title in enumerate(MILESTONES):
        due = min(starts + _months(2 + 3 * n), pair.ends_on)
        milestone = progress.milestone_add(actor=admin, pair=pair, title=title, due_on=due)
        if due <= today and (n < 2 or stage != "active"):
            progress.milestone_done(actor=admin, milestone=milestone, done_on=due, note="按期完成，师傅签字确认。")
    if today - starts >= _months(4):
        for direction, score, remarks in (
            (EvaluationSide.OF_APPRENTICE, 86, "肯钻研，动手快，图纸识读还要加强。"),
            (EvaluationSide.OF_MENTOR, 95, "师傅毫无保留，手把手教绝活。"),
        ):
            progress.evaluation_record(
                actor=admin, pair=pair, direction=direction, stage=EvaluationStage.MIDTERM, score=score, remarks=remarks
            )
    if stage == "completed":
        for direction, score in ((EvaluationSide.OF_APPRENTICE, 92), (EvaluationSide.OF_MENTOR, 98)):
            progress.evaluation_record(
                actor=admin, pair=pair, direction=direction, stage=EvaluationStage.FINAL, score=score
            )
        services.pair_close(
            actor=admin,
            pair=pair,
            completed=True,
            closed_on=today - _months(1),
            note="按协议完成带徒目标，准予出师。",
            competition_results="县级职工技能竞赛 二等奖",
        )
    elif stage == "ended":
        services.pair_close(
            actor=admin, pair=pair, completed=False, closed_on=today - _months(2), note="徒弟调岗到销售部门。"
        )


def _mentors(admin: User, union: OrgNode, prefix: str, kind: str, title: str) -> list[Mentor]:
    people: list[Person] = demo_people(prefix, 3, union.region_id)
    demo_members(people, union, employer=union.name)
    found = {m.person_id: m for m in Mentor.objects.filter(person__in=people)}
    return [
        found.get(p.pk) or services.mentor_register(actor=admin, org=union, person=p, kind=kind, title=title)
        for p in people
    ]


def load_demo_mentoring(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    unions = {u.code: u for u in OrgNode.objects.filter(code__in=["sn-huzhiyi", "ta-ts-shebei"])}
    if len(unions) < 2 or Pair.objects.filter(org__in=unions.values()).exists():
        return 0
    shangnan, taian = unions["sn-huzhiyi"], unions["ta-ts-shebei"]
    # The county's 劳动模范 (the innovation demo conferred the title on them; the honor is linked).
    model_workers = _mentors(admin, shangnan, "sn-model", MentorKind.MODEL_WORKER, "")
    craftsmen = _mentors(admin, taian, "ta-studio", MentorKind.CRAFTSMAN, "泰山工匠")
    made = _pairs(admin, shangnan, model_workers, SHANGNAN, "sn-mentee", "商洛职业技术学院 王老师")
    return made + _pairs(admin, taian, craftsmen, TAIAN, "ta-mentee", "泰山工匠学院 刘老师")

"""Demo data for 劳动争议调解 from the stories (seed_demo). Safe to re-run: nothing is made twice.

建湖: the “工会+法院+人社” joint mediation of labour disputes, with hired full-time lawyers: a joint panel at
the county federation (a union officer, a judge, an 人社 arbitrator, a lawyer), and its cases of the year:
court pre-suit referrals, 人社 referrals, a collective wage dispute of a building site escalated to 盐城, an
agreement confirmed by the court, one referred to arbitration, one withdrawn, some still in mediation.
柳市: the mediation rooms of the 职工服务中心 and the 社会治理服务中心, with the lawyers' Friday rota.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.demo_people import demo_people
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.mediation import intake, outcomes, panels
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn
from gonghui.rights.mediation.models import Dispute, Mediator, Panel
from gonghui.rights.mediation.outcomes import PaymentIn

JIANHU_PANEL = "建湖县劳动争议多元化解联合调解中心"
JIANHU_MEMBERS = [
    ("王立群", "union", "县总工会法律工作部部长"),
    ("刘斌", "court", "县人民法院民事审判一庭法官"),
    ("张敏", "hrss", "县劳动人事争议仲裁院仲裁员"),
    ("孙伟", "lawyer", "县总工会聘请专职律师"),
]
JIANHU_ENTERPRISES = ["建湖县恒顺机械制造有限公司", "建湖县盐阜石油装备有限公司", "建湖县新城建筑工程有限公司"]
LIUSHI_PANELS = [
    ("柳市镇职工服务中心调解室", "柳市镇职工服务中心一楼", [("郑向乐", "union", "镇总工会主席"),
                                                        ("陈律师", "lawyer", "每周五定点法律服务律师团队")]),
    ("柳市镇社会治理服务中心劳动争议调解室", "柳市镇社会治理服务中心", [("林调解", "union", "镇总工会调解员"),
                                                                  ("黄仲裁", "hrss", "乐清市劳动人事争议仲裁院")]),
]  # fmt: skip

# (enterprise index, source, workers, claims, summary, outcome, days ago)
JIANHU_CASES: list[tuple[int, str, int, list[tuple[str, int]], str, str, int]] = [
    (0, "court", 1, [("wages", 18600), ("overtime", 4200)],
     "法院诉前委派：车间操作工离职后三个月工资及加班费未结清。", "confirmed", 150),
    (1, "hrss", 1, [("termination", 36000)],
     "人社部门转来：企业调整岗位后解除劳动合同，职工要求支付经济补偿。", "agreed", 120),
    (2, "cadre", 6, [("wages", 96000)], "建筑工地六名农民工春节前工资未结，工会排查发现。", "agreed_paid", 60),
    (0, "cadre", 1, [("injury", 52000)], "工伤停工留薪期待遇和一次性伤残补助金争议。", "arbitration", 90),
    (1, "court", 1, [("social_insurance", 12800)], "法院诉前委派：入职两年未缴社会保险。", "withdrawn", 45),
    (2, "hrss", 2, [("wages", 14500), ("overtime", 3600)],
     "人社部门转来：两名钢筋工工资和加班费争议。", "mediating", 20),
    (0, "cadre", 1, [("termination", 21000)], "试用期解除劳动合同争议。", "open", 5),
]  # fmt: skip


def _panel(admin: User, org: OrgNode, name: str, kind: str, place: str, members: list[tuple[str, str, str]]) -> Panel:
    panel = panels.panel_create(actor=admin, org=org, name=name, kind=kind, place=place)
    for person, body, title in members:
        panels.mediator_add(actor=admin, panel=panel, name=person, body=body, title=title)
    return panel


def _play(admin: User, dispute: Dispute, panel: Panel, outcome: str, day: dt.date) -> None:
    """Take an open dispute to `outcome` the way the panel would."""
    if outcome == "open":
        return
    lead = Mediator.objects.filter(panel=panel).order_by("pk").first()
    outcomes.dispute_assign(actor=admin, dispute=dispute, panel=panel, mediator=lead)
    first = min(day + dt.timedelta(days=7), timezone.localdate())
    outcomes.session_record(
        actor=admin, dispute=dispute, held_on=first, minutes="调解员分别听取双方陈述，核对工资表和考勤记录。"
    )
    if outcome == "mediating":
        return
    if outcome == "arbitration":
        outcomes.dispute_refer(actor=admin, dispute=dispute, to="arbitration", note="企业对伤残等级有异议，调解不成")
        return
    if outcome == "withdrawn":
        outcomes.dispute_withdraw(actor=admin, dispute=dispute, reason="企业补缴社保后申请人撤回")
        return
    signed = min(first + dt.timedelta(days=10), timezone.localdate())
    total = (dispute.claimed * Decimal("0.85")).quantize(Decimal("1"))
    half = (total / 2).quantize(Decimal("1"))
    agreement = outcomes.agreement_record(
        actor=admin, dispute=dispute, amount=total, signed_on=signed,
        terms=f"一、被申请人同意支付申请人各项款项合计人民币{total}元，分两期支付。\n二、双方就本次劳动争议再无其他争议。",
        worker_signatory=dispute.parties.order_by("pk").first().name,  # type: ignore[union-attr]
        worker_confirmed_on=signed, enterprise_signatory="人事部经理", enterprise_confirmed_on=signed,
        payments=[PaymentIn(half, signed + dt.timedelta(days=15)),
                  PaymentIn(total - half, signed + dt.timedelta(days=45))],
    )  # fmt: skip
    if outcome == "agreed_paid":
        for payment in agreement.payments.filter(due_on__lte=timezone.localdate()):
            outcomes.payment_paid(actor=admin, payment=payment, paid_on=payment.due_on)
    if outcome == "confirmed":
        applied = min(signed + dt.timedelta(days=3), timezone.localdate())
        outcomes.judicial_apply(actor=admin, agreement=agreement, court="建湖县人民法院", applied_on=applied)
        decided = min(applied + dt.timedelta(days=7), timezone.localdate())
        outcomes.judicial_decide(actor=admin, agreement=agreement, confirmed=True, decided_on=decided)


def _cases(
    admin: User, org: OrgNode, panel: Panel, enterprises: list[Enterprise], cases: list[Any], prefix: str
) -> int:
    people = demo_people(prefix, sum(c[2] for c in cases), org.region_id, migrant=True)
    today = timezone.localdate()
    made = 0
    for index, source, count, claims, summary, outcome, ago in cases:
        workers, people = people[:count], people[count:]
        day = today - dt.timedelta(days=ago)
        dispute = intake.dispute_open(
            actor=admin, org=org, enterprise_uscc=enterprises[index].uscc, source=source, summary=summary,
            workers=[WorkerIn(p.name, p.id_number.reveal()) for p in workers if p.id_number is not None],
            claims=[ClaimIn(kind, amount) for kind, amount in claims], received_on=day,
            court_ref=f"（{day.year}）苏0925民诉前调{ago:04d}号" if source == "court" else "",
        )  # fmt: skip
        _play(admin, dispute, panel, outcome, day)
        made += 1
    return made


def load_demo_mediation(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    if Panel.objects.filter(name=JIANHU_PANEL).exists():
        return 0
    made = 0
    jianhu = OrgNode.objects.filter(code="jianhu").first()
    if jianhu is not None:
        panel = _panel(admin, jianhu, JIANHU_PANEL, "joint", "建湖县职工服务中心三楼", JIANHU_MEMBERS)
        enterprises = [demo_enterprise(admin, jianhu, name) for name in JIANHU_ENTERPRISES]
        made += 1 + _cases(admin, jianhu, panel, enterprises, JIANHU_CASES, "jh-mediation")
    liushi = OrgNode.objects.filter(code="liushi").first()
    if liushi is not None:
        rooms = [_panel(admin, liushi, name, "centre", place, members) for name, place, members in LIUSHI_PANELS]
        enterprises = list(Enterprise.objects.filter(union__path__startswith=liushi.path).order_by("pk")[:3])
        if len(enterprises) < 3:
            enterprises += [demo_enterprise(admin, liushi, f"柳市镇电器配件{i}厂") for i in range(3 - len(enterprises))]
        liushi_cases = [
            (0, "cadre", 1, [("wages", 9800)], "装配工离职后最后一个月工资未结。", "agreed", 70),
            (1, "hrss", 3, [("overtime", 27000)], "三名注塑工旺季加班费争议。", "agreed", 40),
            (2, "cadre", 1, [("termination", 15000)], "厂房搬迁解除劳动合同的经济补偿争议。", "mediating", 12),
        ]
        made += len(rooms) + _cases(admin, liushi, rooms[0], enterprises, liushi_cases, "ls-mediation")
    return made

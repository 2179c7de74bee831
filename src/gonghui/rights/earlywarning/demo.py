"""Demo data for 劳动关系预警 and 法治体检 from the stories: 枣庄's 锂电 unions set up the early-warning and
mediation mechanism and send 法治体检 to enterprises (findings, rectifications, a re-check); indicators the
cadres entered across the demo enterprises (泰安's 泰会帮 chain, 柳市, 东台, 响水); the recompute run on them,
which opens the warnings of those at 橙 and 红, two of them with actions and one closed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_noop

from gonghui.accounts.models import User
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import Enterprise, Industry, OrgNode
from gonghui.rights.earlywarning.checkups import checklist_item_add, checkup_create, finding_record, recheck_record
from gonghui.rights.earlywarning.choices import FindingResult, Trigger, WarningStatus
from gonghui.rights.earlywarning.entries import indicator_enter, scheme_set
from gonghui.rights.earlywarning.handling import warning_act, warning_close
from gonghui.rights.earlywarning.models import EarlyWarning, Scheme
from gonghui.rights.earlywarning.recompute import levels_recompute
from gonghui.rights.earlywarning.scoring import DEFAULT

N_ = gettext_noop
TEAM = N_("枣庄市总工会法律服务团 孙律师、刘律师")
# (enterprise, industry) added under 薛城区总工会 for the 法治体检 (the two 锂电 firms exist)
XUECHENG = [(N_("枣庄薛城鲁南机械制造有限公司"), Industry.C), (N_("枣庄市薛城区恒泰建筑工程有限公司"), Industry.E)]
# enterprise -> (kind, value, days before today) entered by cadres
ENTRIES = {
    "枣庄北方锂电新能源有限公司": [("overtime", 3, 40)],
    "枣庄薛城鲁南机械制造有限公司": [("layoffs", 90, 12), ("social_insurance", 4, 20)],
    "枣庄市薛城区恒泰建筑工程有限公司": [("social_insurance", 6, 15), ("overtime", 1, 15)],
    "泰安泰山智能装备有限公司": [("overtime", 2, 30)],
    "柳市电器科技股份有限公司": [("layoffs", 40, 50)],
    "东台市恒信纺织有限公司": [("social_insurance", 5, 25), ("overtime", 3, 25)],
    "响水县沿海化工机械有限公司": [("layoffs", 120, 8), ("overtime", 1, 8)],
}
# enterprise -> (days before today, {item: (note, requirement, days after the visit)}, days before today of the
# re-check, items found put right at it)
CHECKUPS = [
    (
        "枣庄北方锂电新能源有限公司",
        60,
        {
            N_("工时休假"): (N_("旺季连续加班，部分职工月加班超过36小时"), N_("调整排班，落实调休和加班费"), 30),
            N_("集体合同"): (N_("集体合同已到期未续签"), N_("启动集体协商，续签集体合同"), 90),
        },
        20,
        {N_("工时休假")},
    ),
    (
        "枣庄锂源新材料科技有限公司",
        25,
        {N_("劳动合同"): (N_("3名新入职职工未签订书面劳动合同"), N_("一个月内补签书面劳动合同"), 15)},
        None,
        set(),
    ),
    (
        "枣庄市薛城区恒泰建筑工程有限公司",
        10,
        {
            N_("工资支付"): (N_("农民工工资未按月足额支付"), N_("设立工资专户，按月足额支付"), 20),
            N_("安全生产"): (N_("高处作业防护不到位"), N_("配齐安全带和防护网，开展安全培训"), 10),
        },
        None,
        set(),
    ),
]


def _enterprise(name: str) -> Enterprise | None:
    return Enterprise.objects.filter(name=name).select_related("union").first()


def _checkups(admin: User, today: dt.date) -> int:
    made = 0
    for name, ago, problems, recheck_ago, fixed in CHECKUPS:
        enterprise = _enterprise(name)
        if enterprise is None:
            continue
        visited = today - dt.timedelta(days=ago)
        checkup = checkup_create(actor=admin, enterprise=enterprise, visited_on=visited, team=TEAM)
        made += 1
        for finding in checkup.findings.all():
            if finding.item in problems:
                note, requirement, days = problems[finding.item]
                finding_record(
                    actor=admin, finding=finding, result=FindingResult.PROBLEM, note=note, requirement=requirement,
                    deadline=visited + dt.timedelta(days=days),
                )  # fmt: skip
                made += 1
            else:
                finding_record(actor=admin, finding=finding, result=FindingResult.OK)
        if recheck_ago is not None:
            outcomes = {r.pk: r.finding.item in fixed for r in checkup.rectifications.select_related("finding")}
            recheck_record(
                actor=admin, checkup=checkup, on=today - dt.timedelta(days=recheck_ago), outcomes=outcomes,
                note=N_("加班已调休；集体协商已启动，尚未签订"),
            )  # fmt: skip
            made += 1
    planned = _enterprise(XUECHENG[0][0])
    if planned is not None:  # the next visit, a week ahead
        checkup_create(actor=admin, enterprise=planned, visited_on=today + dt.timedelta(days=7), team=TEAM)
        made += 1
    return made


def load_demo_earlywarning(admin: User) -> int:
    """Safe to re-run (枣庄's scheme marks a loaded demo); returns how many new records it made."""
    zaozhuang = OrgNode.objects.filter(code="zaozhuang").first()
    xuecheng = OrgNode.objects.filter(code="zz-xuecheng").first()
    if zaozhuang is None or Scheme.objects.filter(org=zaozhuang).exists():
        return 0
    today = timezone.localdate()
    weights = {f"w_{k}": str(v) for k, v in DEFAULT.weights.items()}
    # 枣庄 weighs collective disputes and social-insurance arrears more (the 锂电 chain's large workforces).
    scheme_set(
        actor=admin,
        org=zaozhuang,
        data=weights
        | {"w_collective": "25", "w_social_insurance": "6", "blue": "10", "yellow": "20", "orange": "40", "red": "60"},
    )
    checklist_item_add(actor=admin, org=zaozhuang, name=N_("女职工特殊劳动保护"), sort=10)
    made = 2
    if xuecheng is not None:
        for name, industry in XUECHENG:
            demo_enterprise(admin, xuecheng, name, industry)
    made += _checkups(admin, today)
    for name, readings in ENTRIES.items():
        enterprise = _enterprise(name)
        for kind, value, ago in readings if enterprise is not None else []:
            indicator_enter(
                actor=admin, enterprise=enterprise, kind=kind, value=Decimal(value),  # type: ignore[arg-type]
                as_of=today - dt.timedelta(days=ago), note=N_("劳动关系预警信息员报送"),
            )  # fmt: skip
            made += 1
    run = levels_recompute(trigger=Trigger.COMMAND, actor=admin)
    made += run.changed + run.opened
    handled = list(EarlyWarning.objects.filter(status=WarningStatus.OPEN).select_related("org").order_by("-score")[:2])
    notes = [N_("约谈企业负责人，督促按月足额缴纳社会保险费"), N_("联合人社部门上门核查裁员方案，指导依法履行程序")]
    for warning, note in zip(handled, notes, strict=False):
        warning_act(actor=admin, warning=warning, on=today, note=note)
        made += 1
    if handled:
        warning_close(actor=admin, warning=handled[-1], note=N_("企业已按程序向职代会说明裁员方案并补缴社保"))
    return made

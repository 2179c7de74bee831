"""Demo data for 欠薪治理 from the stories (seed_demo). Safe to re-run: nothing is made twice.

柳市 keeps a 无欠薪 coordination mechanism: before 春节 the town federation runs a drive to clear wage
arrears, with a target; workers report through 我的 and the hotline, the union sends each report on (to the
mediation room of its service centre, to 人社's labour inspection, or back to the enterprise with a deadline),
records what was recovered, tells the worker and calls back. 建湖 sends a building site's arrears to its
joint mediation panel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.arrears import drives, services
from gonghui.rights.arrears.models import Drive, Report
from gonghui.rights.mediation.checks import WorkerIn

# (enterprise index, source, owed, workers, months, route, recovered share, how far it got)
LIUSHI_REPORTS: list[tuple[int, str, int, int, str, str, str, str]] = [
    (0, "hotline", 86000, 14, "10月—12月", "mediation", "1", "visited"),
    (1, "cadre", 42000, 6, "11月—12月", "inspection", "1", "fed_back"),
    (2, "hotline", 23500, 3, "12月", "enterprise", "1", "visited"),
    (0, "hrss", 61000, 9, "9月—12月", "mediation", "0.6", "handled"),
    (1, "cadre", 17800, 2, "12月", "enterprise", "0", "diverted"),
    (2, "hotline", 9600, 1, "11月", "", "0", "accepted"),
]


def drive_period(today: dt.date) -> tuple[str, dt.date, dt.date]:
    """The latest drive before 春节 that has begun: 15 November to 5 February."""
    year = today.year + 1 if (today.month, today.day) >= (11, 15) else today.year
    return f"{year}年春节前根治欠薪冬季专项行动", dt.date(year - 1, 11, 15), dt.date(year, 2, 5)


def _play(admin: User, report: Report, route: str, share: str, stage: str, workers: list[WorkerIn]) -> None:
    if not route:
        return
    services.report_divert(
        actor=admin, report=report, route=route, workers=workers if route == "mediation" else [],
        note={"mediation": "转镇职工服务中心调解室", "inspection": "移送乐清市劳动保障监察大队",
              "enterprise": "约谈企业负责人，限五日内支付"}[route],
    )  # fmt: skip
    if stage == "diverted":
        return
    recovered = (report.amount_owed * Decimal(share)).quantize(Decimal("1"))
    services.report_handle(actor=admin, report=report, recovered=recovered, note="企业已通过银行代发补发工资")
    if stage == "handled":
        return
    services.report_feedback(actor=admin, report=report, note=f"已为您追回工资{recovered}元，请查收。")
    if stage == "visited":
        services.report_visit(actor=admin, report=report, satisfied=True, note="电话回访：工资已到账")


def _liushi(admin: User, liushi: OrgNode) -> int:
    today = timezone.localdate()
    name, starts, ends = drive_period(today)
    drives.drive_create(
        actor=admin, org=liushi, name=name, starts_on=starts, ends_on=ends, target_amount=Decimal("2000000")
    )
    enterprises = list(Enterprise.objects.filter(union__path__startswith=liushi.path).order_by("pk")[:3])
    if len(enterprises) < 3:
        enterprises += [demo_enterprise(admin, liushi, f"柳市镇电器配件{i}厂") for i in range(3 - len(enterprises))]
    last = min(today, ends)
    people = demo_people("ls-arrears", 12, liushi.region_id, migrant=True)
    made = 0
    for n, (index, source, owed, count, months, route, share, stage) in enumerate(LIUSHI_REPORTS):
        day = max(starts, last - dt.timedelta(days=10 * (len(LIUSHI_REPORTS) - n)))
        report = services.report_open(
            actor=admin, org=liushi, enterprise_uscc=enterprises[index].uscc, source=source, amount_owed=owed,
            workers_affected=count, months=f"{day.year if day.month > 2 else day.year - 1}年{months}",
            summary=f"{count}名职工反映{months}工资未发放。", received_on=day, deadline=day + dt.timedelta(days=15),
        )  # fmt: skip
        workers = [WorkerIn(p.name, p.id_number.reveal()) for p in people[n * 2 : n * 2 + 2] if p.id_number]
        _play(admin, report, route, share, stage, workers)
        made += 1
    # A courier of the town reports from 我的, waiting to be accepted.
    courier = demo_people("ls-courier", 1, liushi.region_id, migrant=True)
    union = OrgNode.objects.filter(path__startswith=liushi.path, depth=liushi.depth + 1).order_by("pk").first()
    demo_members(courier, union or liushi, employer="柳市镇快递网点")
    services.report_submit(
        actor=admin, person=courier[0], enterprise_name="柳市镇某快递网点", amount_owed=5200, months="两个月",
        summary="快递网点两个月派件费没有结算。",
    )  # fmt: skip
    return made + 2


def _jianhu(admin: User, jianhu: OrgNode) -> int:
    enterprise = Enterprise.objects.filter(union=jianhu, name__contains="建筑").first()
    if enterprise is None or Report.objects.filter(org=jianhu, enterprise=enterprise).exists():
        return 0
    today = timezone.localdate()
    report = services.report_open(
        actor=admin, org=jianhu, enterprise_uscc=enterprise.uscc, source="hrss", amount_owed=128000,
        workers_affected=11, summary="人社部门转来：工地十一名农民工工资未结清。",
        received_on=today - dt.timedelta(days=8),
    )  # fmt: skip
    workers = [WorkerIn(p.name, p.id_number.reveal()) for p in demo_people("jh-arrears", 3, "320925") if p.id_number]
    services.report_divert(actor=admin, report=report, route="mediation", workers=workers, note="转联合调解中心")
    return 1


def load_demo_arrears(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    made = 0
    liushi = OrgNode.objects.filter(code="liushi").first()
    if liushi is not None and not Drive.objects.filter(org=liushi).exists():
        made += _liushi(admin, liushi)
    jianhu = OrgNode.objects.filter(code="jianhu").first()
    if jianhu is not None:
        made += _jianhu(admin, jianhu)
    return made

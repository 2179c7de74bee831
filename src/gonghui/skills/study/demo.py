"""Demo 求学圆梦 (seed_demo) from the stories: 建湖县总工会 runs 职工学历教育“求学圆梦”行动 for its industrial
workers (石油装备、节能电光源) with “班后一小时” study. Safe to run again: nothing is made twice.

Two programmes: one three years back, whose workers were all paid and most have graduated (written in bulk,
as an import of the union's old ledger would), and this year's, taking applications now, in every state:
waiting, refused, approved, subsidy entered and waiting for the checker, paid (through the services: the
maker is the platform admin, the checker 建湖's finance officer).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.roles import Role
from gonghui.skills.study import services, subsidies
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Application, Programme, Standard
from gonghui.skills.study.services import ApplicationFields, ProgrammeFields

JUNIOR, BACHELOR = DegreeLevel.JUNIOR_COLLEGE, DegreeLevel.BACHELOR
STANDARDS: dict[str, Decimal] = {JUNIOR: Decimal(2000), BACHELOR: Decimal(3000)}
# job, level, mode, school, major, fees
STUDIES: list[tuple[str, str, str, str, str, int]] = [
    ("数控车工", JUNIOR, StudyMode.ADULT_EXAM, "盐城工业职业技术学院", "数控技术", 5400),
    ("电焊工", JUNIOR, StudyMode.OPEN_UNIVERSITY, "盐城开放大学", "机械制造与自动化", 4800),
    ("装配钳工", BACHELOR, StudyMode.ADULT_EXAM, "盐城工学院", "机械设计制造及其自动化", 9600),
    ("维修电工", JUNIOR, StudyMode.ADULT_EXAM, "盐城工业职业技术学院", "电气自动化技术", 5400),
    ("灯具装配工", JUNIOR, StudyMode.OPEN_UNIVERSITY, "江苏开放大学", "工商企业管理", 4200),
    ("质检员", BACHELOR, StudyMode.SELF_STUDY, "南京工业大学", "化学工程与工艺", 3600),
    ("叉车司机", JUNIOR, StudyMode.ONLINE, "江苏开放大学", "现代物流管理", 4500),
    ("车间统计员", BACHELOR, StudyMode.OPEN_UNIVERSITY, "江苏开放大学", "会计学", 7800),
    ("石油机械装配工", JUNIOR, StudyMode.ADULT_EXAM, "盐城工业职业技术学院", "石油化工技术", 5400),
    ("冲压工", JUNIOR, StudyMode.OPEN_UNIVERSITY, "盐城开放大学", "机电一体化技术", 4800),
    ("仓储管理员", BACHELOR, StudyMode.ADULT_EXAM, "盐城师范学院", "物流管理", 9000),
    ("电光源检测工", JUNIOR, StudyMode.ADULT_EXAM, "盐城工业职业技术学院", "光电制造与应用技术", 5400),
]
EMPLOYERS = ["建湖县石油装备产业园企业", "建湖县节能电光源产业园企业"]
# Where this year's applications got to, in the order of STUDIES.
THIS_YEAR = ["paid", "paid", "paid", "paid", "paid", "entered", "approved", "submitted", "submitted", "rejected"]
OLD_COUNT, OLD_GRADUATED = 8, 6


def _checker() -> User:
    """建湖's finance officer, who checks the subsidies the admin enters (a maker cannot check their own)."""
    user, created = get_user_model().objects.get_or_create(
        username="jh-caiwu", defaults={"display_name": "建湖县总工会 · 财务"}
    )
    if created:
        user.set_password("gonghui-demo")
        user.save()
    StaffRole.objects.get_or_create(user=user, org=OrgNode.objects.get(code="jianhu"), role=Role.FINANCE)
    return user


def _old_programme(admin: User, county: OrgNode, workers: list[Person]) -> int:
    """Three years back: every place paid, most graduated (bulk, like the union's old ledger brought in)."""
    year = timezone.localdate().year - 3
    checker = _checker()
    programme = Programme.objects.create(
        org=county,
        year=year,
        name=f"{year}年建湖县一线职工学历提升“求学圆梦”行动",
        eligibility=Eligibility.FRONT_LINE,
        quota=OLD_COUNT,
        budget=Decimal(20000),
        opens_on=dt.date(year, 3, 1),
        closes_on=dt.date(year, 4, 30),
        approved_count=OLD_COUNT,
        created_by=admin,
    )
    Standard.objects.bulk_create(Standard(programme=programme, level=k, amount=v) for k, v in STANDARDS.items())
    decided = timezone.make_aware(dt.datetime(year, 5, 15, 10))
    payouts = Payout.objects.bulk_create(
        Payout(
            org=county,
            person=workers[n],
            kind=PayoutKind.STUDY,
            amount=min(STANDARDS[STUDIES[n][1]], Decimal(STUDIES[n][5])),
            fund=FundSource.UNION_FUNDS,
            paid_on=dt.date(year, 6, 10),
            status=PayoutStatus.APPROVED,
            maker=admin,
            checker=checker,
            checked_at=decided,
        )
        for n in range(OLD_COUNT)
    )
    rows = []
    for n in range(OLD_COUNT):
        job, level, mode, school, major, fees = STUDIES[n]
        graduated = n < OLD_GRADUATED
        rows.append(
            Application(
                programme=programme,
                org=county,
                person=workers[n],
                job=job,
                front_line=True,
                level=level,
                mode=mode,
                school=school,
                major=major,
                enrolled_year=year,
                fees=Decimal(fees),
                status=StudyStatus.GRADUATED if graduated else StudyStatus.APPROVED,
                decided_by=admin,
                decided_at=decided,
                payout=payouts[n],
                graduated_on=dt.date(year + 2, 7, 1) if graduated else None,
                certificate_no=f"1{n + 1:02d}41{year + 2}0{n + 5:05d}" if graduated else "",
                submitted_by=admin,
            )
        )
    Application.objects.bulk_create(rows)
    return len(rows)


def _this_year(admin: User, county: OrgNode, workers: list[Person]) -> int:
    today, year = timezone.localdate(), timezone.localdate().year
    data = ProgrammeFields(
        year=year,
        name=f"{year}年建湖县一线职工学历提升“求学圆梦”行动",
        eligibility=Eligibility.FRONT_LINE,
        quota=8,
        budget=Decimal(20000),
        opens_on=today - dt.timedelta(days=75),
        closes_on=today + dt.timedelta(days=29),
        standards=dict(STANDARDS),
        notes="面向全县企业一线职工和产业工人，推行“班后一小时”学习；专科每人最高补助2000元，本科3000元，不超过学费。",
    )
    programme = services.programme_create(actor=admin, org=county, data=data)
    checker = _checker()
    for n, stage in enumerate(THIS_YEAR):
        job, level, mode, school, major, fees = STUDIES[n]
        fields = ApplicationFields(job, level, mode, school, major, year, Decimal(fees), front_line=True)
        application = services.application_enter(actor=admin, programme=programme, person=workers[n], data=fields)
        if stage == "submitted":
            continue
        if stage == "rejected":
            reason = "已取得大专学历，本次申请为同层次学历，不在资助范围。"
            services.application_decide(actor=admin, application=application, approve=False, reason=reason)
            continue
        services.application_decide(actor=admin, application=application, approve=True)
        if stage == "approved":
            continue
        amount = min(STANDARDS[level], Decimal(fees))
        subsidies.subsidy_enter(actor=admin, application=application, amount=amount, paid_on=today)
        if stage == "paid":
            subsidies.subsidy_approve(actor=checker, application=application)
    return len(THIS_YEAR)


def load_demo_study(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    county = OrgNode.objects.filter(code="jianhu").first()
    if county is None or Programme.objects.filter(org=county).exists():
        return 0
    old = demo_people("jh-qiuxue-old", OLD_COUNT, county.region_id)
    new = demo_people("jh-qiuxue", len(THIS_YEAR), county.region_id)
    for n, people in enumerate((old, new)):
        demo_members(people, county, employer=EMPLOYERS[n])
    return _old_programme(admin, county, old) + _this_year(admin, county, new)

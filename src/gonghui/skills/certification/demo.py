"""Demo data for 技能等级认定 from the stories: 柳市's eight pilot enterprises (正泰、德力西、人民、固力发 …) have
certified 2,865 workers since 2020 under 技能水平与薪酬等级挂钩; at 德力西 1,000余 高级工 and 300余 二级工
(the 二级 candidates held 三级 before the pilot). Every enterprise but 乐清开关 has a pay-grade table, so
most certified workers moved up a pay grade. Results go through the same service as an Excel import,
in bulk; a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Person
from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, OrgNode, StaffRole
from gonghui.orgs.roles import Role
from gonghui.orgs.services import OrgFields, org_create
from gonghui.skills.certification import batches, pilots
from gonghui.skills.certification.choices import SkillSource
from gonghui.skills.certification.levels import LevelChange, current_skills, levels_raise
from gonghui.skills.certification.models import Batch, Occupation, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_ensure
from gonghui.skills.certification.results import results_record

# union code, enterprise, certified, [(occupation code, level, share of the certified, years ago)]
ELECTRICIAN, FITTER, WELDER = "6-31-01-03", "6-20-01-01", "6-18-02-04"
E, F, W = ELECTRICIAN, FITTER, WELDER
PILOTS: list[tuple[str, str, int, list[tuple[str, str, float, int]]]] = [
    ("ls-delixi", "德力西控股集团有限公司", 1_046, [(E, "3", 0.38, 4), (E, "3", 0.33, 2), (E, "3", 0.29, 0)]),
    ("ls-zhengtai", "正泰集团股份有限公司", 400, [(E, "4", 0.5, 3), (F, "4", 0.3, 1), (W, "5", 0.2, 0)]),
    ("ls-renmin", "人民电器集团有限公司", 300, [(E, "4", 0.6, 2), (E, "3", 0.4, 0)]),
    ("ls-tianzheng", "天正电气股份有限公司", 220, [(E, "5", 0.5, 3), (F, "4", 0.5, 1)]),
    ("ls-gulifa", "固力发集团股份有限公司", 180, [(W, "5", 0.6, 2), (E, "4", 0.4, 0)]),
    ("ls-dianqi", "柳市电器科技股份有限公司", 160, [(E, "4", 1.0, 1)]),
    ("ls-huanghua", "黄华集团有限公司", 131, [(F, "4", 1.0, 0)]),
    ("ls-kaiguan", "乐清开关设备制造有限公司", 110, [(E, "5", 1.0, 1)]),
]
DELIXI_SENIOR = (318, [(0.47, 3), (0.53, 1)])  # 二级工: 318, in two batches, three and one year ago
NO_PAY_TABLE = "ls-kaiguan"
PAY = {"5": ("技能一档", 100), "4": ("技能二档", 200), "3": ("技能三档", 400), "2": ("技能四档", 800)}
FAIL_SHARE = 0.06  # candidates who did not pass: counted in the batches, not in the figures


def _union(admin: User, town: OrgNode, code: str, company: str) -> tuple[OrgNode, Enterprise]:
    union = OrgNode.objects.filter(code=code).first()
    if union is None:
        fields = OrgFields(name=f"{company}工会", kind=OrgKind.GRASSROOTS, region_code=town.region_id)
        union = org_create(actor=admin, parent=town, fields=fields, code=code)
    enterprise = Enterprise.objects.filter(union=union).first() or demo_enterprise(admin, union, company)
    return union, enterprise


def _workers(union: OrgNode, count: int) -> list[Person]:
    """`count` active members of the union (topped up with made-up workers), in a stable order."""

    def have() -> list[Person]:
        return list(Person.objects.filter(memberships__org=union, memberships__status="active").order_by("pk")[:count])

    people = have()
    if len(people) < count:
        made = demo_people(f"cert-{union.code}", int((count - len(people)) * 1.1) + 20, union.region_id)
        demo_members(made, union, employer=union.name.removesuffix("工会"))
        people = have()
    return people


def _dates(years_ago: int, today: dt.date) -> tuple[dt.date, dt.date]:
    if years_ago == 0:
        ends = today - dt.timedelta(days=20)
        return ends - dt.timedelta(days=10), ends
    return dt.date(today.year - years_ago, 5, 10), dt.date(today.year - years_ago, 5, 20)


def _rows(people: list[Person], passing: int, level: str) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for n, person in enumerate(people, start=3):
        ok = n - 3 < passing
        rows.append(
            (
                n,
                {
                    "name": person.name,
                    "id_number": person.id_number.reveal(),
                    "theory": 60 + (n * 7) % 38 if ok else 40 + n % 19,
                    "practical": 62 + (n * 11) % 36 if ok else 70 + n % 20,
                    "level": level,
                },
            )
        )
    return rows


def _batch(admin: User, pilot: PilotEnterprise, occupation: Occupation, level: str, years_ago: int, n: int) -> Batch:
    starts, ends = _dates(years_ago, timezone.localdate())
    data = batches.BatchFields(
        name=f"{ends.year}年第{n}批{occupation.name}{'一二三四五'[int(level) - 1]}级认定",
        occupation=occupation,
        levels=[level],
        starts_on=starts,
        ends_on=ends,
        assessors="陈建华、林海波、郑晓东",
    )
    return batches.batch_create(actor=admin, pilot=pilot, data=data)


def _pilot(admin: User, town: OrgNode, code: str, company: str, occupations: dict[str, Occupation]) -> PilotEnterprise:
    _union_node, enterprise = _union(admin, town, code, company)
    year = timezone.localdate().year
    pilot = pilots.pilot_designate(actor=admin, enterprise=enterprise, by=town, designated_on=dt.date(year - 6, 6, 1))
    for occupation in occupations.values():
        highest = "2" if code == "ls-delixi" and occupation.code == ELECTRICIAN else "3"
        data = pilots.LicenceFields(
            occupation=occupation,
            lowest="5",
            highest=highest,
            valid_from=dt.date(year - 6, 7, 1),
            valid_until=dt.date(year + 2, 12, 31),
            authority="乐清市人力资源和社会保障局",
            reference=f"乐人社备〔{year - 6}〕{len(code) * 7}号",
        )
        pilots.licence_add(actor=admin, pilot=pilot, data=data)
    if code != NO_PAY_TABLE:
        for level, (grade, allowance) in PAY.items():
            bonus = 100 if code == "ls-delixi" else 0
            pilots.pay_grade_set(
                actor=admin, pilot=pilot, level=level, grade=grade, allowance=Decimal(allowance + bonus)
            )
    return pilot


def _delixi_senior(admin: User, pilot: PilotEnterprise, electrician: Occupation, people: list[Person]) -> int:
    """德力西's 二级工: workers who held 三级 (国家职业资格, before the pilot), certified 二级 in two batches."""
    total, splits = DELIXI_SENIOR
    current = current_skills([p.pk for p in people], electrician, lock=True)
    levels_raise(
        [LevelChange(p.pk, "3") for p in people if p.pk not in current],
        occupation=electrician,
        on=dt.date(timezone.localdate().year - 7, 12, 1),
        source=SkillSource.OTHER,
        org=pilot.org,
        actor=admin,
        current=current,
        note="试点前取得的国家职业资格三级（高级工）证书",
    )
    start, made = 0, 0
    for n, (share, years_ago) in enumerate(splits, start=1):
        passing = round(total * share) if n < len(splits) else total - made
        batch = _batch(admin, pilot, electrician, "2", years_ago, n)
        group = people[start : start + passing]
        results_record(actor=admin, batch=batch, rows=_rows(group, passing, "2"))
        start, made = start + passing, made + passing
    return made


def load_demo_certification(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    town = OrgNode.objects.filter(code="liushi").first()
    if town is None or PilotEnterprise.objects.filter(org__path__startswith=town.path).exists():
        return 0
    occupations = {
        code: occupation_ensure(code=code, name=name)
        for code, name in ((ELECTRICIAN, "电工"), (FITTER, "装配钳工"), (WELDER, "焊工"))
    }
    made = 0
    for code, company, certified, plan in PILOTS:
        pilot = _pilot(admin, town, code, company, occupations)
        extra = DELIXI_SENIOR[0] if code == "ls-delixi" else 0
        people = _workers(pilot.org, int(certified * (1 + FAIL_SHARE)) + len(plan) + extra)
        if extra:
            made += _delixi_senior(admin, pilot, occupations[ELECTRICIAN], people[-extra:])
            people = people[:-extra]
        start, done = 0, 0
        for n, (occupation, level, share, years_ago) in enumerate(plan, start=1):
            passing = round(certified * share) if n < len(plan) else certified - done
            failing = round(passing * FAIL_SHARE)
            group = people[start : start + passing + failing]
            batch = _batch(admin, pilot, occupations[occupation], level, years_ago, n)
            results_record(actor=admin, batch=batch, rows=_rows(group, passing, level))
            start, done = start + len(group), done + passing
        made += done
    _cadre()
    return made


def _cadre() -> None:
    """德力西's certification clerk: an organizer on the enterprise's union, who sees its batches only."""
    user, created = get_user_model().objects.get_or_create(
        username="ls-delixi", defaults={"display_name": "德力西工会 · 技能认定专员"}
    )
    if created:
        user.set_password("gonghui-demo")
        user.save()
    union = OrgNode.objects.get(code="ls-delixi")
    StaffRole.objects.get_or_create(user=user, org=union, role=Role.ORGANIZER)

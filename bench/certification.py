"""技能等级认定: importing one assessment batch's results sheet of 3,000 rows, end to end, on PostgreSQL.

Ours: `excel_import.batch_import` on the xlsx bytes — read the sheet (title row, header synonyms), check
every row (GB 11643 ID, keyed hash, membership of the enterprise's union, name, scores, level, the
licence, no duplicate or lower level), then in one transaction issue a numbered certificate per pass,
write the candidates, raise the levels with their history and record the pay grades (about 2,800 of
the 3,000 pass). Each run imports into a fresh batch, the previous run's rows removed untimed.
Target: ≤ 2 s for 3,000 rows. Peer, in the same run: Django `bulk_create` of the same 3,000 candidate
rows, built from values already parsed (no file, no checks, no certificates, levels or pay grades).
"""

from __future__ import annotations

import datetime as dt
import io
import time
from decimal import Decimal
from typing import Any

from bench.harness import Timing, measure, report, result

ROWS = 3_000
UNION = "bench-cert-union"
SCALE = "3,000-row xlsx into one batch; 3,000 members in the enterprise's union; ~2,800 pass"
RUNS = 7


def _place() -> tuple[Any, Any, Any]:
    """The enterprise's union with its members, the pilot (licence, pay grades) and a superuser."""
    from django.contrib.auth import get_user_model

    from gonghui.members.demo_people import demo_members, demo_people
    from gonghui.orgs.demo import demo_enterprise
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode
    from gonghui.skills.certification import pilots
    from gonghui.skills.certification.models import PilotEnterprise
    from gonghui.skills.certification.occupations import occupation_ensure

    admin, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True})
    union = OrgNode.objects.filter(code=UNION).first()
    if union is None:
        town = OrgNode.objects.filter(code="bench-cert-town").first() or OrgNode.objects.add_root(
            instance=OrgNode(code="bench-cert-town", name="基准认定镇总工会", kind=OrgKind.TOWN, region_id="330382")
        )
        town.refresh_from_db()
        union = OrgNode.objects.add_child(
            town, instance=OrgNode(code=UNION, name="基准电器有限公司工会", kind=OrgKind.GRASSROOTS, region_id="330382")
        )
    town = OrgNode.objects.get_parent(union)
    people = demo_people("bench-cert", ROWS + 400, "330382")
    demo_members(people, union)
    pilot = PilotEnterprise.objects.filter(org=union).first()
    if pilot is None:
        enterprise = demo_enterprise(admin, union, "基准电器有限公司")
        pilot = pilots.pilot_designate(actor=admin, enterprise=enterprise, by=town, designated_on=dt.date(2020, 1, 1))
        electrician = occupation_ensure(code="6-31-01-03", name="电工")
        data = pilots.LicenceFields(
            occupation=electrician,
            lowest="5",
            highest="2",
            valid_from=dt.date(2020, 1, 1),
            valid_until=dt.date(2035, 12, 31),
            authority="乐清市人力资源和社会保障局",
        )
        pilots.licence_add(actor=admin, pilot=pilot, data=data)
        for level, allowance in (("4", 200), ("3", 400), ("2", 800)):
            pilots.pay_grade_set(
                actor=admin, pilot=pilot, level=level, grade=f"技能{level}档", allowance=Decimal(allowance)
            )
    return union, pilot, admin


def _rows(union: Any) -> list[list[Any]]:
    from gonghui.members.models import Person

    people = Person.objects.filter(memberships__org=union, memberships__status="active").order_by("pk")[:ROWS]
    rows = []
    for n, person in enumerate(people):
        passed = n % 15 != 0  # one in fifteen fails the practical
        rows.append([n + 1, person.name, person.id_number.reveal(), 60 + n % 40, 75 if passed else 45, ""])
    assert len(rows) == ROWS, len(rows)
    return rows


def _sheet(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["基准电器有限公司 电工（三级）认定成绩汇总表"])
    sheet.append(["序号", "姓名", "身份证号码", "理论成绩", "实操成绩", "证书编号"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _clear(union: Any) -> None:
    """Remove earlier runs' results (untimed): history, levels, candidates, certificates, batches."""
    from gonghui.skills.certification.models import Batch, Candidate, Certificate, PersonSkill, SkillChange

    SkillChange.objects.filter(org=union).delete()
    PersonSkill.objects.filter(org=union).delete()
    Candidate.objects.filter(batch__org=union).delete()
    Certificate.objects.filter(org=union).delete()
    Batch.objects.filter(org=union).delete()


def _new_batch(pilot: Any, admin: Any) -> Any:
    from gonghui.skills.certification import batches
    from gonghui.skills.certification.models import Occupation

    data = batches.BatchFields(
        name="基准批次",
        occupation=Occupation.objects.get(code="6-31-01-03"),
        levels=["3"],
        starts_on=dt.date(2025, 5, 10),
        ends_on=dt.date(2025, 5, 20),
        assessors="基准考评员",
    )
    return batches.batch_create(actor=admin, pilot=pilot, data=data)


def main(*, rebuild: bool = False) -> None:
    from gonghui.members.models import Person
    from gonghui.skills.certification.excel_import import batch_import
    from gonghui.skills.certification.models import Candidate

    union, pilot, admin = _place()
    rows = _rows(union)
    data = _sheet(rows)
    state: dict[str, Any] = {}

    def fresh() -> None:
        _clear(union)
        state["batch"] = _new_batch(pilot, admin)

    def ours() -> None:
        outcome = batch_import(actor=admin, batch=state["batch"], data=data, filename="成绩表.xlsx")
        assert outcome.recorded == ROWS and not outcome.errors, outcome.errors[:3]

    people = list(Person.objects.filter(memberships__org=union, memberships__status="active").order_by("pk")[:ROWS])

    def peer() -> None:
        batch = state["batch"]
        Candidate.objects.bulk_create(
            [
                Candidate(
                    batch=batch,
                    person_id=person.pk,
                    level="3",
                    theory=Decimal(row[3]),
                    practical=Decimal(row[4]),
                    passed=False,  # a pass needs a certificate (a database check): the peer writes none
                    entered_by=admin,
                )
                for person, row in zip(people, rows, strict=True)
            ],
            batch_size=2000,
        )

    started = time.perf_counter()
    ours_timing: Timing = measure(ours, runs=RUNS, warmup=1, before=fresh)
    peer_timing: Timing = measure(peer, runs=RUNS, warmup=1, before=fresh)
    _clear(union)
    print(f"({time.perf_counter() - started:.1f} s in all)")
    report(
        "certification",
        [
            result(
                "certification_import_3000_rows",
                ours_timing,
                target="≤ 2000",
                scale=SCALE,
                peer="Django bulk_create of the same 3,000 candidate rows (values parsed; no file, checks, "
                "certificates, levels or pay grades)",
                peer_timing=peer_timing,
            )
        ],
    )

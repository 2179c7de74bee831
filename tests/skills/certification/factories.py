"""Factories of the certification tests: a pilot enterprise in the Tree's 城关 union, designated by the county,
licensed for 电工 五级 to 三级 (2020–2030), with a pay-grade table; batches and result rows."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.orgs.models import OrgNode
from gonghui.skills.certification import batches, pilots
from gonghui.skills.certification.models import Batch, Occupation, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_ensure
from tests.factories import EnterpriseFactory, Tree, id_number, make_member

START, END = dt.date(2024, 5, 10), dt.date(2024, 5, 20)


def electrician() -> Occupation:
    return occupation_ensure(code="6-31-01-03", name="电工")


def make_pilot(
    tree: Tree, *, union: OrgNode | None = None, name: str = "商南电器有限公司", grades: bool = True
) -> PilotEnterprise:
    enterprise = EnterpriseFactory(name=name, union=union or tree.union)
    pilot = pilots.pilot_designate(actor=tree.cadre, enterprise=enterprise, by=tree.county, designated_on=START)
    data = pilots.LicenceFields(
        occupation=electrician(),
        lowest="5",
        highest="3",
        valid_from=dt.date(2020, 1, 1),
        valid_until=dt.date(2030, 12, 31),
        authority="商南县人力资源和社会保障局",
        reference="商人社备〔2020〕8号",
    )
    pilots.licence_add(actor=tree.cadre, pilot=pilot, data=data)
    if grades:
        for level, grade, allowance in (("5", "技能一档", 100), ("4", "技能二档", 200), ("3", "技能三档", 400)):
            pilots.pay_grade_set(actor=tree.cadre, pilot=pilot, level=level, grade=grade, allowance=Decimal(allowance))
    return pilot


def batch_fields(**overrides: Any) -> batches.BatchFields:
    values: dict[str, Any] = {
        "name": "2024年第一批电工认定",
        "occupation": electrician(),
        "levels": ["3"],
        "starts_on": START,
        "ends_on": END,
        "assessors": "陈建华、林海波",
    }
    values.update(overrides)
    return batches.BatchFields(**values)


def make_batch(tree: Tree, pilot: PilotEnterprise, *, actor: Any = None, **overrides: Any) -> Batch:
    return batches.batch_create(actor=actor or tree.union_cadre, pilot=pilot, data=batch_fields(**overrides))


def members(org: OrgNode, first: int, count: int) -> list[Any]:
    return [make_member(org, seq, name=f"职工{seq}") for seq in range(first, first + count)]


def row(seq: int, theory: Any = 85, practical: Any = 90, **extra: Any) -> dict[str, Any]:
    return {"name": f"职工{seq}", "id_number": id_number(seq), "theory": theory, "practical": practical, **extra}


def rows(*items: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [(n, values) for n, values in enumerate(items, start=3)]


def xlsx(lines: list[list[Any]], name: str = "成绩表.xlsx") -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2024年第一批电工（三级）认定成绩汇总表"])  # a title row above the header, as enterprises write them
    for line in lines:
        sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())

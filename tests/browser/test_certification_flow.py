"""德力西's certification clerk uploads a batch's results, sees the row errors, fixes the sheet and imports it;
the certified worker's level and pay grade show on the batch's page and on the worker's phone (我的)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.utils import timezone

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role
from gonghui.skills.certification import batches, pilots
from gonghui.skills.certification.models import Batch, Candidate
from gonghui.skills.certification.occupations import occupation_ensure
from tests.browser.phone import sign_in
from tests.factories import EnterpriseFactory, UserFactory, grant, make_org
from tests.members.conftest import make_id

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
WORKERS = [("林高工", 61, "13912340061"), ("陈电工", 62, "13912340062")]


@pytest.fixture
def batch(regions: None) -> Batch:
    town = make_org("乐清市柳市镇总工会", kind=OrgKind.TOWN, code="liushi", region="330382")
    union = make_org("德力西控股集团有限公司工会", parent=town, code="ls-delixi", region="330382")
    admin = UserFactory(username="liushi", is_superuser=True)
    clerk = UserFactory(username="delixi-clerk")
    grant(clerk, union, Role.ORGANIZER)
    for name, seq, mobile in WORKERS:
        person = Person.objects.create(
            name=name, id_number=make_id(seq, birth="19880101"), mobile=mobile, **person_keys(name)
        )
        Membership.objects.create(
            person=person, org=union, status=MembershipStatus.ACTIVE, source="cadre", applied_at=timezone.now()
        )
    enterprise = EnterpriseFactory(name="德力西控股集团有限公司", union=union)
    pilot = pilots.pilot_designate(actor=admin, enterprise=enterprise, by=town, designated_on=dt.date(2020, 6, 1))
    electrician = occupation_ensure(code="6-31-01-03", name="电工")
    pilots.licence_add(
        actor=admin,
        pilot=pilot,
        data=pilots.LicenceFields(
            occupation=electrician,
            lowest="5",
            highest="2",
            valid_from=dt.date(2020, 7, 1),
            valid_until=dt.date(2030, 12, 31),
            authority="乐清市人力资源和社会保障局",
        ),
    )
    pilots.pay_grade_set(actor=admin, pilot=pilot, level="3", grade="技能三档", allowance=Decimal(500))
    today = timezone.localdate()
    data = batches.BatchFields(
        name="电工三级第一批认定",
        occupation=electrician,
        levels=["3"],
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=3),
        assessors="陈建华、林海波",
    )
    return batches.batch_create(actor=admin, pilot=pilot, data=data)


def _sheet(path: Path, rows: list[list[Any]]) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["德力西控股集团有限公司 电工（三级）认定成绩汇总表"])
    sheet.append(["序号", "姓名", "身份证号码", "理论成绩", "实操成绩"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def test_clerk_fixes_row_errors_imports_and_the_worker_sees_level_and_pay_grade(
    live_server: Any, browser: Any, batch: Batch, artifacts: Path, tmp_path: Path
) -> None:
    base = live_server.url
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    desk.goto(f"{base}/accounts/login/")
    desk.fill("input[name=username]", "delixi-clerk")
    desk.fill("input[name=password]", "pass-word-123")
    desk.click("button.primary")
    desk.wait_for_url(f"{base}/")
    desk.goto(f"{base}/certification/batches/")
    desk.click("text=电工三级第一批认定")
    first, second = (make_id(seq, birth="19880101") for _name, seq, _mobile in WORKERS)
    wrong = _sheet(tmp_path / "成绩表.xlsx", [[1, "林高工", first, 86, 92], [2, "陈电工", second, 108, 75]])
    desk.set_input_files("#id_file", wrong)
    desk.click("#import-form button.primary")
    desk.wait_for_selector("#row-errors")
    errors = desk.inner_text("#row-errors")
    assert "整张表未录入" in errors and "4" in errors and "理论成绩应在0到100之间" in errors
    assert not Candidate.objects.exists()
    desk.screenshot(path=str(artifacts / "browser-certification-row-errors.png"), full_page=True)

    fixed = _sheet(tmp_path / "成绩表（修改后）.xlsx", [[1, "林高工", first, 86, 92], [2, "陈电工", second, 58, 75]])
    desk.set_input_files("#id_file", fixed)
    desk.click("#import-form button.primary")
    desk.wait_for_selector("#candidates")
    assert "已录入 2 人，通过认定 1 人，晋升薪酬等级 1 人" in desk.inner_text("body")
    table = desk.inner_text("#candidates")
    assert "林高工" in table and "技能三档" in table and "每月 500" in table and "未通过" in table
    desk.screenshot(path=str(artifacts / "browser-certification-imported.png"), full_page=True)

    phone = browser.new_context(**PHONE).new_page()
    phone.goto(f"{base}/h5/me/")
    sign_in(phone, WORKERS[0][2], name="林高工", id_number=first)
    phone.goto(f"{base}/h5/me/")
    body = phone.inner_text("body")
    assert "我的技能等级" in body and "电工 三级/高级工" in body and "技能三档" in body
    phone.screenshot(path=str(artifacts / "browser-certification-my-level-phone.png"), full_page=True)

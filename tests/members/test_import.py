import datetime as dt
import io
import json
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection

from gonghui.members.importer.pipeline import Mode, roster_import
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from tests.members.conftest import make_id
from tests.world import World

GOOD = [make_id(i, birth="19881111") for i in range(1, 6)]


def roster(rows: list[list[object]], *, title: bool = True) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append(["大中街道快递员工会会员花名册"])
        ws.merge_cells("A1:H1")
        ws.append([])
    ws.append(["序号", "职工姓名", "公民身份号码", "手机号", "性别", "入会时间", "用工形式", "所在村（社区）"])
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def good_rows() -> list[list[object]]:
    return [
        ["张 三", GOOD[0], "13800000001", "男", 45458, "快递员", "城关社区"],
        ["李四", GOOD[1].lower(), "１３８００００００02", "", "2024年6月1日", "劳动合同", "城关社区"],
        ["王五", GOOD[2], "", "", dt.date(2024, 1, 2), "", ""],
    ]


def test_a_clean_roster_imports_and_a_second_run_changes_nothing(world: World) -> None:
    data = roster(good_rows())
    first = roster_import(actor=world.users["owner"], org=world.union_a, source=data, filename="花名册.xlsx")
    assert first.summary() | {"seconds": 0} == {
        "rows": 3,
        "importable": 3,
        "imported": 3,
        "rejected": 0,
        "duplicates": 0,
        "repeat_count": 0,
        "repeats": [],
        "seconds": 0,
        "committed": True,
    }
    m = Membership.objects.get(person__name="张 三")
    assert (m.status, m.source, m.joined_on, m.employment_form) == ("active", "import", dt.date(2024, 6, 15), "courier")
    assert m.member_no == f"320904{m.pk:08d}" and m.person.village == "城关社区"
    assert Person.objects.get(name="李四").mobile == "13800000002"
    assert OrgNode.objects.get(pk=world.union_a.pk).member_count == 1 + 3
    second = roster_import(actor=world.users["owner"], org=world.union_a, source=data, filename="花名册.xlsx")
    assert (second.imported, second.duplicates, second.rejected) == (0, 3, 0)
    assert Membership.objects.filter(source="import").count() == 3


def test_all_mode_commits_nothing_when_a_row_is_bad_and_valid_mode_commits_the_rest(world: World) -> None:
    rows = [
        *good_rows(),
        ["赵六", 110105194912310020, "", "", "", "", ""],
        ["钱七", GOOD[3], "123", "男", "", "司机", ""],
    ]
    before = Membership.objects.count()
    result = roster_import(actor=world.users["owner"], org=world.union_a, source=roster(rows), filename="r.xlsx")
    assert (result.rejected, result.imported, result.committed) == (2, 0, False)
    assert Membership.objects.count() == before
    reasons = {(e.number, e.column): e.reason for e in result.errors}
    assert "Excel 存成了数字" in reasons[(7, "id_number")]
    assert "手机号码" in reasons[(8, "mobile")] and "不是可选值" in reasons[(8, "employment_form")]
    assert {e.number for e in result.errors} == {7, 8}  # Excel row numbers, below the title rows
    valid = roster_import(
        actor=world.users["owner"], org=world.union_a, source=roster(rows), filename="r.xlsx", mode=Mode.VALID
    )
    assert (valid.imported, valid.rejected, valid.committed) == (3, 2, True)


def test_dry_run_previews_masked_rows_and_writes_nothing(world: World) -> None:
    result = roster_import(
        actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx", dry_run=True
    )
    assert result.imported == 0 and not result.committed and len(result.preview) == 3
    assert result.preview[0]["id_number"] == GOOD[0][:6] + "********" + GOOD[0][-4:]
    assert not Person.objects.filter(name="张 三").exists()


def test_members_of_another_union_are_rejected_with_the_transfer_hint(world: World) -> None:
    rows = [["李在册", "320904198506120014", "", "", "", "", ""], ["李在册", GOOD[4], "", "", "", "", ""]]
    result = roster_import(
        actor=world.users["sibling"], org=world.union_b, source=roster(rows), filename="r.xlsx", mode=Mode.VALID
    )
    assert "请办理转会" in result.errors[0].reason and result.imported == 1


def test_ethnic_group_names_are_normalised_or_rejected(world: World) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "民族"])
    ws.append(["马一", GOOD[0], "回"])
    ws.append(["马二", GOOD[1], "火星"])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = roster_import(
        actor=world.users["owner"], org=world.union_a, source=buffer.getvalue(), filename="m.xlsx", mode=Mode.VALID
    )
    assert result.imported == 1 and Person.objects.get(name="马一").ethnicity == "回族"
    assert result.errors[0].number == 3 and result.errors[0].reason == "民族名称无效。"


def test_same_person_twice_in_one_file_is_one_member(world: World) -> None:
    rows = [good_rows()[0], good_rows()[0]]
    result = roster_import(actor=world.users["owner"], org=world.union_a, source=roster(rows), filename="r.xlsx")
    assert (result.imported, result.duplicates, result.repeats) == (1, 0, [(5, 4)])  # below the title rows
    assert result.summary()["repeats"] == [{"row": 5, "first": 4}]


def test_no_plain_id_or_phone_reaches_the_database(world: World) -> None:
    roster_import(actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, mobile FROM members_person")
        dump = repr(cursor.fetchall())
    assert GOOD[0] not in dump and "13800000001" not in dump


def test_command_prints_json_last_and_writes_the_report(world: World, tmp_path: Path) -> None:
    from tests.factories import UserFactory

    UserFactory(username="platform", is_superuser=True)
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(roster([*good_rows(), ["坏行", "123", "", "", "", "", ""]]))
    report = tmp_path / "errors.xlsx"
    out = StringIO()
    call_command("import_members", str(path), org=world.union_a.code, mode="valid", report=str(report), stdout=out)
    summary = json.loads(out.getvalue().strip().splitlines()[-1])
    assert {k: summary[k] for k in ("rows", "imported", "rejected", "duplicates")} == {
        "rows": 4,
        "imported": 3,
        "rejected": 1,
        "duplicates": 0,
    }
    sheet = openpyxl.load_workbook(report).active
    assert [c.value for c in sheet[1]] == ["行号", "列", "内容", "原因"]
    assert sheet.cell(2, 1).value == 7 and sheet.cell(2, 2).value == "身份证号"


def test_header_problems_are_a_clear_error(world: World) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as info:
        roster_import(actor=world.users["owner"], org=world.union_a, source=b"a,b\n1,2\n", filename="x.csv")
    assert "表头" in info.value.messages[0]


def test_workbench_upload_dry_run_preview_then_confirm(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from gonghui.common.models import Job

    client = Client()
    client.force_login(world.users["owner"])
    upload = SimpleUploadedFile("花名册.xlsx", roster([*good_rows(), ["坏行", "123", "", "", "", "", ""]]))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(reverse("members:import"), {"org": world.union_a.code, "file": upload, "mode": "valid"})
    dry = Job.objects.filter(kind="members.import", params__dry_run=True).latest("created_at")
    assert response["Location"] == reverse("workbench:job", args=[dry.pk])
    page = client.get(response["Location"]).content.decode()
    assert "确认导入" in page and "下载错误报告" in page and "第" not in dry.error
    assert dry.result["importable"] == 3 and dry.result["rejected"] == 1
    assert not Membership.objects.filter(source="import").exists()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        confirmed = client.post(reverse("members:import_commit", args=[dry.pk]))
    real = Job.objects.filter(kind="members.import", params__dry_run=False).get()
    assert confirmed["Location"] == reverse("workbench:job", args=[real.pk])
    assert real.status == "succeeded" and real.result["imported"] == 3
    assert Membership.objects.filter(source="import").count() == 3
    again = client.post(reverse("members:import_commit", args=[dry.pk]), follow=True)
    assert "已经确认导入过了" in again.content.decode()


def test_upload_refuses_other_file_types(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(world.users["owner"])
    response = client.post(
        reverse("members:import"),
        {"org": world.union_a.code, "file": SimpleUploadedFile("名册.pdf", b"%PDF-1.4"), "mode": "all"},
    )
    assert "只支持 xlsx、xls、csv" in response.content.decode()


def test_api_import_round_trip(world: World, django_capture_on_commit_callbacks: object) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    headers = {"Authorization": f"Bearer {world.tokens['owner']}"}
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        started = (
            Client()
            .post(
                f"/api/v1/members/imports?org_code={world.union_a.code}",
                {"file": SimpleUploadedFile("r.xlsx", roster(good_rows()))},
                headers=headers,
            )
            .json()
        )
    status = Client().get(f"/api/v1/jobs/{started['job_id']}", headers=headers).json()
    assert status["status"] == "succeeded" and status["result"]["importable"] == 3
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        confirmed = Client().post(f"/api/v1/members/imports/{started['job_id']}/confirm", headers=headers).json()
    final = Client().get(f"/api/v1/jobs/{confirmed['job_id']}", headers=headers).json()
    assert final["result"]["imported"] == 3


def test_the_preview_names_columns_in_chinese_and_lists_repeated_people(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    client = Client()
    client.force_login(world.users["owner"])
    rows = [*good_rows(), good_rows()[0], ["坏行", "123", "", "", "", "", ""]]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        started = client.post(
            "/members/import/",
            {"org": "测试基层工会", "mode": "valid", "file": SimpleUploadedFile("r.xlsx", roster(rows))},
        )
    job_page = client.get(started["Location"]).content.decode()
    assert "<td>身份证号</td>" in job_page and "id_number" not in job_page
    assert 'id="repeat-count">1<' in job_page and "第 7 行（同第 4 行）" in job_page

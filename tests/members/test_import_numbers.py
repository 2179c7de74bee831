"""Member numbers in a roster: kept when given, refused when taken, never in the way of the platform's own."""

import io

import openpyxl

from gonghui.members.importer.pipeline import Mode, roster_import
from gonghui.members.models import Membership
from tests.members.test_import import GOOD
from tests.world import World


def numbered_roster(rows: list[tuple[str, str, str]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "会员编号"])
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _import(world: World, rows: list[tuple[str, str, str]]) -> tuple[dict[int, str], list[str]]:
    result = roster_import(
        actor=world.users["owner"],
        org=world.union_a,
        source=numbered_roster(rows),
        filename="r.xlsx",
        mode=Mode.VALID,
    )
    imported = Membership.objects.filter(org=world.union_a, source="import").order_by("pk")
    return {e.number: e.reason for e in result.errors}, [m.member_no for m in imported]


def test_given_numbers_are_kept_and_numberless_rows_get_the_platforms(world: World) -> None:
    errors, numbers = _import(world, [("张三", GOOD[0], "DF-0100"), ("李四", GOOD[1], "")])
    last = Membership.objects.get(person__name="李四")
    assert errors == {}
    assert numbers == ["DF-0100", f"320904{last.pk:08d}"]


def test_a_number_in_use_or_given_twice_in_the_file_is_refused_with_its_row(world: World) -> None:
    assert world.member.member_no == "DF-0001"
    errors, numbers = _import(
        world, [("张三", GOOD[0], "DF-0001"), ("李四", GOOD[1], "DF-0002"), ("王五", GOOD[2], "DF-0002")]
    )
    assert errors == {2: "会员编号“DF-0001”已被使用。", 4: "会员编号“DF-0002”已被使用。"}
    assert numbers == ["DF-0002"]


def test_a_number_the_platform_may_still_give_is_refused_but_an_old_one_is_kept(world: World) -> None:
    last = Membership.objects.order_by("-pk").first()
    assert last is not None
    upcoming, used_up = f"320904{last.pk + 1:08d}", f"320904{last.pk:08d}"
    Membership.objects.filter(member_no=used_up).update(member_no="old")  # free the old number
    # 李四 may be given that very number: without the check the whole import could fail on the unique index.
    errors, numbers = _import(world, [("张三", GOOD[0], upcoming), ("李四", GOOD[1], ""), ("王五", GOOD[2], used_up)])
    assert errors == {2: f"会员编号“{upcoming}”与系统自动编号的格式相同，可能与新会员的编号重复，请换一个编号。"}
    assert numbers[1] == used_up and len(numbers) == 2

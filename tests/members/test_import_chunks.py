"""The chunked import: worker processes, plans that span chunks, COPY text, and crashes mid-way."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings

from gonghui.members.importer import pipeline
from gonghui.members.importer.copy_writer import _line
from gonghui.members.importer.pipeline import Mode, roster_import
from gonghui.members.models import Membership, Person
from tests.members.conftest import make_id
from tests.members.test_import import GOOD, good_rows, roster
from tests.world import World


def _spread_rows() -> list[list[object]]:
    """Good rows, a bad one, and a person repeated in a later chunk."""
    return [*good_rows(), ["赵六", "12345", "", "", "", "", ""], good_rows()[0], ["孙七", GOOD[3], "", "", "", "", ""]]


@pytest.mark.parametrize("workers", [1, 2])
def test_chunks_plan_as_one_file_in_process_and_in_workers(
    world: World, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 2)  # every chunk boundary is crossed by the rows above
    with override_settings(IMPORT_WORKERS=workers, IMPORT_PARALLEL_MIN_BYTES=0):
        result = roster_import(
            actor=world.users["owner"],
            org=world.union_a,
            source=roster(_spread_rows()),
            filename="r.xlsx",
            mode=Mode.VALID,
        )
    assert (result.rows, result.imported, len(result.repeats), result.rejected) == (6, 4, 1, 1)
    assert [e.number for e in result.errors] == [7] and "18 位" in result.errors[0].reason
    assert [p["name"] for p in result.preview] == ["张 三", "李四", "王五", "孙七"]
    assert Membership.objects.filter(org=world.union_a, source="import").count() == 4


@override_settings(IMPORT_WORKERS=2, IMPORT_PARALLEL_MIN_BYTES=0)
def test_a_file_without_a_header_is_a_clear_error_with_workers_too(world: World) -> None:
    with pytest.raises(ValidationError, match="没有找到表头"):
        roster_import(actor=world.users["owner"], org=world.union_a, source=b"a,b\n1,2\n", filename="r.csv")


def test_a_crash_mid_way_leaves_no_partial_import(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 1)
    real_plan = pipeline._Planner.plan
    planned: list[int] = []

    def plan_then_crash(self: Any, rows: Any) -> Any:
        planned.append(len(rows))
        if len(planned) == 3:  # two chunks are already written when the third fails
            raise RuntimeError("disk full")
        return real_plan(self, rows)

    monkeypatch.setattr(pipeline._Planner, "plan", plan_then_crash)
    world.union_a.refresh_from_db()
    before = (Person.objects.count(), Membership.objects.count(), world.union_a.member_count)
    with pytest.raises(RuntimeError):
        roster_import(actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx")
    world.union_a.refresh_from_db()
    assert (Person.objects.count(), Membership.objects.count(), world.union_a.member_count) == before


def test_copy_lines_escape_what_postgres_would_misread() -> None:
    assert _line(("a", None, "b")) == b"a\t\\N\tb\n"
    assert _line(("C:\\路", "x\ty", None)) == b"C:\\\\\xe8\xb7\xaf\tx\\ty\t\\N\n"


def test_backslashes_survive_the_round_trip(world: World) -> None:
    rows = [["钱八", make_id(9, birth="19900101"), "", "", "", "", "一\\二社区"]]
    roster_import(actor=world.users["owner"], org=world.union_a, source=roster(rows), filename="r.xlsx")
    assert Person.objects.get(name="钱八").village == "一\\二社区"


def test_a_dry_run_ticks_outside_any_transaction_and_a_commit_inside_its_own(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A dry run holding a transaction would, on SQLite, keep every other writer out, the progress bar included.
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 1)
    outside = len(connection.atomic_blocks)
    depths: dict[bool, list[int]] = {True: [], False: []}
    for dry_run in (True, False):
        roster_import(
            actor=world.users["owner"],
            org=world.union_a,
            source=roster(good_rows()),
            filename="r.xlsx",
            dry_run=dry_run,
            tick=lambda seen, dry_run=dry_run: depths[dry_run].append(len(connection.atomic_blocks)),
        )
    assert depths == {True: [outside] * 3, False: [outside + 1] * 3}

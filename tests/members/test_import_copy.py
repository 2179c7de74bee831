"""The PostgreSQL write path of roster imports: COPY, and foreign keys kept without per-row triggers (ADR 0006)."""

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from gonghui.members.importer import copy_writer
from gonghui.members.importer.copy_writer import CopyWriter, may_switch_off_row_triggers
from gonghui.members.importer.pipeline import roster_import
from gonghui.members.models import Membership, Person
from gonghui.members.services import membership_end
from tests.members.test_import import good_rows, roster
from tests.world import World

pytestmark = pytest.mark.postgres


def _orphans() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM members_membership m LEFT JOIN members_person p ON p.id = m.person_id "
            "LEFT JOIN orgs_orgnode o ON o.id = m.org_id WHERE p.id IS NULL OR o.id IS NULL"
        )
        return int(cursor.fetchone()[0])


def _replication_role() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_the_suite_role_may_switch_row_triggers_off() -> None:
    # CI connects as the postgres superuser; without this the tests below would not cover the fast path.
    with connection.cursor() as cursor:
        assert may_switch_off_row_triggers(cursor)


def test_import_without_row_triggers_leaves_no_orphans_and_turns_them_back_on(world: World) -> None:
    # The test runs inside a transaction, so a SET LOCAL left behind would still be in force here.
    result = roster_import(actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx")
    assert result.imported == 3
    assert _replication_role() == "origin"
    assert _orphans() == 0
    # Row triggers are back: a membership pointing at nobody is refused when the constraints are checked.
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.filter(person__name="李四").update(person_id=10**9)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_a_person_on_file_who_left_rejoins_by_import_and_is_locked_in(world: World) -> None:
    roster_import(actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx")
    left = Membership.objects.get(person__name="王五", status="active")
    membership_end(actor=world.users["owner"], membership=left, reason="离职")
    people = Person.objects.count()
    result = roster_import(
        actor=world.users["owner"], org=world.union_a, source=roster(good_rows()[2:]), filename="r.xlsx"
    )
    assert (result.imported, Person.objects.count()) == (1, people)
    assert Membership.objects.filter(person=left.person, status="active").count() == 1
    assert _orphans() == 0


def test_a_person_removed_meanwhile_stops_the_write(world: World) -> None:
    writer = CopyWriter(org_id=world.union_a.pk, region=world.union_a.region_id)
    entry: Any = type("Prepared", (), {"member_no": "", "id_hmac": "x", "membership_copy": b""})()
    with pytest.raises(IntegrityError, match="removed meanwhile"), transaction.atomic():
        writer.write([(entry, 10**9)])  # a person id that does not exist


def test_without_the_privilege_the_ordinary_checks_run(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    switched: list[str] = []
    monkeypatch.setattr(copy_writer, "may_switch_off_row_triggers", lambda cursor: switched.append("asked") or False)
    result = roster_import(actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx")
    assert (result.imported, switched) == (3, ["asked"])
    assert _orphans() == 0


def test_dry_runs_never_switch_triggers_off(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copy_writer, "may_switch_off_row_triggers", lambda cursor: pytest.fail("asked"))
    result = roster_import(
        actor=world.users["owner"], org=world.union_a, source=roster(good_rows()), filename="r.xlsx", dry_run=True
    )
    assert (result.importable, result.imported) == (3, 0)
    assert not Membership.objects.filter(source="import").exists()

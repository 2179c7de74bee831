"""Concurrent tree writes on PostgreSQL.

treebeard locks the parent row for an insert, which keeps sibling paths unique,
but a subtree move rewrites paths with one UPDATE that cannot see rows inserted
under the subtree by a transaction that commits while it waits. The tree lock
(docs/adr/0001) serialises the two; without it the new child is orphaned under
the old path.
"""

import threading
import time
from typing import Any

import pytest
from django.db import connection

from gonghui.orgs import services
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.services import OrgFields, org_create, org_move
from tests.factories import UserFactory, make_org

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]


def run(target: Any, errors: list[BaseException]) -> threading.Thread:
    def body() -> None:
        try:
            target()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=body)
    thread.start()
    return thread


def test_parallel_inserts_under_one_parent_all_succeed() -> None:
    admin = UserFactory(is_superuser=True)
    parent = make_org("并发测试总工会", kind=OrgKind.FED_COUNTY, code="race-root")
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def create(i: int) -> None:
        barrier.wait()
        fields = OrgFields(name=f"并发基层工会{i}", kind=OrgKind.GRASSROOTS, region_code="320904")
        org_create(actor=admin, parent=OrgNode.objects.get(pk=parent.pk), fields=fields)

    for thread in [run(lambda i=i: create(i), errors) for i in range(6)]:
        thread.join()
    assert errors == []
    parent.refresh_from_db()
    children = OrgNode.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    assert children.count() == parent.numchild == 6


def test_insert_racing_a_move_lands_under_the_moved_subtree(monkeypatch: pytest.MonkeyPatch) -> None:
    admin = UserFactory(is_superuser=True)
    root = make_org("盐城市总工会", code="race-city", region="320900")
    county_a = make_org("大丰区总工会", parent=root, kind=OrgKind.FED_COUNTY, code="race-a")
    county_b = make_org("建湖县总工会", parent=root, kind=OrgKind.FED_COUNTY, code="race-b")
    town = make_org("大中街道总工会", parent=county_a, kind=OrgKind.TOWN, code="race-town")
    inserted, release = threading.Event(), threading.Event()
    real_audit = services.audit_record

    def slow_audit(**kwargs: Any) -> Any:
        # Hold the insert's transaction open (locks taken, not committed) until the move has started.
        if kwargs.get("action") == "create" and threading.current_thread().name == "inserter":
            inserted.set()
            release.wait(10)
        return real_audit(**kwargs)

    monkeypatch.setattr(services, "audit_record", slow_audit)
    errors: list[BaseException] = []

    def insert() -> None:
        threading.current_thread().name = "inserter"
        fields = OrgFields(name="新建基层工会", kind=OrgKind.GRASSROOTS, region_code="320904")
        org_create(actor=admin, parent=OrgNode.objects.get(pk=town.pk), fields=fields, code="race-new")

    def move() -> None:
        org_move(actor=admin, org=OrgNode.objects.get(pk=town.pk), new_parent=OrgNode.objects.get(pk=county_b.pk))

    inserter = run(insert, errors)
    assert inserted.wait(10)
    mover = run(move, errors)
    time.sleep(0.5)  # the mover is now waiting on the inserter
    release.set()
    inserter.join(10)
    mover.join(10)
    assert errors == []
    town.refresh_from_db()
    child = OrgNode.objects.get(code="race-new")
    assert town.path.startswith(OrgNode.objects.get(pk=county_b.pk).path)
    assert child.path.startswith(town.path) and child.depth == town.depth + 1

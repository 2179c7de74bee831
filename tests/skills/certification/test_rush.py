"""Results entered at once on PostgreSQL: the database keeps one result per person and batch and one current
level per person and occupation, whoever arrives first."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.skills.certification.models import Batch, Candidate, Certificate, PersonSkill, SkillChange
from gonghui.skills.certification.results import Outcome, results_record
from tests.factories import Tree
from tests.skills.certification.factories import make_batch, make_pilot, members, row, rows

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]


def _race(calls: list[tuple[Any, Batch]], data: list[tuple[int, dict[str, Any]]]) -> list[Outcome | str]:
    barrier = threading.Barrier(len(calls))

    def enter(actor: Any, batch: Batch) -> Outcome | str:
        try:
            barrier.wait(timeout=30)
            return results_record(actor=actor, batch=Batch.objects.get(pk=batch.pk), rows=data)
        except ValidationError as exc:
            return exc.messages[0]
        finally:
            connection.close()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(lambda call: enter(*call), calls))


def test_the_same_sheet_uploaded_eight_times_at_once_is_recorded_once(transactional_db: None) -> None:
    tree = Tree()
    batch = make_batch(tree, make_pilot(tree))
    members(tree.union, 1, 30)
    outcomes = _race([(tree.union_cadre, batch)] * 8, rows(*(row(i) for i in range(1, 31))))
    assert all(isinstance(o, Outcome) and not o.errors for o in outcomes), outcomes
    assert sorted(o.recorded for o in outcomes) == [0] * 7 + [30]  # type: ignore[union-attr]
    assert Candidate.objects.count() == Certificate.objects.count() == PersonSkill.objects.count() == 30


def test_two_batches_raising_the_same_workers_at_once_raise_them_once(transactional_db: None) -> None:
    tree = Tree()
    pilot = make_pilot(tree)
    first, second = make_batch(tree, pilot, name="甲批"), make_batch(tree, pilot, name="乙批")
    members(tree.union, 1, 20)
    outcomes = _race([(tree.union_cadre, first), (tree.cadre, second)], rows(*(row(i) for i in range(1, 21))))
    recorded = [o for o in outcomes if isinstance(o, Outcome) and o.recorded]
    refused = [o for o in outcomes if not (isinstance(o, Outcome) and o.recorded)]
    assert len(recorded) == 1 and len(refused) == 1, outcomes
    refusal = refused[0]
    assert isinstance(refusal, str) or all("已持有" in e.reason for e in refusal.errors)
    assert PersonSkill.objects.count() == SkillChange.objects.count() == Candidate.objects.count() == 20

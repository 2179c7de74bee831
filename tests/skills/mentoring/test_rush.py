"""Pairing rushes on PostgreSQL: eight cadres pair eight apprentices with one mentor (at most three) at once
and three pairs are made; four cadres pair one apprentice with four mentors at once and one pair is made."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.skills.mentoring import services
from gonghui.skills.mentoring.models import Mentor, Pair
from tests.factories import Tree, make_member
from tests.skills.mentoring.factories import make_mentor, pair_fields

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]


def _together(calls: list[Callable[[], Any]]) -> tuple[int, list[str], list[BaseException]]:
    barrier = threading.Barrier(len(calls))
    ok: list[int] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            call()
            ok.append(1)
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(ok), refused, errors


def test_a_mentors_maximum_holds_under_a_rush(transactional_db: None) -> None:
    tree = Tree()
    mentor = make_mentor(tree.county, make_member(tree.union, 1).person, tree.cadre, most=3)
    people = [make_member(tree.union, 10 + i).person for i in range(8)]

    def pair(person: Any) -> Callable[[], Any]:
        return lambda: services.pair_create(
            actor=tree.cadre,
            org=tree.union,
            mentor=Mentor.objects.get(pk=mentor.pk),
            apprentice=person,
            data=pair_fields(),
        )

    ok, refused, errors = _together([pair(p) for p in people])
    assert errors == [] and ok == 3 and all("已达上限3人" in r for r in refused)
    assert Pair.objects.count() == 3 and Mentor.objects.get(pk=mentor.pk).active_count == 3


def test_one_apprentice_with_four_mentors_at_once_gets_one_pair(transactional_db: None) -> None:
    tree = Tree()
    mentors = [make_mentor(tree.county, make_member(tree.union, 20 + i).person, tree.cadre) for i in range(4)]
    apprentice = make_member(tree.union, 30).person

    def pair(mentor: Mentor) -> Callable[[], Any]:
        return lambda: services.pair_create(
            actor=tree.cadre, org=tree.union, mentor=mentor, apprentice=apprentice, data=pair_fields()
        )

    ok, refused, errors = _together([pair(m) for m in mentors])
    assert errors == [] and ok == 1 and len(refused) == 3
    assert Pair.objects.filter(apprentice=apprentice).count() == 1
    assert sum(Mentor.objects.values_list("active_count", flat=True)) == 1  # the refused pairs gave places back

"""The quota under a rush on PostgreSQL: 40 entries of one union at once against its 5 places make exactly 5
entries; the rest are refused with the reason, and the counter, the sign-ups and the event agree."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.events.models import Event, SignUp
from gonghui.skills.competitions import entries
from gonghui.skills.competitions.models import Competition, Entry, Quota
from tests.factories import Tree
from tests.skills.competitions.factories import entrants, make_competition

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]
THREADS = 40


def test_concurrent_entries_never_exceed_a_unions_quota(transactional_db: None) -> None:
    tree = Tree()
    competition = make_competition(tree.county, tree.cadre, quota_per_union=5)
    people = entrants(tree.union, 1, THREADS)
    barrier = threading.Barrier(THREADS)
    refused: list[str] = []
    errors: list[BaseException] = []

    def enter(member_no: str) -> None:
        try:
            barrier.wait(timeout=30)
            entries.entry_create(
                actor=tree.union_cadre,
                competition=Competition.objects.get(pk=competition.pk),
                org=tree.union,
                member_nos=[member_no],
            )
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        for m in people:
            pool.submit(enter, m.member_no)
    assert errors == []
    assert len(refused) == THREADS - 5 and all("名额已用完" in r for r in refused)
    made = Entry.objects.filter(competition=competition)
    assert made.count() == 5 and sorted(made.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    assert Quota.objects.get(competition=competition, org=tree.union).used == 5
    assert SignUp.objects.filter(event=competition.event).count() == 5
    assert Event.objects.get(pk=competition.event_id).held == 5

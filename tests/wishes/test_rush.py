"""The claim rush on PostgreSQL: 100 donors claim one wish at once, and exactly one gets it.

CI's PostgreSQL allows 100 connections, so the 100 claims run on 60 threads, each thread its own
connection, the first 60 released together by a barrier.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.members.models import Person
from gonghui.wishes import claims
from gonghui.wishes.choices import ClaimantKind, ClaimStatus, WishStatus
from gonghui.wishes.models import Claim, Wish
from tests.factories import Tree, make_member
from tests.wishes.factories import make_wish

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]
THREADS = 60


def _rush(wish: Wish, people: list[Person], user: object) -> tuple[list[str], list[BaseException]]:
    refused: list[str] = []
    errors: list[BaseException] = []
    parties = min(THREADS, len(people))
    barrier = threading.Barrier(parties)

    def claim(person: Person, wait: bool) -> None:
        try:
            if wait:
                barrier.wait(timeout=30)
            claims.claim_as_member(person=person, user=user, wish=Wish.objects.get(pk=wish.pk))  # type: ignore[arg-type]
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        for i, person in enumerate(people):
            pool.submit(claim, person, i < parties)
    return refused, errors


def test_a_hundred_claims_of_one_wish_make_one_claimant(transactional_db: None) -> None:
    tree = Tree()
    wish = make_wish(tree.union, tree.cadre)
    people = [make_member(tree.union, i).person for i in range(100)]
    refused, errors = _rush(wish, people, tree.cadre)
    assert errors == []
    assert len(refused) == 99 and all("已被他人认领" in r for r in refused)
    live = Claim.objects.filter(wish=wish)
    assert live.count() == 1 and live.get().status == ClaimStatus.ACTIVE
    wish.refresh_from_db()
    assert wish.status == WishStatus.CLAIMED


def test_the_desk_and_the_phones_race_for_one_wish(transactional_db: None) -> None:
    tree = Tree()
    wish = make_wish(tree.union, tree.cadre)
    people = [make_member(tree.union, i).person for i in range(40)]

    def at_desk() -> str:
        try:
            claims.claim_at_desk(actor=tree.cadre, wish=Wish.objects.get(pk=wish.pk), kind=ClaimantKind.CADRE)
            return "claimed"
        except ValidationError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        phones = pool.submit(_rush, wish, people, tree.cadre)
        desk = pool.submit(at_desk)
    refused, errors = phones.result()
    assert errors == []
    assert len(refused) + (desk.result() == "refused") == 40
    assert Claim.objects.filter(wish=wish).count() == 1

"""On PostgreSQL, runs at once: ten reminder runs (cron overlapping) record each reminder once and text once;
ten cadres renewing one contract at once make one renewal (the unique renewal link)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.rights.contracts import reminders, services
from gonghui.rights.contracts.models import Contract, Reminder
from tests.factories import Tree
from tests.rights.contracts.factories import firm, signed

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]
RUNS = 10


def _at_once(work: Callable[[], Any]) -> tuple[list[Any], list[str], list[BaseException]]:
    done: list[Any] = []
    refused: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(RUNS)

    def run() -> None:
        try:
            barrier.wait(timeout=30)
            done.append(work())
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(RUNS) as pool:
        for _i in range(RUNS):
            pool.submit(run)
    return done, refused, errors


def test_overlapping_reminder_runs_send_each_once(transactional_db: None) -> None:
    tree = Tree()
    for i in range(5):
        signed(firm(tree.union, name=f"企业{i}"), tree.cadre, ends_in=15 + 15 * i)
    with mock.patch("gonghui.rights.contracts.reminders.send_notice", return_value=True) as text:
        done, refused, errors = _at_once(reminders.reminders_send)
    assert errors == [] and refused == []
    assert sum(done) == 5 == Reminder.objects.count() == text.call_count


def test_one_renewal_when_many_renew_at_once(transactional_db: None) -> None:
    tree = Tree()
    old = signed(firm(tree.union), tree.cadre, ends_in=40)
    done, refused, errors = _at_once(lambda: services.contract_renew(actor=tree.cadre, contract=old))
    assert errors == [] and len(done) == 1 and len(refused) == RUNS - 1
    assert all("已续签" in r for r in refused)
    assert Contract.objects.filter(renews=old).count() == 1

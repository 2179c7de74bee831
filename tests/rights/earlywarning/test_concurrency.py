"""Two recomputes at once on PostgreSQL (the scheduler's and a cadre's) open each warning once: the advisory
lock makes the second wait and find nothing rising, and the partial unique index refuses a duplicate that
slipped past it anyway."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from gonghui.rights.earlywarning import recompute
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.models import EarlyWarning, IndicatorEntry
from tests.factories import EnterpriseFactory, UserFactory, make_org

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("regions")]


def _firms(n: int) -> None:
    union = make_org("并发预警测试工会", code="race-ew")
    admin = UserFactory(is_superuser=True)
    for i in range(n):
        firm = EnterpriseFactory(name=f"并发预警企业{i}", union=union)
        IndicatorEntry.objects.create(
            enterprise=firm, org=union, kind="layoffs", value=Decimal(100), as_of=timezone.localdate(), entered_by=admin
        )


def _race(runs: int) -> list[str]:
    barrier = threading.Barrier(runs, timeout=30)
    outcomes: list[str] = []

    def one() -> None:
        try:
            barrier.wait()
            recompute.levels_recompute(trigger=Trigger.SCHEDULE)
            outcomes.append("ok")
        except Exception as exc:  # the test reports whatever a run raised
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_concurrent_runs_open_each_warning_once() -> None:
    _firms(30)
    assert _race(4) == ["ok"] * 4
    assert EarlyWarning.objects.count() == 30
    assert EarlyWarning.objects.values("enterprise").distinct().count() == 30


def test_without_the_lock_the_index_still_guards(monkeypatch: pytest.MonkeyPatch) -> None:
    _firms(30)
    monkeypatch.setattr(recompute, "_lock", lambda: None)  # both runs see every level rising
    assert _race(3) == ["ok"] * 3
    assert EarlyWarning.objects.count() == 30

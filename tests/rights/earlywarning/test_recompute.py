"""The scheduled recompute: indicators from every source, the levels, warnings opened once (re-running opens
none; the database refuses a second open warning), escalation, the assignee, and a fixed number of queries
however many enterprises there are."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gonghui.orgs.roles import Role
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.handling import warning_act, warning_close
from gonghui.rights.earlywarning.models import EarlyWarning, EnterpriseLevel
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.factories import EnterpriseFactory, UserFactory, grant
from tests.rights.earlywarning.conftest import checkup_with_problems, enter

pytestmark = pytest.mark.usefixtures("no_cases")


def _run(**kwargs: Any) -> Any:
    return levels_recompute(trigger=Trigger.COMMAND, **kwargs)


def _level(enterprise: Any) -> EnterpriseLevel:
    return EnterpriseLevel.objects.get(enterprise=enterprise)


def test_every_source_counts_towards_the_hand_computed_score(place: SimpleNamespace, no_cases: dict) -> None:
    p = place
    enter(p, p.firm, "layoffs", 30)
    enter(p, p.firm, "social_insurance", 3)
    enter(p, p.firm, "overtime", 2)
    checkup_with_problems(p, p.firm, problems=2)
    no_cases["arrears"] = {p.firm.pk: (1, Decimal("25000"))}
    no_cases["disputes"] = {p.firm.pk: (1, 1)}
    run = _run()
    level = _level(p.firm)
    assert level.values == {
        "arrears": "1", "arrears_amount": "2.5", "checkup": "2", "collective": "1", "disputes": "1",
        "layoffs": "30", "overtime": "2", "social_insurance": "3",
    }  # fmt: skip
    assert level.score == Decimal("86.00") and level.level == "red"
    assert _level(p.firm2).level == "none" and _level(p.firm2).score == 0  # every enterprise gets a level
    assert run.enterprises == 3 and run.changed == 3 and run.opened == 1


def test_the_latest_entry_within_the_window_counts_and_zero_clears_it(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "social_insurance", 9, days_ago=400)  # outside the 12 months
    enter(p, p.firm2, "social_insurance", 6, days_ago=30)
    enter(p, p.firm2, "social_insurance", 2, days_ago=5)  # the later reading replaces the earlier one
    _run()
    assert _level(p.firm).values == {} and _level(p.firm2).values == {"social_insurance": "2"}
    enter(p, p.firm2, "social_insurance", 0)
    _run()
    assert _level(p.firm2).values == {} and _level(p.firm2).level == "none"


def test_rerunning_opens_no_second_warning_and_changes_nothing(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "layoffs", 80)  # 40 points: 橙
    first = _run()
    assert first.opened == 1
    again = _run()
    assert again.changed == 0 and again.opened == 0
    assert EarlyWarning.objects.filter(enterprise=p.firm).count() == 1


def test_the_database_refuses_a_second_open_warning(place: SimpleNamespace) -> None:
    enter(place, place.firm, "layoffs", 80)
    _run()
    warning = EarlyWarning.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        EarlyWarning.objects.create(
            enterprise=warning.enterprise, org=warning.org, level="red", score=99, opened_at=timezone.now()
        )


def test_a_warning_rising_to_red_is_escalated_not_doubled(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "layoffs", 80)
    _run()
    enter(p, p.firm, "overtime", 4)  # +20: 60, 红
    run = _run()
    warning = EarlyWarning.objects.get()
    assert run.opened == 0 and warning.level == "red" and warning.score == Decimal("60.00")


def test_a_closed_warning_reopens_only_when_the_level_rises_again(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "layoffs", 80)
    _run()
    warning = EarlyWarning.objects.get()
    warning_act(actor=p.rights, warning=warning, on=timezone.localdate(), note="约谈企业负责人")
    warning_close(actor=p.rights, warning=warning)
    enter(p, p.firm, "overtime", 1)  # 45: still 橙, already handled
    assert _run().opened == 0
    enter(p, p.firm, "overtime", 5)  # 65: 红, a rise
    assert _run().opened == 1
    assert EarlyWarning.objects.filter(enterprise=p.firm, status="open", level="red").count() == 1


def test_the_warning_goes_to_the_nearest_rights_cadre(place: SimpleNamespace) -> None:
    p = place
    local = UserFactory(username="ew-union-rights")
    grant(local, p.union, Role.RIGHTS)
    enter(p, p.firm, "layoffs", 80)
    enter(p, p.firm2, "layoffs", 80)
    _run()
    assert EarlyWarning.objects.get(enterprise=p.firm).assignee == local  # on the enterprise's own union
    assert EarlyWarning.objects.get(enterprise=p.firm2).assignee == p.rights  # the county's, up the tree


def test_a_subtree_run_touches_only_its_enterprises(place: SimpleNamespace) -> None:
    p = place
    run = _run(paths=[p.union.path])
    assert run.enterprises == 1
    assert list(EnterpriseLevel.objects.values_list("enterprise_id", flat=True)) == [p.firm.pk]


def test_the_recompute_is_set_based(place: SimpleNamespace) -> None:
    """The same number of queries for 3 enterprises as for 60, with warnings to open in both."""
    p = place

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _run()
        return len(captured)

    enter(p, p.firm, "layoffs", 80)
    few = queries()
    for n in range(57):
        firm = EnterpriseFactory(name=f"批量测试企业{n}", union=p.other if n % 2 else p.union)
        enter(p, firm, "layoffs", 80 + n)
    EnterpriseLevel.objects.all().delete()
    EarlyWarning.objects.all().delete()
    many = queries()
    assert EarlyWarning.objects.count() == 58
    assert many == few


def test_the_command_and_the_task_run_it(place: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    enter(place, place.firm, "layoffs", 80)
    call_command("earlywarning_recompute")
    assert "3 enterprises, 3 levels changed, 1 warnings opened" in capsys.readouterr().out
    from gonghui.rights.earlywarning.tasks import recompute_levels

    result = recompute_levels.enqueue()  # the tests' immediate backend runs it here
    assert result.return_value == {"enterprises": 3, "changed": 0, "opened": 0}


def test_a_level_keeps_its_start_while_it_holds(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "layoffs", 30)  # 15: 蓝
    _run()
    since = _level(p.firm).level_since
    enter(p, p.firm, "layoffs", 32)  # 16: still 蓝, another score
    _run()
    level = _level(p.firm)
    assert level.score == Decimal("16.00") and level.level_since == since
    enter(p, p.firm, "layoffs", 50, days_ago=0)
    _run(today=timezone.localdate() + dt.timedelta(days=1))
    assert _level(p.firm).previous == "blue"

"""Rushes on PostgreSQL: twenty approvals for five places fill five; two checkers approving one subsidy at
once pay it once; two makers entering one application's subsidy at once enter one payout."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.roles import Role
from gonghui.skills.study import services, subsidies
from gonghui.skills.study.choices import StudyStatus
from gonghui.skills.study.models import Application, Programme
from tests.factories import Tree, UserFactory, grant, make_member
from tests.skills.study.factories import make_application, make_programme

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("regions")]


def _together(calls: list[Callable[[], Any]]) -> tuple[int, list[str], list[BaseException]]:
    """Run the calls on their own threads (own connections), released at once; (ok, refusals, errors)."""
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


def test_twenty_approvals_for_five_places_fill_five(transactional_db: None) -> None:
    tree = Tree()
    programme = make_programme(tree.county, tree.cadre, quota=5)
    apps = [make_application(programme, make_member(tree.union, i).person, tree.union, tree.cadre) for i in range(20)]

    def approve(a: Application) -> Callable[[], Any]:
        return lambda: services.application_decide(
            actor=tree.cadre,
            application=Application.objects.select_related("programme__org").get(pk=a.pk),
            approve=True,
        )

    ok, refused, errors = _together([approve(a) for a in apps])
    assert errors == [] and ok == 5
    assert len(refused) == 15 and all("名额已满" in r for r in refused)
    assert Application.objects.filter(status=StudyStatus.APPROVED).count() == 5
    assert Programme.objects.get(pk=programme.pk).approved_count == 5


def _paid_setup() -> tuple[Tree, Application, list[Any]]:
    tree = Tree()
    checkers = [UserFactory(username=f"checker-{i}") for i in range(2)]
    for checker in checkers:
        grant(checker, tree.county, Role.FINANCE)
    programme = make_programme(tree.county, tree.cadre)
    application = make_application(
        programme, make_member(tree.union, 1).person, tree.union, tree.cadre, status="approved"
    )
    return tree, application, checkers


def test_two_checkers_racing_pay_once(transactional_db: None) -> None:
    tree, application, checkers = _paid_setup()
    subsidies.subsidy_enter(
        actor=tree.cadre, application=application, amount=Decimal(2000), paid_on=timezone.localdate()
    )

    def approve(checker: Any) -> Callable[[], Any]:
        return lambda: subsidies.subsidy_approve(actor=checker, application=Application.objects.get(pk=application.pk))

    ok, refused, errors = _together([approve(c) for c in checkers])
    assert errors == [] and ok == 1 and len(refused) == 1
    assert "已发放补助" in refused[0] or "已处理" in refused[0]
    assert Payout.objects.filter(status=PayoutStatus.APPROVED).count() == 1
    assert Payout.objects.count() == 1


def test_two_makers_racing_enter_one_payout(transactional_db: None) -> None:
    tree, application, _checkers = _paid_setup()
    maker = UserFactory(username="maker-2")
    grant(maker, tree.county, Role.ASSISTANCE)

    def enter(actor: Any) -> Callable[[], Any]:
        return lambda: subsidies.subsidy_enter(
            actor=actor,
            application=Application.objects.get(pk=application.pk),
            amount=Decimal(2000),
            paid_on=timezone.localdate(),
        )

    ok, refused, errors = _together([enter(tree.cadre), enter(maker)])
    assert errors == [] and ok == 1 and refused == ["该申请已登记补助，正等待财务审核，不能重复登记。"]
    assert Payout.objects.count() == 1
    assert Application.objects.get(pk=application.pk).payout_id == Payout.objects.get().pk

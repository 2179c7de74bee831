"""Under a rush on PostgreSQL: a consultation becomes one case however many cadres press the button at once
(a unique index), and a case is accepted once (a conditional UPDATE on the status it expects)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.rights.legalaid import cases, consultations
from gonghui.rights.legalaid.models import Consultation, LegalAidCase
from tests.factories import Tree
from tests.rights.legalaid.conftest import Place, apply

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("regions")]
RUSH = 8


def _rush(act: Callable[[], object]) -> list[str]:
    barrier = threading.Barrier(RUSH, timeout=20)
    outcomes: list[str] = []

    def one() -> None:
        try:
            barrier.wait()
            act()
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(RUSH)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_a_consultation_becomes_one_case(place: Place, tree: Tree) -> None:
    data = consultations.ConsultationFields(channel="walk_in", topic="wages", question="欠薪", name="周快递")
    asked = consultations.consultation_record(actor=tree.cadre, org=tree.union, data=data)

    def convert() -> object:
        fresh = Consultation.objects.get(pk=asked.pk)  # every page showed it not yet converted
        return cases.case_from_consultation(actor=tree.cadre, consultation=fresh, person=place.member,
                                            data=cases.CaseFields(topic="wages", summary="追讨工资"))  # fmt: skip

    outcomes = _rush(convert)
    assert outcomes.count("ok") == 1 and set(outcomes) - {"ok"} == {"该咨询已转为法律援助案件。"}
    assert LegalAidCase.objects.count() == 1
    assert Consultation.objects.get(pk=asked.pk).case_id == LegalAidCase.objects.get().pk


def test_a_case_is_accepted_once(place: Place, tree: Tree) -> None:
    case = apply(place)
    outcomes = _rush(lambda: cases.case_accept(actor=tree.cadre, case=LegalAidCase.objects.get(pk=case.pk)))
    assert outcomes.count("ok") == 1 and len(outcomes) == RUSH
    assert all("刷新" in o or "不能进行" in o for o in outcomes if o != "ok")

"""Eight officers sending one report to mediation at once on PostgreSQL: one dispute, one diversion step."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.orgs.roles import Role
from gonghui.rights.arrears import services
from gonghui.rights.arrears.models import Report, Step
from gonghui.rights.mediation.checks import WorkerIn
from gonghui.rights.mediation.models import Dispute
from tests.factories import EnterpriseFactory, Tree, UserFactory, grant, id_number

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("regions")]


def test_a_report_goes_to_mediation_once() -> None:
    tree = Tree()
    officer = UserFactory(username="race-arrears")
    grant(officer, tree.union, Role.RIGHTS)
    enterprise = EnterpriseFactory(union=tree.union)
    report = services.report_open(
        actor=officer, org=tree.union, enterprise_uscc=enterprise.uscc, source="cadre", amount_owed=9000,
        summary="欠薪",
    )  # fmt: skip
    barrier = threading.Barrier(8, timeout=20)
    seen: list[str] = []

    def attempt() -> None:
        page = Report.objects.select_related("org", "enterprise").get(pk=report.pk)
        barrier.wait()
        try:
            services.report_divert(
                actor=officer, report=page, route="mediation", workers=[WorkerIn("王职工", id_number(5))]
            )
            seen.append("ok")
        except ValidationError as exc:
            seen.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen.count("ok") == 1 and len(seen) == 8
    assert Dispute.objects.count() == 1 and Report.objects.get(pk=report.pk).dispute is not None
    assert Step.objects.filter(report=report, stage="diverted").count() == 1

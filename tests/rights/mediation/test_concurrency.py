"""Two officers recording the agreement of one dispute at once on PostgreSQL: one agreement, one winner."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from gonghui.orgs.roles import Role
from gonghui.rights.mediation import outcomes
from gonghui.rights.mediation.models import Agreement, Dispute
from tests.factories import EnterpriseFactory, Tree, UserFactory, grant
from tests.rights.mediation.conftest import Desk, open_dispute

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("regions")]


def test_eight_officers_recording_the_agreement_at_once_make_one() -> None:
    tree = Tree()
    officer = UserFactory(username="race-officer")
    grant(officer, tree.union, Role.RIGHTS)
    desk = Desk(tree=tree, enterprise=EnterpriseFactory(union=tree.union), officer=officer, clerk=officer)
    dispute = open_dispute(desk)
    barrier = threading.Barrier(8, timeout=20)
    outcomes_seen: list[str] = []

    def attempt() -> None:
        today = timezone.localdate()
        page = Dispute.objects.select_related("org").get(pk=dispute.pk)  # each officer's own loaded page
        barrier.wait()
        try:
            outcomes.agreement_record(
                actor=officer, dispute=page, terms="一次性支付", amount="5000", signed_on=today,
                worker_signatory="王职工", worker_confirmed_on=today, enterprise_signatory="李经理",
                enterprise_confirmed_on=today,
            )  # fmt: skip
            outcomes_seen.append("ok")
        except ValidationError as exc:
            outcomes_seen.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes_seen.count("ok") == 1 and len(outcomes_seen) == 8
    assert Agreement.objects.filter(dispute=dispute).count() == 1

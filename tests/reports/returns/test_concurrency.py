"""Two submissions of one return at the same moment leave one submission (PostgreSQL: real row locks)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gonghui.reports.returns.choices import SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.services import return_submit
from tests.reports.returns.conftest import MONTHLY, Fed

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_double_submit_at_once_yields_one_submission(regions: None, fed: Fed) -> None:
    barrier = threading.Barrier(2)
    outcomes: list[Any] = []

    def submit() -> None:
        try:
            barrier.wait()
            outcomes.append(return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key))
        except ValidationError as exc:
            outcomes.append(exc.messages)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(type, outcomes), key=str) == sorted([Submission, list], key=str)
    assert ["该报表已报送，不能重复报送。"] in outcomes
    assert Submission.objects.filter(org=fed.town1).count() == 1
    assert Submission.objects.get(org=fed.town1).status == SubmissionStatus.SUBMITTED

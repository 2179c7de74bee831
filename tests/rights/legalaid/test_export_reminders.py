"""The masked export (full numbers only with PII_FULL, audited, each case read), and the deadline reminders
(sent once per stage however often the command runs; a refused text is tried again)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gonghui.common.jobs import job_execute
from gonghui.common.models import AuditAction, AuditEvent, Job
from gonghui.orgs.roles import Role
from gonghui.rights.legalaid.models import LegalAidCase
from tests.factories import UserFactory, grant
from tests.rights.legalaid.conftest import LAWYER_MOBILE, Place, apply, to_acting

pytestmark = pytest.mark.django_db


def _export(user: Any, **data: str) -> list[tuple[Any, ...]]:
    client = Client()
    client.force_login(user)
    response = client.post(reverse("legalaid:cases_export"), data)
    assert response.status_code == 302
    job = Job.objects.filter(created_by=user).latest("created_at")
    job_execute(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    sheet = load_workbook(io.BytesIO(job.result_file.read())).active
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def test_the_export_is_masked_and_every_case_in_it_is_a_read(place: Place) -> None:
    case = apply(place)
    apply(place, place.other_member, org=place.tree.other)  # the other union's: not the officer's
    rows = _export(place.officer)
    assert len(rows) == 2 and rows[1][0] == case.ref
    assert "139****0001" in rows[1] and "13900000001" not in str(rows)
    assert rows[1][4].endswith("****") is False and "*" in rows[1][4]  # the ID number, masked
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(case.pk)).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=place.officer).count() == 1


def test_full_numbers_only_with_pii_full_and_audited_as_such(place: Place) -> None:
    apply(place)
    client = Client()
    client.force_login(place.officer)
    assert client.post(reverse("legalaid:cases_export"), {"full": "1"}).status_code == 403
    rows = _export(place.tree.cadre, full="1")  # 管理员 holds PII_FULL
    assert "13900000001" in rows[1]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_PII, actor=place.tree.cadre).count() == 1


def test_reminders_go_to_the_lawyer_once_per_stage(place: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr("gonghui.rights.legalaid.reminders.notices.send_notice",
                        lambda *, mobile, text: sent.append((mobile, text)) or True)  # fmt: skip
    case = to_acting(place, apply(place))
    waiting = apply(place, summary="尚未指派")  # the union's stage: shown overdue on the list, no text
    LegalAidCase.objects.filter(pk__in=[case.pk, waiting.pk]).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    call_command("legalaid_remind")
    call_command("legalaid_remind")  # a rerun sends nothing again
    assert len(sent) == 1 and sent[0][0] == LAWYER_MOBILE and case.ref in sent[0][1] and "周快递" not in sent[0][1]
    client = Client()
    client.force_login(place.officer)
    overdue = client.get(reverse("legalaid:cases"), {"overdue": "on"}).content.decode()
    assert waiting.ref in overdue and "逾期" in overdue


def test_a_refused_reminder_is_tried_again(place: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gonghui.rights.legalaid.reminders.notices.send_notice", lambda *, mobile, text: False)
    case = to_acting(place, apply(place))
    LegalAidCase.objects.filter(pk=case.pk).update(due_on=timezone.localdate())
    call_command("legalaid_remind")
    assert LegalAidCase.objects.get(pk=case.pk).reminded_stage == ""


def test_a_rights_officer_exports_only_their_subtree(place: Place) -> None:
    apply(place)
    other_officer = UserFactory(username="other-officer")
    grant(other_officer, place.tree.other, Role.RIGHTS)
    assert len(_export(other_officer)) == 1  # headers only

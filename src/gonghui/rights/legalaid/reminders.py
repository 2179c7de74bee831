"""Deadline reminders: the lawyer on a case whose stage is due tomorrow or overdue is texted once per stage.

`manage.py legalaid_remind` may run as often as cron likes: each case's stage is claimed by one conditional
UPDATE of its sent marker before the text goes out, so two runs never both send it, and a refused send
releases the claim for the next run. Stages before a lawyer is named are the union's own: the workbench
list shows them as overdue.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from gonghui.rights.legalaid import notices
from gonghui.rights.legalaid.choices import WITH_LAWYER
from gonghui.rights.legalaid.models import LegalAidCase

AHEAD_DAYS = 1


def reminders_send(*, today: dt.date | None = None) -> int:
    """Text each lawyer whose case stage is due within AHEAD_DAYS (or past due), once; returns how many."""
    today = today or timezone.localdate()
    due = (
        LegalAidCase.objects.filter(
            status__in=WITH_LAWYER, provider__isnull=False, due_on__lte=today + dt.timedelta(days=AHEAD_DAYS)
        )
        .exclude(reminded_stage=F("status"))
        .select_related("provider")
    )
    sent = 0
    for case in due.iterator(chunk_size=500):
        claim = LegalAidCase.objects.filter(pk=case.pk, status=case.status).exclude(reminded_stage=case.status)
        if not claim.update(reminded_stage=case.status):
            continue  # another run claimed it, or the case moved on
        mobile = case.provider.mobile if case.provider else None
        if mobile is not None and notices.send_notice(mobile=mobile.reveal(), text=notices.due_text(case)):
            sent += 1
        else:
            LegalAidCase.objects.filter(pk=case.pk, reminded_stage=case.status).update(reminded_stage="")
    return sent


def overdue_q(today: dt.date | None = None) -> Q:
    return Q(due_on__lt=today or timezone.localdate())

"""Expiry reminders, 90 and 30 days before a signed contract ends (unless it has been renewed): each is
recorded once per contract and threshold (a unique index), shown on the workbench's expiring list, and
texted through the SMS notice gateway to the enterprise's contact when one is on file. Safe to re-run."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.appointments.notices import send_notice
from gonghui.rights.contracts.choices import REMIND_DAYS, SIGNED_STAGES
from gonghui.rights.contracts.models import Contract, Reminder


def due(today: dt.date) -> list[tuple[Contract, int]]:
    """(contract, threshold) pairs to remind today: the nearest threshold the contract is within."""
    horizon = today + dt.timedelta(days=max(REMIND_DAYS))
    contracts = Contract.objects.filter(
        stage__in=SIGNED_STAGES, renewal__isnull=True, ends_on__gte=today, ends_on__lte=horizon
    ).select_related("enterprise")
    sent = set(Reminder.objects.filter(contract__in=contracts).values_list("contract_id", "days"))
    out = []
    for contract in contracts:
        left = (contract.ends_on - today).days
        threshold = min(d for d in REMIND_DAYS if left <= d)
        if (contract.pk, threshold) not in sent:
            out.append((contract, threshold))
    return out


def reminder_text(contract: Contract, today: dt.date) -> str:
    return _("【工会】《%(title)s》将于%(end)s到期（还有%(n)s天），请及时启动续签集体协商。") % {
        "title": contract.title,
        "end": contract.ends_on.isoformat(),
        "n": (contract.ends_on - today).days,
    }


def reminders_send(*, today: dt.date | None = None) -> int:
    """Record (and text) each reminder due today; returns how many were recorded. A reminder another run
    recorded first is skipped; a refused text leaves the workbench reminder standing (it is not retried)."""
    today = today or timezone.localdate()
    made = 0
    for contract, days in due(today):
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(contract=contract, days=days)
        except IntegrityError:
            continue  # another run took it
        made += 1
        phone = contract.enterprise.contact_phone if contract.enterprise else None
        if phone and send_notice(mobile=phone.reveal(), text=reminder_text(contract, today)):
            Reminder.objects.filter(pk=reminder.pk).update(texted=True)
    return made

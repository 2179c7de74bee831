"""Bulk approval of a campaign's payouts: a checker approves thousands at once, and still nobody is paid twice.

The job walks the campaign's pending payouts in key order, a batch per transaction. Each batch leaves
out what one checker may not approve in bulk (their own entries, overrides that need a look each) and
what would pay someone twice (an approved twin, or a second row for the same person in the batch);
the rest is approved with one UPDATE. The partial unique index still stands behind it: if a checker
elsewhere approves a twin meanwhile, the batch falls back to row by row. Committed batches stay
approved, so a crashed job is resumed simply by starting it again: it finds only what is still pending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.campaigns.models import Campaign
from gonghui.common.jobs import job_start
from gonghui.common.models import Job
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import campaign_spent
from gonghui.ledger.tallies import ledger_approved
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

BULK_APPROVE_KIND = "assistance.bulk_approve"  # the name jobs were stored under before the ledger app
BATCH = 5000

Row = tuple[int, int | None, int | None, str, str, int]  # pk, person, enterprise, kind, override, maker


@dataclass
class Tally:
    approved: int = 0
    own: int = 0  # entered by the checker: another checker must approve them
    overrides: int = 0  # a second payment with a reason: approved one by one
    duplicates: int = 0  # would pay someone twice: left pending for a decision
    over_budget: int = 0  # would take the campaign past its budget: left pending

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def pending_for_checker(actor: Any, campaign: Campaign) -> QuerySet[Payout]:
    """The campaign's pending payouts in unions where `actor` checks money (FINANCE)."""
    pending = Payout.objects.filter(campaign=campaign, status=PayoutStatus.PENDING)
    return scope_for(actor, Perm.FINANCE).filter(pending)


def bulk_approve_start(*, actor: Any, campaign: Campaign) -> Job:
    require(actor, campaign.org, Perm.FINANCE)
    if not pending_for_checker(actor, campaign).exclude(maker=actor).exists():
        raise ValidationError(_("该活动没有您可以审核的待审发放。"), code="nothing_pending")
    return job_start(kind=BULK_APPROVE_KIND, user=actor, org=campaign.org, params={"campaign": campaign.pk})


def approve_batch(actor: Any, campaign: Campaign, rows: list[Row]) -> Tally:
    """Approve what may be approved among `rows` in one transaction."""
    tally, chosen = _choose(actor, campaign, rows)
    if not chosen:
        return tally
    stamp = timezone.now()
    with transaction.atomic():
        chosen, tally.over_budget = _within_budget(campaign, chosen)
        try:
            with transaction.atomic():
                tally.approved = _approve(actor, stamp, Payout.objects.filter(pk__in=chosen))
        except IntegrityError:  # a twin was approved elsewhere since _choose looked: go row by row
            tally.approved = 0
            for pk in chosen:
                try:
                    with transaction.atomic():
                        tally.approved += _approve(actor, stamp, Payout.objects.filter(pk=pk))
                except IntegrityError:
                    tally.duplicates += 1
        # The rows this batch approved: a row approved elsewhere meanwhile has another checker or time.
        ledger_approved(campaign.pk, Payout.objects.filter(pk__in=chosen, checker=actor, checked_at=stamp))
    return tally


def _within_budget(campaign: Campaign, chosen: list[int]) -> tuple[list[int], int]:
    """The rows that still fit the budget, in key order (the campaign row is locked against other checkers)."""
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not locked.budget:
        return chosen, 0
    room = locked.budget - campaign_spent(locked, approved_only=True)
    value = dict(Payout.objects.filter(pk__in=chosen).annotate(v=F("amount") + F("goods_value")).values_list("pk", "v"))
    kept = []
    for pk in chosen:
        if value[pk] <= room:
            kept.append(pk)
            room -= value[pk]
    return kept, len(chosen) - len(kept)


def _choose(actor: Any, campaign: Campaign, rows: list[Row]) -> tuple[Tally, list[int]]:
    tally = Tally()
    candidates = []
    for row in rows:
        if row[5] == actor.pk:
            tally.own += 1
        elif row[4]:
            tally.overrides += 1
        else:
            candidates.append(row)
    taken = _already_paid(campaign, candidates)
    chosen = []
    for pk, person, enterprise, kind, _override, _maker in candidates:
        key = ("p", person, kind) if person else ("e", enterprise, kind)
        if key in taken:
            tally.duplicates += 1
        else:
            taken.add(key)
            chosen.append(pk)
    return tally, chosen


def _already_paid(campaign: Campaign, rows: list[Row]) -> set[tuple[str, int | None, str]]:
    """The (recipient, kind) pairs of `rows` the campaign has already paid without an override."""
    approved = Payout.objects.filter(campaign=campaign, status=PayoutStatus.APPROVED, override_reason="")
    people = {r[1] for r in rows if r[1]}
    enterprises = {r[2] for r in rows if not r[1]}
    taken: set[tuple[str, int | None, str]] = set()
    if people:
        pairs = approved.filter(person_id__in=people).values_list("person_id", "kind")
        taken.update(("p", person, kind) for person, kind in pairs)
    if enterprises:
        pairs = approved.filter(person__isnull=True, enterprise_id__in=enterprises).values_list("enterprise_id", "kind")
        taken.update(("e", enterprise, kind) for enterprise, kind in pairs)
    return taken


def _approve(actor: Any, stamp: dt.datetime, payouts: QuerySet[Payout]) -> int:
    # `status=PENDING` again: a row approved or rejected elsewhere since it was read is left alone.
    return payouts.filter(status=PayoutStatus.PENDING).update(
        status=PayoutStatus.APPROVED, checker=actor, checked_at=stamp
    )

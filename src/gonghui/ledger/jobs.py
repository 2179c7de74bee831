"""Background jobs of the aid ledger: bulk approval of a campaign's payouts."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.campaigns.models import Campaign
from gonghui.common.audit import audit_record
from gonghui.common.jobs import Progress, job_handler
from gonghui.common.models import AuditAction, Job
from gonghui.ledger.bulk import BATCH, BULK_APPROVE_KIND, Tally, approve_batch, pending_for_checker
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


@job_handler(BULK_APPROVE_KIND, label=gettext_lazy("批量审核发放"))
def bulk_approve(job: Job, progress: Progress) -> dict[str, Any]:
    """Safe to re-run: each batch commits on its own and only pending rows are read again."""
    actor = job.created_by
    campaign = Campaign.objects.select_related("org").get(pk=job.params["campaign"])
    require(actor, campaign.org, Perm.FINANCE)  # roles may have changed since the job was started
    pending = pending_for_checker(actor, campaign).order_by("pk")
    progress.set_total(pending.count(), _("正在审核发放…"))
    tally, after = Tally(), 0
    columns = ("pk", "person_id", "enterprise_id", "kind", "override_reason", "maker_id")
    while rows := list(pending.filter(pk__gt=after).values_list(*columns)[:BATCH]):
        after = rows[-1][0]
        tally.add(approve_batch(actor, campaign, rows))
        progress.advance(len(rows))
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=campaign,
        org=campaign.org,
        detail={"bulk_approved": tally.approved, "job": str(job.pk)},
    )
    return asdict(tally)

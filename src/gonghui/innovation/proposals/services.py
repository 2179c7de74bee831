"""合理化建议: submitted by a worker or a cadre, routed to the enterprise, adopted or declined, implemented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.innovation.choices import ProposalStatus
from gonghui.innovation.models import Proposal
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def proposal_submit(
    *,
    actor: Any,
    org: OrgNode,
    enterprise: Enterprise,
    proposer_name: str,
    title: str,
    content: str,
    expected_effect: str = "",
    proposer: Person | None = None,
    by_worker: bool = False,
) -> Proposal:
    if not by_worker:
        require(actor, org, Perm.ORG_EDIT)
    errors = {}
    if not enterprise.union.path.startswith(org.path):
        errors["enterprise"] = _("该企业不属于受理工会。")
    if not clean_text(proposer_name):
        errors["proposer_name"] = _("请填写建议人。")
    if not clean_text(title):
        errors["title"] = _("请填写建议名称。")
    if len(clean_text(content)) < 10:
        errors["content"] = _("请写明建议内容（至少 10 个字）。")
    if errors:
        raise ValidationError(errors)
    return Proposal.objects.create(
        org=org,
        enterprise=enterprise,
        proposer_name=clean_text(proposer_name),
        proposer=proposer,
        title=clean_text(title),
        content=content.strip(),
        expected_effect=expected_effect.strip(),
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def _locked(proposal: Proposal, *expected: ProposalStatus) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status not in expected:
        raise ValidationError(
            _("建议当前状态为“%(status)s”，不能进行此操作。") % {"status": proposal.get_status_display()}
        )
    return proposal


@transaction.atomic
def proposal_route(*, actor: Any, proposal: Proposal) -> Proposal:
    """Send the proposal to the enterprise for a decision (转企业研究)."""
    require(actor, proposal.org, Perm.REVIEW)
    proposal = _locked(proposal, ProposalStatus.SUBMITTED)
    proposal.status = ProposalStatus.ROUTED
    proposal.save(update_fields=["status"])
    return proposal


@transaction.atomic
def proposal_decide(*, actor: Any, proposal: Proposal, adopt: bool, reason: str = "") -> Proposal:
    require(actor, proposal.org, Perm.REVIEW)
    proposal = _locked(proposal, ProposalStatus.SUBMITTED, ProposalStatus.ROUTED)
    if not adopt and not reason.strip():
        raise ValidationError({"reason": _("不采纳时请写明原因。")})
    proposal.status = ProposalStatus.ADOPTED if adopt else ProposalStatus.DECLINED
    proposal.decision_reason, proposal.decided_by, proposal.decided_at = reason.strip(), actor, timezone.now()
    proposal.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    return proposal


@transaction.atomic
def proposal_implement(
    *, actor: Any, proposal: Proposal, implemented_on: dt.date, value_saved: Decimal, evidence: str = ""
) -> Proposal:
    """Record implementation and the value saved (yuan, with its evidence when there is any)."""
    require(actor, proposal.org, Perm.REVIEW)
    proposal = _locked(proposal, ProposalStatus.ADOPTED)
    if implemented_on > timezone.localdate():
        raise ValidationError({"implemented_on": _("实施日期不能晚于今天。")})
    if value_saved < 0:
        raise ValidationError({"value_saved": _("金额不能为负数。")})
    if value_saved > 0 and not evidence.strip():
        raise ValidationError({"evidence": _("填写了创效金额，请说明依据（如财务核算单）。")})
    proposal.status, proposal.implemented_on = ProposalStatus.IMPLEMENTED, implemented_on
    proposal.value_saved, proposal.value_evidence = value_saved, evidence.strip()[:200]
    proposal.save(update_fields=["status", "implemented_on", "value_saved", "value_evidence"])
    return proposal

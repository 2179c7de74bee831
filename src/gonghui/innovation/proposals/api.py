"""合理化建议 over the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status

from gonghui.innovation.choices import (
    ProposalStatus,
)
from gonghui.innovation.models import (
    Proposal,
)
from gonghui.innovation.proposals import selectors
from gonghui.innovation.proposals import services as proposals
from gonghui.orgs import selectors as org_selectors

router = Router(tags=["innovation"])


class ProposalOut(Schema):
    id: int
    org: str
    enterprise: str
    proposer_name: str
    title: str
    status: ProposalStatus
    decision_reason: str
    implemented_on: dt.date | None
    value_saved: Decimal

    @staticmethod
    def resolve_org(obj: Proposal) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: Proposal) -> str:
        return obj.enterprise.name


class ProposalIn(Schema):
    org_code: str
    enterprise_id: int
    proposer_name: str
    title: str
    content: str
    expected_effect: str = ""


class ProposalActIn(Schema):
    action: Literal["route", "adopt", "decline", "implement"]
    reason: str = ""
    implemented_on: dt.date | None = None
    value_saved: Decimal = Decimal(0)
    evidence: str = ""


@router.get("/innovation/proposals", response=list[ProposalOut], operation_id="innovation_proposals_list")
def innovation_proposals_list(request: HttpRequest, status: str = "", limit: int = 50) -> Any:
    return selectors.proposals_for(request.user, status=status)[: max(1, min(limit, 200))]


@router.post("/innovation/proposals", response={201: ProposalOut}, operation_id="innovation_proposals_create")
def innovation_proposals_create(request: HttpRequest, payload: ProposalIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    enterprise = get_object_or_404(org_selectors.enterprises_for(request.user), pk=payload.enterprise_id)
    proposal = proposals.proposal_submit(
        actor=request.user,
        org=org,
        enterprise=enterprise,
        proposer_name=payload.proposer_name,
        title=payload.title,
        content=payload.content,
        expected_effect=payload.expected_effect,
    )
    return Status(201, proposal)


@router.post("/innovation/proposals/{int:pk}/act", response=ProposalOut, operation_id="innovation_proposals_act")
def innovation_proposals_act(request: HttpRequest, pk: int, payload: ProposalActIn) -> Proposal:
    """Route to the enterprise, adopt or decline (with a reason), or record implementation and value saved."""
    proposal = selectors.proposal_get_for(request.user, pk)
    if payload.action == "route":
        proposals.proposal_route(actor=request.user, proposal=proposal)
    elif payload.action in ("adopt", "decline"):
        proposals.proposal_decide(
            actor=request.user, proposal=proposal, adopt=payload.action == "adopt", reason=payload.reason
        )
    else:
        proposals.proposal_implement(
            actor=request.user,
            proposal=proposal,
            implemented_on=payload.implemented_on or timezone.localdate(),
            value_saved=payload.value_saved,
            evidence=payload.evidence,
        )
    return selectors.proposal_get_for(request.user, pk)

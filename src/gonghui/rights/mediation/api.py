"""劳动争议调解 over the API, for the rights role (维权专员, 管理员) of the case's unions: list, get, open,
and move a case (accept, decline, withdraw, refer to arbitration or court, record the agreement). Every
answer holding cases is audited; workers' ID numbers are masked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import StringConstraints

from gonghui.common.api_fields import NoNul, Text30, Text50, Text100, Text200, Year
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.mediation import checks, intake, outcomes, selectors
from gonghui.rights.mediation.choices import ClaimKind, DisputeSource, Judicial
from gonghui.rights.mediation.choices import Status as DisputeStatus
from gonghui.rights.mediation.models import Dispute

router = Router(tags=["mediation"])
Text2000 = Annotated[str, StringConstraints(max_length=2000), NoNul]
Text5000 = Annotated[str, StringConstraints(max_length=5000), NoNul]


class DisputeOut(Schema):
    id: int
    number: str
    org: str
    enterprise: str
    enterprise_uscc: str
    source: DisputeSource
    status: DisputeStatus
    worker_count: int
    claimed: Decimal
    collective: bool
    escalated_to: str
    received_on: dt.date
    closed_on: dt.date | None = None

    @staticmethod
    def resolve_org(obj: Dispute) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: Dispute) -> str:
        return obj.enterprise_name

    @staticmethod
    def resolve_enterprise_uscc(obj: Dispute) -> str:
        return obj.enterprise.uscc if obj.enterprise_id and obj.enterprise else ""

    @staticmethod
    def resolve_escalated_to(obj: Dispute) -> str:
        return obj.escalated_to.code if obj.escalated_to else ""


class PartyOut(Schema):
    name: str
    id_number: str  # masked


class ClaimOut(Schema):
    kind: ClaimKind
    amount: Decimal


class AgreementOut(Schema):
    amount: Decimal
    signed_on: dt.date
    judicial: Judicial
    court: str


class DisputeDetailOut(DisputeOut):
    summary: str
    court_ref: str
    panel: str
    parties: list[PartyOut]
    claims: list[ClaimOut]
    sessions: int
    agreement: AgreementOut | None = None

    @staticmethod
    def resolve_panel(obj: Dispute) -> str:
        return obj.panel.name if obj.panel else ""

    @staticmethod
    def resolve_parties(obj: Dispute) -> list[dict[str, str]]:
        return [{"name": p.name, "id_number": str(p.id_number or "")} for p in obj.parties.all()]

    @staticmethod
    def resolve_claims(obj: Dispute) -> list[Any]:
        return list(obj.claims.all())

    @staticmethod
    def resolve_sessions(obj: Dispute) -> int:
        return obj.sessions.count()

    @staticmethod
    def resolve_agreement(obj: Dispute) -> Any:
        return getattr(obj, "agreement", None)


class WorkerIn(Schema):
    name: Text50
    id_number: Text30


class ClaimIn(Schema):
    kind: ClaimKind
    amount: Decimal


class DisputeIn(Schema):
    org_code: Text100
    enterprise_uscc: Text30
    source: DisputeSource
    summary: Text2000
    workers: list[WorkerIn]
    claims: list[ClaimIn] = []
    received_on: dt.date | None = None
    court_ref: Text100 = ""


class PaymentIn(Schema):
    amount: Decimal
    due_on: dt.date


class DisputeTransitionIn(Schema):
    action: Literal["accept", "decline", "withdraw", "arbitration", "court", "agree"]
    enterprise_uscc: Text30 = ""
    reason: Text200 = ""
    terms: Text5000 = ""
    amount: Decimal | None = None
    signed_on: dt.date | None = None
    worker_signatory: Text50 = ""
    worker_confirmed_on: dt.date | None = None
    enterprise_signatory: Text50 = ""
    enterprise_confirmed_on: dt.date | None = None
    payments: list[PaymentIn] = []


@router.get("/mediation/disputes", response=list[DisputeOut], operation_id="mediation_list")
def mediation_list(
    request: HttpRequest,
    status: DisputeStatus | None = None,
    source: DisputeSource | None = None,
    collective: bool = False,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> Any:
    """Disputes the caller's rights role covers, newest first, 100 a page (`after`: the last id seen)."""
    user = acting_user(request)
    org = org_selectors.org_pick_for(user, under) if under.strip() else None
    filters = selectors.DisputeFilters(
        status=status or "", source=source or "", collective=collective, under=org, year=year
    )
    rows = selectors.disputes_for(user, filters).select_related("enterprise")
    if after:
        rows = rows.filter(pk__lt=after)
    found = list(rows[:100])
    if found:
        audit_record(
            actor=user,
            action=AuditAction.VIEW_SENSITIVE,
            detail={"list": "mediation.disputes", "ids": [d.pk for d in found]},
            request=request,
        )
    return found


@router.get("/mediation/disputes/{int:pk}", response=DisputeDetailOut, operation_id="mediation_get")
def mediation_get(request: HttpRequest, pk: int) -> Dispute:
    return selectors.dispute_get_for(acting_user(request), pk, request=request)


@router.post("/mediation/disputes", response={201: DisputeDetailOut}, operation_id="mediation_create")
def mediation_create(request: HttpRequest, payload: DisputeIn) -> Status:
    """Open a dispute against an enterprise under the union (by its 统一社会信用代码); 422 with a Chinese
    reason for an enterprise outside the scope, a negative amount or a bad ID number."""
    user = acting_user(request)
    org = org_selectors.org_pick_for(user, payload.org_code, Perm.RIGHTS)
    dispute = intake.dispute_open(
        actor=user,
        org=org,
        enterprise_uscc=payload.enterprise_uscc,
        source=payload.source,
        summary=payload.summary,
        workers=[checks.WorkerIn(name=w.name, id_number=w.id_number) for w in payload.workers],
        claims=[checks.ClaimIn(kind=c.kind, amount=c.amount) for c in payload.claims],
        received_on=payload.received_on,
        court_ref=payload.court_ref,
    )
    return Status(201, selectors.dispute_get_for(user, dispute.pk, request=request))


@router.post("/mediation/disputes/{int:pk}/transition", response=DisputeDetailOut, operation_id="mediation_transition")
def mediation_transition(request: HttpRequest, pk: int, payload: DisputeTransitionIn) -> Dispute:
    """Move a case: accept (naming the enterprise), decline, withdraw, arbitration, court, or agree (the
    agreement both parties confirmed: without both confirmations it is refused and nothing changes)."""
    user = acting_user(request)
    dispute = selectors.dispute_get_for(user, pk, request=request)
    p = payload
    if p.action == "accept":
        intake.dispute_accept(actor=user, dispute=dispute, enterprise_uscc=p.enterprise_uscc)
    elif p.action == "decline":
        intake.dispute_decline(actor=user, dispute=dispute, reason=p.reason)
    elif p.action == "withdraw":
        outcomes.dispute_withdraw(actor=user, dispute=dispute, reason=p.reason)
    elif p.action in ("arbitration", "court"):
        outcomes.dispute_refer(actor=user, dispute=dispute, to=p.action, note=p.reason)
    else:
        if p.amount is None:
            raise ValidationError({"amount": _("请填写协议金额。")})
        outcomes.agreement_record(
            actor=user,
            dispute=dispute,
            terms=p.terms,
            amount=p.amount,
            signed_on=p.signed_on,
            worker_signatory=p.worker_signatory,
            worker_confirmed_on=p.worker_confirmed_on,
            enterprise_signatory=p.enterprise_signatory,
            enterprise_confirmed_on=p.enterprise_confirmed_on,
            payments=[outcomes.PaymentIn(amount=x.amount, due_on=x.due_on) for x in p.payments],
        )
    return selectors.dispute_get_for(user, pk, audit=False)

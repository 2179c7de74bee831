"""劳模工匠助企行 over the API: the expert pool, needs, ranked recommendations, dispatch and the closed loop."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text100, Text500, Year
from gonghui.common.paging import page_after
from gonghui.experts import invitations, selectors, services
from gonghui.experts.choices import ExpertKind, InvitationStatus, NeedCategory, NeedStatus, Urgency
from gonghui.experts.models import Expert, Invitation, Need
from gonghui.experts.recommend import recommend
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import Region
from gonghui.orgs.roles import Perm

router = Router(tags=["experts"])


class ExpertOut(Schema):
    id: int
    org: str
    name: str
    kind: ExpertKind
    honor: str
    specialties: list[str]
    industry: str
    region: str
    available: bool
    active_load: int
    max_load: int

    @staticmethod
    def resolve_org(obj: Expert) -> str:
        return obj.org.code

    @staticmethod
    def resolve_name(obj: Expert) -> str:
        return obj.person.name

    @staticmethod
    def resolve_region(obj: Expert) -> str:
        return obj.region_id


class ExpertIn(Schema):
    org_code: str
    id_number: str
    name: str
    kind: ExpertKind
    specialties: list[str]
    region_code: str
    honor: str = ""
    bio: str = ""
    industry: str = ""
    max_load: int = 3
    available: bool = True
    is_front_line: bool = True


class InvitationOut(Schema):
    """An invitation names no person: the ID number went into a blind index."""

    id: int
    org: str
    name: str
    status: InvitationStatus
    created_at: dt.datetime

    @staticmethod
    def resolve_org(obj: Invitation) -> str:
        return obj.org.code


class NeedOut(Schema):
    id: int
    org: str
    enterprise: str
    category: NeedCategory
    title: str
    urgency: Urgency
    status: NeedStatus
    due_on: dt.date
    overdue: bool
    rating: int | None
    close_reason: str
    enterprise_comment: str
    confirmation_evidence: str  # set when a cadre recorded the enterprise's confirmation on its behalf

    @staticmethod
    def resolve_org(obj: Need) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: Need) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_overdue(obj: Need) -> bool:
        return bool(getattr(obj, "overdue", False))


class NeedPage(Schema):
    items: list[NeedOut]
    next_after: int | None


class NeedIn(Schema):
    org_code: str
    enterprise_id: int
    category: NeedCategory
    title: str
    problem: str
    contact_name: str
    contact_phone: str
    equipment: str = ""
    urgency: Urgency = Urgency.NORMAL


class RecommendationOut(Schema):
    expert_id: int
    name: str
    score: float
    reasons: list[str]


class DispatchIn(Schema):
    expert_id: int


class DispatchOut(Schema):
    id: int
    need_id: int
    expert_id: int
    status: str
    reasons: list[str]


class RecordIn(Schema):
    served_on: dt.date
    hours: Decimal
    diagnosis: str
    solution: str
    workers_trained: int = 0
    benefit_yuan: Decimal = Decimal(0)
    benefit_evidence: str = ""


class CloseIn(Schema):
    reason: str
    escalate: bool = False


@router.get("/experts", response=list[ExpertOut], operation_id="experts_list")
def experts_list(request: HttpRequest, q: str = "", limit: int = 100) -> Any:
    return selectors.experts_for(request.user, q=q)[: max(1, min(limit, 500))]


@router.post("/experts", response={201: ExpertOut, 202: InvitationOut}, operation_id="experts_enrol")
def experts_enrol(request: HttpRequest, payload: ExpertIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    region = Region.objects.filter(code=payload.region_code).first()
    if region is None:
        raise ValidationError({"region_code": _("行政区划代码无效。")})
    profile = services.ExpertProfile(
        kind=payload.kind,
        specialties=payload.specialties,
        region=region,
        honor=payload.honor,
        bio=payload.bio,
        industry=payload.industry,
        max_load=payload.max_load,
        available=payload.available,
        is_front_line=payload.is_front_line,
    )
    added = invitations.expert_add(
        actor=request.user, org=org, id_number=payload.id_number, name=payload.name, profile=profile
    )
    if isinstance(added, Invitation):  # the same 202 whether the person is on record elsewhere or not at all
        return Status(202, added)
    return Status(201, Expert.objects.select_related("person", "org").get(pk=added.pk))


@router.get("/experts/invitations", response=list[InvitationOut], operation_id="experts_invitations_list")
def experts_invitations_list(request: HttpRequest, limit: int = 100) -> Any:
    return invitations.invitations_for(request.user)[: max(1, min(limit, 500))]


@router.post(
    "/experts/invitations/{int:pk}/withdraw", response={204: None}, operation_id="experts_invitations_withdraw"
)
def experts_invitations_withdraw(request: HttpRequest, pk: int) -> Status:
    invitation = get_object_or_404(invitations.invitations_for(request.user), pk=pk)
    invitations.invitation_withdraw(actor=request.user, invitation=invitation)
    return Status(204, None)


@router.get("/experts/needs", response=NeedPage, operation_id="experts_needs_list")
def experts_needs_list(
    request: HttpRequest,
    status: str = "",
    overdue: bool = False,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    """Needs in scope, newest first; status "open_any" for everything still being worked on. `under` (a union's
    code or full name) narrows to its subtree, `year` to needs posted that year."""
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    needs = selectors.needs_for(request.user, status=status, overdue=overdue, under=org, year=year)
    items, next_after = page_after(needs, after=after)
    return {"items": items, "next_after": next_after}


class RecordedConfirmIn(Schema):
    resolved: bool
    rating: int | None = None
    comment: Text500 = ""
    evidence: Text500  # how the enterprise gave its word, e.g. "电话回访企业联系人王经理"


@router.post("/experts/needs/{int:pk}/confirm", response=NeedOut, operation_id="experts_needs_confirm")
def experts_needs_confirm(request: HttpRequest, pk: int, payload: RecordedConfirmIn) -> Need:
    """Record the enterprise's confirmation on its behalf (a cadre, with evidence); the enterprise itself
    confirms on its phone page after proving its contact number."""
    need = selectors.need_get_for(request.user, pk, Perm.ORG_EDIT)
    services.need_confirm_recorded(actor=request.user, need=need, **payload.dict())
    return selectors.need_get_for(request.user, pk)


@router.get("/experts/needs/{int:pk}", response=NeedOut, operation_id="experts_needs_get")
def experts_needs_get(request: HttpRequest, pk: int) -> Need:
    return selectors.need_get_for(request.user, pk)


@router.post("/experts/needs", response={201: NeedOut}, operation_id="experts_needs_create")
def experts_needs_create(request: HttpRequest, payload: NeedIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    enterprise = get_object_or_404(org_selectors.enterprises_for(request.user), pk=payload.enterprise_id)
    text = services.NeedText(
        category=payload.category,
        title=payload.title,
        problem=payload.problem,
        equipment=payload.equipment,
        urgency=payload.urgency,
        contact_name=payload.contact_name,
        contact_phone=payload.contact_phone,
    )
    need = services.need_post(actor=request.user, enterprise=enterprise, text=text, org=org)
    return Status(201, selectors.need_get_for(request.user, need.pk))


@router.get(
    "/experts/needs/{int:pk}/recommendations",
    response=list[RecommendationOut],
    operation_id="experts_needs_recommendations",
)
def experts_needs_recommendations(request: HttpRequest, pk: int, limit: int = 10) -> list[dict[str, Any]]:
    """The experts the desk would send, best first, each with why."""
    need = selectors.need_get_for(request.user, pk)
    ranked = recommend(need, limit=max(1, min(limit, 50)))
    names = dict(Expert.objects.filter(pk__in=[r.expert_id for r in ranked]).values_list("pk", "person__name"))
    return [
        {"expert_id": r.expert_id, "name": names[r.expert_id], "score": r.score, "reasons": r.reasons} for r in ranked
    ]


@router.post("/experts/needs/{int:pk}/dispatch", response={201: DispatchOut}, operation_id="experts_dispatch")
def experts_dispatch(request: HttpRequest, pk: int, payload: DispatchIn) -> Status:
    need = selectors.need_get_for(request.user, pk)
    expert = get_object_or_404(Expert.objects.select_related("org", "person"), pk=payload.expert_id)
    return Status(201, services.dispatch_expert(actor=request.user, need=need, expert=expert))


@router.post("/experts/dispatches/{int:pk}/records", response={201: DispatchOut}, operation_id="experts_record")
def experts_record(request: HttpRequest, pk: int, payload: RecordIn) -> Status:
    dispatch = selectors.dispatch_get_for(request.user, pk)
    services.service_record_add(actor=request.user, dispatch=dispatch, **payload.dict())
    return Status(201, dispatch)


@router.post("/experts/dispatches/{int:pk}/complete", response=NeedOut, operation_id="experts_complete")
def experts_complete(request: HttpRequest, pk: int) -> Need:
    """The expert's part is done; when nobody else is on the need, the enterprise is asked to confirm."""
    need = services.dispatch_complete(actor=request.user, dispatch=selectors.dispatch_get_for(request.user, pk))
    return selectors.need_get_for(request.user, need.pk)


@router.post("/experts/needs/{int:pk}/close", response=NeedOut, operation_id="experts_needs_close")
def experts_needs_close(request: HttpRequest, pk: int, payload: CloseIn) -> Need:
    """Close as unresolved with a reason, or escalate to the federation above (opened there anew)."""
    need = selectors.need_get_for(request.user, pk)
    if payload.escalate:
        services.need_escalate(actor=request.user, need=need, reason=payload.reason)
    else:
        services.need_close_unresolved(actor=request.user, need=need, reason=payload.reason)
    return selectors.need_get_for(request.user, pk)

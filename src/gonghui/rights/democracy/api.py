"""职代会和厂务公开 over the API (staff, scoped: Perm.VIEW to read, Perm.ORG_EDIT on the enterprise's union to
write): enterprises and their representatives' shares, sessions with proposals and resolutions, 厂务公开."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text30, Text100, Text200, Text500, Year
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.democracy import motions, selectors, services
from gonghui.rights.democracy.choices import (
    CongressProposalStatus,
    DisclosureChannel,
    DisclosureTopic,
    ResolutionSubject,
)
from gonghui.rights.democracy.models import Proposal, Representative, Resolution, Session

router = Router(tags=["democracy"])


class ShareOut(Schema):
    category: str
    label: str
    count: int
    pct: float | None


class RepresentativeOut(Schema):
    id: int
    name: str
    term: int
    elected_on: dt.date
    frontline: bool
    industrial: bool
    technician: bool
    manager: bool
    woman: bool

    @staticmethod
    def resolve_name(obj: Representative) -> str:
        return obj.membership.person.name


class SharesOut(Schema):
    enterprise_id: int
    term: int | None
    total: int
    shares: list[ShareOut]
    representatives: list[RepresentativeOut]


class CongressEnterpriseOut(Schema):
    id: int
    name: str
    union: str
    term: int | None = None
    reps: int | None = None
    industrial: int | None = None
    frontline: int | None = None
    last_session: dt.date | None = None

    @staticmethod
    def resolve_union(obj: Any) -> str:
        return str(obj.union.code)


class RepresentativeIn(Schema):
    member: Text30
    term: int
    elected_on: dt.date
    frontline: bool | None = None
    industrial: bool | None = None
    technician: bool | None = None
    manager: bool = False
    woman: bool | None = None


class CongressSessionIn(Schema):
    term: int
    number: int
    held_on: dt.date
    attended: int
    agenda: Text500 = ""


class CongressProposalOut(Schema):
    id: int
    session_id: int
    title: str
    status: CongressProposalStatus
    owner: str
    due_on: dt.date | None
    done_on: dt.date | None
    outcome: str


class ResolutionOut(Schema):
    id: int
    session_id: int
    subject: ResolutionSubject
    title: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    adopted: bool
    owner: str
    due_on: dt.date | None
    done_on: dt.date | None


class CongressSessionOut(Schema):
    id: int
    enterprise_id: int
    enterprise: str
    term: int
    number: int
    held_on: dt.date
    seats: int
    attended: int
    quorate: bool

    @staticmethod
    def resolve_enterprise(obj: Session) -> str:
        return obj.enterprise.name


class SessionDetailOut(CongressSessionOut):
    proposals: list[CongressProposalOut]
    resolutions: list[ResolutionOut]

    @staticmethod
    def resolve_proposals(obj: Session) -> list[Proposal]:
        return list(obj.proposals.order_by("pk"))

    @staticmethod
    def resolve_resolutions(obj: Session) -> list[Resolution]:
        return list(obj.resolutions.order_by("pk"))


class FollowIn(Schema):
    owner: Text100 = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    outcome: Text500 = ""


class CongressProposalIn(FollowIn):
    title: Text100
    by_id: int | None = None


class ProposalFollowIn(FollowIn):
    status: CongressProposalStatus


class ResolutionIn(FollowIn):
    subject: ResolutionSubject
    title: Text100
    votes_for: int
    votes_against: int = 0
    votes_abstain: int = 0


class DisclosureIn(Schema):
    topic: DisclosureTopic
    title: Text200
    disclosed_on: dt.date
    channel: DisclosureChannel
    session_id: int | None = None


class DisclosureOut(Schema):
    id: int
    enterprise_id: int
    topic: DisclosureTopic
    title: str
    disclosed_on: dt.date
    channel: DisclosureChannel
    session_id: int | None


def _under(request: HttpRequest, under: str) -> Any:
    return org_selectors.org_pick_for(request.user, under) if under.strip() else None


def _follow(payload: FollowIn) -> motions.FollowUpFields:
    return motions.FollowUpFields(
        owner=payload.owner, due_on=payload.due_on, done_on=payload.done_on, outcome=payload.outcome
    )


@router.get("/democracy/enterprises", response=list[CongressEnterpriseOut], operation_id="democracy_enterprises_list")
def democracy_enterprises_list(request: HttpRequest, under: Text100 = "") -> Any:
    """Enterprises in scope with their latest 届's representatives (产业工人, 一线职工) and last session."""
    return list(selectors.enterprises_for(request.user, under=_under(request, under))[:500])


@router.get("/democracy/enterprises/{int:pk}/representatives", response=SharesOut, operation_id="democracy_shares")
def democracy_shares(request: HttpRequest, pk: int, term: int | None = None) -> Any:
    """A 届's representatives (the latest by default) and each category's count and share."""
    enterprise = selectors.enterprise_get_for(request.user, pk)
    term = term or selectors.latest_term(enterprise)
    reps = selectors.representatives_of(enterprise, term or 0)
    found = selectors.shares(reps)
    return {
        "enterprise_id": enterprise.pk,
        "term": term,
        "total": found.total,
        "shares": [{"category": k, "label": str(label), "count": n, "pct": pct} for k, label, n, pct in found.rows],
        "representatives": list(reps),
    }


@router.post(
    "/democracy/enterprises/{int:pk}/representatives",
    response={201: RepresentativeOut},
    operation_id="democracy_representatives_add",
)
def democracy_representatives_add(request: HttpRequest, pk: int, payload: RepresentativeIn) -> Status:
    """Add a member of the enterprise's union (by 会员编号 or ID number) as a representative of the 届."""
    enterprise = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    categories = services.Categories(
        **payload.dict(include={"frontline", "industrial", "technician", "manager", "woman"})
    )
    rep = services.representative_add(
        actor=acting_user(request),
        enterprise=enterprise,
        term=payload.term,
        membership=selectors.member_of(enterprise, payload.member),
        elected_on=payload.elected_on,
        categories=categories,
    )
    return Status(201, rep)


@router.get("/democracy/sessions", response=list[CongressSessionOut], operation_id="democracy_sessions_list")
def democracy_sessions_list(request: HttpRequest, under: Text100 = "", year: Year | None = None) -> Any:
    return list(selectors.sessions_for(request.user, under=_under(request, under), year=year)[:500])


@router.post(
    "/democracy/enterprises/{int:pk}/sessions",
    response={201: CongressSessionOut},
    operation_id="democracy_sessions_create",
)
def democracy_sessions_create(request: HttpRequest, pk: int, payload: CongressSessionIn) -> Status:
    enterprise = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    return Status(201, services.session_record(actor=acting_user(request), enterprise=enterprise, **payload.dict()))


@router.get("/democracy/sessions/{int:pk}", response=SessionDetailOut, operation_id="democracy_sessions_get")
def democracy_sessions_get(request: HttpRequest, pk: int) -> Session:
    return selectors.session_get_for(request.user, pk)


@router.get("/democracy/proposals", response=list[CongressProposalOut], operation_id="democracy_proposals_list")
def democracy_proposals_list(
    request: HttpRequest, under: Text100 = "", year: Year | None = None, status: CongressProposalStatus | None = None
) -> Any:
    qs = selectors.proposals_for(request.user, under=_under(request, under), year=year, status=status or "")
    return list(qs[:500])


@router.post(
    "/democracy/sessions/{int:pk}/proposals",
    response={201: CongressProposalOut},
    operation_id="democracy_proposals_create",
)
def democracy_proposals_create(request: HttpRequest, pk: int, payload: CongressProposalIn) -> Status:
    session = selectors.session_get_for(request.user, pk, Perm.ORG_EDIT)
    by = selectors.representative_get_for(request.user, payload.by_id) if payload.by_id else None
    made = motions.proposal_add(
        actor=acting_user(request), session=session, title=payload.title, by=by, follow=_follow(payload)
    )
    return Status(201, made)


@router.post(
    "/democracy/proposals/{int:pk}/follow", response=CongressProposalOut, operation_id="democracy_proposals_follow"
)
def democracy_proposals_follow(request: HttpRequest, pk: int, payload: ProposalFollowIn) -> Proposal:
    """The proposal's follow-up: owner, due date; done (with its date) or declined (with why)."""
    proposal = selectors.proposal_get_for(request.user, pk, Perm.ORG_EDIT)
    return motions.proposal_follow(
        actor=acting_user(request), proposal=proposal, status=payload.status, follow=_follow(payload)
    )


@router.post(
    "/democracy/sessions/{int:pk}/resolutions",
    response={201: ResolutionOut},
    operation_id="democracy_resolutions_create",
)
def democracy_resolutions_create(request: HttpRequest, pk: int, payload: ResolutionIn) -> Status:
    """A resolution and its vote; `adopted` says whether it passed (quorum and a majority of all representatives)."""
    session = selectors.session_get_for(request.user, pk, Perm.ORG_EDIT)
    made = motions.resolution_add(
        actor=acting_user(request),
        session=session,
        subject=payload.subject,
        title=payload.title,
        votes_for=payload.votes_for,
        votes_against=payload.votes_against,
        votes_abstain=payload.votes_abstain,
        follow=_follow(payload),
    )
    return Status(201, made)


@router.get("/democracy/disclosures", response=list[DisclosureOut], operation_id="democracy_disclosures_list")
def democracy_disclosures_list(request: HttpRequest, under: Text100 = "", year: Year | None = None) -> Any:
    return list(selectors.disclosures_for(request.user, under=_under(request, under), year=year)[:500])


@router.post(
    "/democracy/enterprises/{int:pk}/disclosures",
    response={201: DisclosureOut},
    operation_id="democracy_disclosures_create",
)
def democracy_disclosures_create(request: HttpRequest, pk: int, payload: DisclosureIn) -> Status:
    enterprise = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    session = selectors.session_get_for(request.user, payload.session_id) if payload.session_id else None
    made = motions.disclosure_add(
        actor=acting_user(request),
        enterprise=enterprise,
        topic=payload.topic,
        title=payload.title,
        disclosed_on=payload.disclosed_on,
        channel=payload.channel,
        session=session,
    )
    return Status(201, made)

"""建功立业 over the API: 五小 calls, projects and their review, proposals, studios, selections, figures. Scoped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text30, Text100, Text150
from gonghui.common.paging import page_after
from gonghui.innovation import panels, proposals, results, review, selections, selectors, studios
from gonghui.innovation.calls import DEFAULT_CRITERIA, CallTerms, call_open, call_quota_set
from gonghui.innovation.choices import (
    AchievementKind,
    Grade,
    NominationStatus,
    NomineeKind,
    ProjectCategory,
    ProjectStatus,
    ProposalStatus,
    RoundStatus,
    StageStatus,
)
from gonghui.innovation.models import (
    Nomination,
    Objection,
    Panel,
    PanelSeat,
    Project,
    Proposal,
    ReviewStage,
    SelectionRound,
    Studio,
)
from gonghui.innovation.projects import Submission, project_submit
from gonghui.innovation.similarity import similar_to
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for

router = Router(tags=["innovation"])


class CallOut(Schema):
    id: int
    org: str
    year: int
    title: str
    opens_on: dt.date
    closes_on: dt.date
    notice_starts: dt.date | None
    notice_ends: dt.date | None

    @staticmethod
    def resolve_org(obj: Any) -> str:
        return obj.org.code


class StageOut(Schema):
    id: int
    order: int
    org: str
    scored: bool
    status: StageStatus
    average: Decimal | None
    rank: int | None

    @staticmethod
    def resolve_org(obj: ReviewStage) -> str:
        return obj.org.code


class ProjectOut(Schema):
    id: int
    call_id: int
    org: str
    enterprise: str | None
    category: ProjectCategory
    title: str
    status: ProjectStatus
    benefit_yuan: Decimal
    final_score: Decimal | None
    rank: int | None
    grade: Grade
    certificate_no: str
    team: list[str]

    @staticmethod
    def resolve_org(obj: Project) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: Project) -> str | None:
        return obj.enterprise.name if obj.enterprise else None

    @staticmethod
    def resolve_team(obj: Project) -> list[str]:
        return [m.name for m in obj.team.all()]


class ProjectPage(Schema):
    items: list[ProjectOut]
    next_after: int | None


class ProjectIn(Schema):
    org_code: str
    call_id: int
    category: ProjectCategory
    title: str
    problem: str
    solution: str
    team: list[str]
    enterprise_id: int | None = None
    benefit_yuan: Decimal = Decimal(0)
    benefit_method: str = ""
    benefit_evidence: str = ""
    pledge: bool = False


class SimilarOut(Schema):
    project_id: int
    title: str
    score: float
    shared: list[str]


class RecommendIn(Schema):
    recommend: bool
    note: str = ""


class ScorecardIn(Schema):
    points: dict[str, Decimal]
    comment: str = ""


class ScorecardOut(Schema):
    stage_id: int
    total: Decimal


class CountOut(Schema):
    count: int


class ResolveIn(Schema):
    upheld: bool
    resolution: str


@router.get("/innovation/calls", response=list[CallOut], operation_id="innovation_calls_list")
def innovation_calls_list(request: HttpRequest) -> Any:
    """Calls issued in the caller's subtree or by a federation above it."""
    return selectors.calls_for(request.user)[:200]


class CallIn(Schema):
    org_code: str
    title: str
    year: int
    opens_on: dt.date
    closes_on: dt.date
    criteria: str = DEFAULT_CRITERIA
    min_reviewers: int = 3
    first_prizes: int = 1
    second_prizes: int = 2
    third_prizes: int = 3
    merit_score: Decimal = Decimal(60)
    notice_days: int = 7


class QuotaIn(Schema):
    org_code: str
    quota: int | None


@router.post("/innovation/calls", response={201: CallOut}, operation_id="innovation_calls_create")
def innovation_calls_create(request: HttpRequest, payload: CallIn) -> Status:
    """A federation opens a call; `criteria` is its rubric, one "name points" per line."""
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    terms = CallTerms(**payload.dict(exclude={"org_code"}))
    return Status(201, call_open(actor=request.user, org=org, terms=terms))


@router.post("/innovation/calls/{int:pk}/quotas", response=CountOut, operation_id="innovation_call_quota")
def innovation_call_quota(request: HttpRequest, pk: int, payload: QuotaIn) -> dict[str, int]:
    """How many projects a union under the call may forward (null lifts the limit)."""
    call = selectors.call_get_for(request.user, pk)
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    quota = call_quota_set(actor=request.user, call=call, org=org, quota=payload.quota)
    return {"count": quota.quota if quota else 0}


class SeatOut(Schema):
    id: int
    username: str
    display_name: str
    enterprise: str | None

    @staticmethod
    def resolve_username(obj: PanelSeat) -> str:
        return obj.user.get_username()

    @staticmethod
    def resolve_display_name(obj: PanelSeat) -> str:
        return str(obj.user)

    @staticmethod
    def resolve_enterprise(obj: PanelSeat) -> str | None:
        return obj.enterprise.name if obj.enterprise else None


class PanelOut(Schema):
    org_code: str
    org_name: str
    seats: list[SeatOut]

    @staticmethod
    def resolve_org_code(obj: Panel) -> str:
        return obj.org.code

    @staticmethod
    def resolve_org_name(obj: Panel) -> str:
        return obj.org.name

    @staticmethod
    def resolve_seats(obj: Panel) -> list[PanelSeat]:
        return list(obj.seats.all())


class SeatIn(Schema):
    org_code: Text100
    username: Text150
    enterprise_uscc: Text30 = ""


@router.get("/innovation/calls/{int:pk}/panels", response=list[PanelOut], operation_id="innovation_panels_list")
def innovation_panels_list(request: HttpRequest, pk: int) -> list[Panel]:
    """The call's review panels (评审专家组) at the levels the caller sees, with their reviewers."""
    return panels.panels_for(request.user, selectors.call_get_for(request.user, pk))


@router.post("/innovation/calls/{int:pk}/panels/seats", response={201: SeatOut}, operation_id="innovation_panel_seat")
def innovation_panel_seat(request: HttpRequest, pk: int, payload: SeatIn) -> Status:
    """Seat a reviewer on the call's panel at a county-or-higher federation (review permission there)."""
    call = selectors.call_get_for(request.user, pk)
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.REVIEW)
    reviewer = panels.reviewer_for(org, payload.username)
    enterprise = None
    if payload.enterprise_uscc.strip():
        enterprise = org_selectors.enterprise_in_scope(
            request.user, payload.enterprise_uscc, org, Perm.REVIEW, field="enterprise_uscc"
        )
    seat = panels.panel_seat(
        actor=request.user, call=call, org=org, reviewer=reviewer, enterprise=enterprise, request=request
    )
    return Status(201, seat)


@router.delete("/innovation/panel-seats/{int:pk}", response={204: None}, operation_id="innovation_panel_unseat")
def innovation_panel_unseat(request: HttpRequest, pk: int) -> Status:
    """Unseat a reviewer who has not scored at that level yet."""
    panels.panel_unseat(actor=request.user, seat=panels.seat_get_for(request.user, pk, Perm.REVIEW), request=request)
    return Status(204, None)


@router.get("/innovation/projects", response=ProjectPage, operation_id="innovation_projects_list")
def innovation_projects_list(
    request: HttpRequest, call_id: int | None = None, status: str = "", category: str = "", after: int | None = None
) -> dict[str, Any]:
    qs = selectors.projects_for(request.user, status=status, category=category).prefetch_related("team")
    if call_id:
        qs = qs.filter(call_id=call_id)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.get("/innovation/projects/{int:pk}", response=ProjectOut, operation_id="innovation_projects_get")
def innovation_projects_get(request: HttpRequest, pk: int) -> Project:
    return selectors.project_get_for(request.user, pk)


@router.post("/innovation/projects", response={201: ProjectOut}, operation_id="innovation_projects_create")
def innovation_projects_create(request: HttpRequest, payload: ProjectIn) -> Status:
    """A cadre submits on a worker's behalf; the union's own review stage opens."""
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    call = selectors.call_get_for(request.user, payload.call_id)
    enterprise = (
        get_object_or_404(org_selectors.enterprises_for(request.user), pk=payload.enterprise_id)
        if payload.enterprise_id
        else None
    )
    submission = Submission(
        category=payload.category,
        title=payload.title,
        problem=payload.problem,
        solution=payload.solution,
        team=payload.team,
        benefit_yuan=payload.benefit_yuan,
        benefit_method=payload.benefit_method,
        benefit_evidence=payload.benefit_evidence,
        pledge=payload.pledge,
        enterprise=enterprise,
    )
    return Status(201, project_submit(actor=request.user, call=call, org=org, submission=submission))


@router.get("/innovation/projects/{int:pk}/stages", response=list[StageOut], operation_id="innovation_stages_list")
def innovation_stages_list(request: HttpRequest, pk: int) -> Any:
    return selectors.project_get_for(request.user, pk).stages.select_related("org")


@router.get("/innovation/projects/{int:pk}/similar", response=list[SimilarOut], operation_id="innovation_similar")
def innovation_similar(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """Earlier projects in the caller's scope whose text is close (the reviewers' duplicate hint)."""
    project = selectors.project_get_for(request.user, pk)
    scope = scope_for(request.user)
    hits = [h for h in similar_to(project, limit=20) if scope.contains(h.project.org)][:5]
    return [{"project_id": h.project.pk, "title": h.project.title, "score": h.score, "shared": h.shared} for h in hits]


def _stage(request: HttpRequest, pk: int) -> ReviewStage:
    stage = get_object_or_404(ReviewStage.objects.select_related("project", "org"), pk=pk)
    selectors.project_get_for(request.user, stage.project_id)
    return stage


@router.post("/innovation/stages/{int:pk}/recommend", response=StageOut, operation_id="innovation_stage_recommend")
def innovation_stage_recommend(request: HttpRequest, pk: int, payload: RecommendIn) -> ReviewStage:
    """The project's own union recommends it upwards (within its quota), or not, with a reason."""
    stage = review.stage_recommend(
        actor=request.user, stage=_stage(request, pk), recommend=payload.recommend, note=payload.note
    )
    return ReviewStage.objects.select_related("org").get(pk=stage.pk)


@router.post("/innovation/stages/{int:pk}/scorecard", response=ScorecardOut, operation_id="innovation_scorecard")
def innovation_scorecard(request: HttpRequest, pk: int, payload: ScorecardIn) -> dict[str, Any]:
    """A panel reviewer's points per rubric criterion (by criterion id); refused on a conflict of interest."""
    card = review.scorecard_submit(
        actor=request.user, stage=_stage(request, pk), points=dict(payload.points), comment=payload.comment
    )
    return {"stage_id": card.stage_id, "total": card.total}


@router.post(
    "/innovation/calls/{int:pk}/levels/{code}/close", response=list[StageOut], operation_id="innovation_level_close"
)
def innovation_level_close(request: HttpRequest, pk: int, code: str) -> Any:
    """Close a federation's scored level of the call: rank by average, forward the best within quota."""
    call = selectors.call_get_for(request.user, pk)
    org = org_selectors.org_get_for(request.user, code)
    return review.level_close(actor=request.user, call=call, org=org)


@router.post("/innovation/calls/{int:pk}/announce", response=CountOut, operation_id="innovation_announce")
def innovation_announce(request: HttpRequest, pk: int) -> dict[str, int]:
    """Grade the finalists and open the public notice; returns how many projects are on notice."""
    call = selectors.call_get_for(request.user, pk)
    return {"count": results.call_announce(actor=request.user, call=call)}


@router.post("/innovation/calls/{int:pk}/awards", response=CountOut, operation_id="innovation_awards")
def innovation_awards(request: HttpRequest, pk: int) -> dict[str, int]:
    call = selectors.call_get_for(request.user, pk)
    return {"count": results.call_confirm_awards(actor=request.user, call=call)}


@router.post("/innovation/objections/{int:pk}/resolve", response=CountOut, operation_id="innovation_objection_resolve")
def innovation_objection_resolve(request: HttpRequest, pk: int, payload: ResolveIn) -> dict[str, int]:
    objection = get_object_or_404(Objection.objects.select_related("project__call__org"), pk=pk)
    selectors.project_get_for(request.user, objection.project_id)
    results.objection_resolve(
        actor=request.user, objection=objection, upheld=payload.upheld, resolution=payload.resolution
    )
    return {"count": 1}


# 合理化建议 ------------------------------------------------------------------------------------------


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


# 创新工作室 ------------------------------------------------------------------------------------------


class StudioOut(Schema):
    id: int
    org: str
    name: str
    kind: str
    level: str
    leader: str
    field: str
    stars: int

    @staticmethod
    def resolve_org(obj: Studio) -> str:
        return obj.org.code

    @staticmethod
    def resolve_leader(obj: Studio) -> str:
        return obj.leader.name


class StudioIn(Schema):
    org_code: str
    name: str
    kind: Literal["model_worker", "craftsman", "staff"] = "model_worker"
    level: Literal["national", "provincial", "city", "county"]
    leader_id_number: str
    field: str
    leader_title: str = ""


class AchievementIn(Schema):
    kind: AchievementKind
    title: str
    achieved_on: dt.date
    quantity: int = 1
    value_yuan: Decimal = Decimal(0)
    evidence: str = ""


class RateIn(Schema):
    year: int
    assessment: Decimal


class RatingOut(Schema):
    year: int
    achievement_points: Decimal
    assessment: Decimal
    score: Decimal
    stars: int
    breakdown: dict[str, dict[str, str]]


class StarRuleIn(Schema):
    org_code: str
    year: int
    points: dict[AchievementKind, Decimal]
    caps: dict[AchievementKind, Decimal] = {}
    thresholds: list[Decimal]
    assessment_weight: Decimal = Decimal("0.30")


@router.post("/innovation/star-rules", response=CountOut, operation_id="innovation_star_rule")
def innovation_star_rule(request: HttpRequest, payload: StarRuleIn) -> dict[str, int]:
    """A federation's yearly star rule: points per unit of achievement, caps, weight, five thresholds."""
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    rule = studios.star_rule_set(
        actor=request.user,
        org=org,
        year=payload.year,
        points={str(k): str(v) for k, v in payload.points.items()},
        caps={str(k): str(v) for k, v in payload.caps.items()},
        thresholds=[str(t) for t in payload.thresholds],
        assessment_weight=payload.assessment_weight,
    )
    return {"count": rule.pk}


@router.get("/innovation/studios", response=list[StudioOut], operation_id="innovation_studios_list")
def innovation_studios_list(request: HttpRequest, stars: int | None = None) -> Any:
    qs = selectors.studios_for(request.user)
    return (qs.filter(stars=stars) if stars is not None else qs)[:500]


@router.post("/innovation/studios", response={201: StudioOut}, operation_id="innovation_studios_create")
def innovation_studios_create(request: HttpRequest, payload: StudioIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    studio = studios.studio_register(
        actor=request.user,
        org=org,
        name=payload.name,
        kind=payload.kind,
        level=payload.level,
        leader=person_in_scope(request.user, payload.leader_id_number, org, Perm.ORG_EDIT, field="leader_id_number"),
        field=payload.field,
        leader_title=payload.leader_title,
    )
    return Status(201, studio)


@router.post(
    "/innovation/studios/{int:pk}/achievements", response={201: CountOut}, operation_id="innovation_achievements_add"
)
def innovation_achievements_add(request: HttpRequest, pk: int, payload: AchievementIn) -> Status:
    studios.achievement_add(actor=request.user, studio=selectors.studio_get_for(request.user, pk), **payload.dict())
    return Status(201, {"count": 1})


@router.post("/innovation/studios/{int:pk}/rate", response=RatingOut, operation_id="innovation_studios_rate")
def innovation_studios_rate(request: HttpRequest, pk: int, payload: RateIn) -> Any:
    """Rate a year by the federation's star rule over that year's achievements plus the assessment."""
    return studios.studio_rate(
        actor=request.user,
        studio=selectors.studio_get_for(request.user, pk),
        year=payload.year,
        assessment=payload.assessment,
    )


# 评选 ------------------------------------------------------------------------------------------------


class RoundOut(Schema):
    id: int
    kind: str
    org: str
    title: str | None
    year: int
    name: str
    quota: int
    status: RoundStatus

    @staticmethod
    def resolve_org(obj: SelectionRound) -> str:
        return obj.org.code

    @staticmethod
    def resolve_title(obj: SelectionRound) -> str | None:
        return obj.title.name if obj.title else None


class NominationOut(Schema):
    id: int
    round_id: int
    nominee: str
    nominee_kind: NomineeKind
    nominated_by: str
    is_front_line: bool
    score: Decimal | None
    status: NominationStatus

    @staticmethod
    def resolve_nominee(obj: Nomination) -> str:
        return str(obj)

    @staticmethod
    def resolve_nominated_by(obj: Nomination) -> str:
        return obj.nominated_by.code


class NominationIn(Schema):
    nominated_by: str
    kind: NomineeKind
    id_number: str = ""
    enterprise_id: int | None = None
    team_name: str = ""
    is_front_line: bool = False
    deeds: str = ""
    scores: dict[str, Decimal] = {}


class DecideIn(Schema):
    select: bool
    note: str = ""


@router.get("/innovation/rounds", response=list[RoundOut], operation_id="innovation_rounds_list")
def innovation_rounds_list(request: HttpRequest) -> Any:
    return selectors.rounds_for(request.user)[:200]


@router.get(
    "/innovation/rounds/{int:pk}/nominations", response=list[NominationOut], operation_id="innovation_nominations_list"
)
def innovation_nominations_list(request: HttpRequest, pk: int) -> Any:
    return selectors.nominations_for(request.user, selectors.round_get_for(request.user, pk))


@router.post(
    "/innovation/rounds/{int:pk}/nominations", response={201: NominationOut}, operation_id="innovation_nominate"
)
def innovation_nominate(request: HttpRequest, pk: int, payload: NominationIn) -> Status:
    round_ = selectors.round_get_for(request.user, pk)
    nominated_by = org_selectors.org_pick_for(request.user, payload.nominated_by)
    nomination = selections.nominate(
        actor=request.user,
        round_=round_,
        nominated_by=nominated_by,
        kind=payload.kind,
        person=person_in_scope(request.user, payload.id_number, nominated_by, Perm.ORG_EDIT)
        if payload.kind == NomineeKind.PERSON
        else None,
        enterprise=get_object_or_404(org_selectors.enterprises_for(request.user), pk=payload.enterprise_id)
        if payload.enterprise_id
        else None,
        team_name=payload.team_name,
        is_front_line=payload.is_front_line,
        deeds=payload.deeds,
        scores=dict(payload.scores),
    )
    return Status(201, nomination)


@router.post("/innovation/nominations/{int:pk}/decide", response=NominationOut, operation_id="innovation_decide")
def innovation_decide(request: HttpRequest, pk: int, payload: DecideIn) -> Nomination:
    nomination = get_object_or_404(
        Nomination.objects.select_related("round__org", "nominated_by"),
        pk=pk,
        round__in=selectors.rounds_for(request.user),
    )
    selections.nomination_decide(actor=request.user, nomination=nomination, select=payload.select, note=payload.note)
    return Nomination.objects.select_related("person", "enterprise", "nominated_by").get(pk=pk)


@router.post("/innovation/rounds/{int:pk}/notice", response=RoundOut, operation_id="innovation_round_notice")
def innovation_round_notice(request: HttpRequest, pk: int) -> SelectionRound:
    return selections.round_notice(actor=request.user, round_=selectors.round_get_for(request.user, pk))


@router.post("/innovation/rounds/{int:pk}/publish", response=CountOut, operation_id="innovation_round_publish")
def innovation_round_publish(request: HttpRequest, pk: int) -> dict[str, int]:
    return {"count": selections.round_publish(actor=request.user, round_=selectors.round_get_for(request.user, pk))}


# 统计 ------------------------------------------------------------------------------------------------

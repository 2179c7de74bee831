"""五小 calls, projects and their review over the API: panels, recommending, scoring, closing levels, awards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text30, Text100, Text150
from gonghui.common.paging import page_after
from gonghui.innovation.api_schemas import CountOut
from gonghui.innovation.choices import (
    Grade,
    ProjectCategory,
    ProjectStatus,
    StageStatus,
)
from gonghui.innovation.models import (
    Objection,
    Panel,
    PanelSeat,
    Project,
    ReviewStage,
)
from gonghui.innovation.projects import panels, results, review, selectors
from gonghui.innovation.projects.calls import DEFAULT_CRITERIA, CallTerms, call_open, call_quota_set
from gonghui.innovation.projects.similarity import similar_to
from gonghui.innovation.projects.submission import Submission, project_submit
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
    seat = panels.panel_seat_named(
        actor=request.user,
        call=call,
        org=org,
        username=payload.username,
        enterprise_uscc=payload.enterprise_uscc,
        request=request,
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

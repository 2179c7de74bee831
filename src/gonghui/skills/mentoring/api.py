"""名师带徒 over the API: mentors (list, register), pairs (list, get, create, close), milestones (add, done)
and evaluations. Scoped to the caller's unions; people are named by ID number (never in a URL)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.common.api_fields import Text20, Text30, Text50, Text100, Text500, Year
from gonghui.common.paging import page_after
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification.occupations import occupation_by_code
from gonghui.skills.mentoring import progress, selectors, services
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, MentorKind, PairMode, PairStatus
from gonghui.skills.mentoring.models import Evaluation, Mentor, Milestone, Pair

router = Router(tags=["mentoring"])


class MentoringMentorOut(Schema):
    id: int
    org: str
    name: str
    kind: MentorKind
    title: str
    honor: str | None
    expert_id: int | None
    max_apprentices: int
    active_count: int

    @staticmethod
    def resolve_org(obj: Mentor) -> str:
        return obj.org.code

    @staticmethod
    def resolve_name(obj: Mentor) -> str:
        return obj.person.name

    @staticmethod
    def resolve_honor(obj: Mentor) -> str | None:
        return obj.honor.round.title.name if obj.honor and obj.honor.round.title else None


class MentoringMentorIn(Schema):
    org_code: Text100
    id_number: Text30 = Field(description="a member of the union or a union below it")
    kind: MentorKind | None = None
    title: Text100 = ""
    max_apprentices: int = Field(default=3, ge=1, le=20)


class MentoringMilestoneOut(Schema):
    id: int
    title: str
    due_on: dt.date
    done_on: dt.date | None
    note: str


class MentoringEvaluationOut(Schema):
    id: int
    direction: EvaluationSide
    stage: EvaluationStage
    score: int
    remarks: str


class MentoringPairOut(Schema):
    id: int
    org: str
    mentor_id: int
    mentor: str
    apprentice: str
    occupation: str | None
    mode: PairMode
    school: str
    starts_on: dt.date
    ends_on: dt.date
    goals: str
    stipend: Decimal
    status: PairStatus
    closed_on: dt.date | None
    level_start: str
    level_end: str
    competition_results: str

    @staticmethod
    def resolve_org(obj: Pair) -> str:
        return obj.org.code

    @staticmethod
    def resolve_mentor(obj: Pair) -> str:
        return obj.mentor.person.name

    @staticmethod
    def resolve_apprentice(obj: Pair) -> str:
        return obj.apprentice.name

    @staticmethod
    def resolve_occupation(obj: Pair) -> str | None:
        return obj.occupation.code if obj.occupation else None


class MentoringPairDetailOut(MentoringPairOut):
    milestones: list[MentoringMilestoneOut]
    evaluations: list[MentoringEvaluationOut]

    @staticmethod
    def resolve_milestones(obj: Pair) -> list[Milestone]:
        return list(selectors.milestones_of(obj))

    @staticmethod
    def resolve_evaluations(obj: Pair) -> list[Evaluation]:
        return list(selectors.evaluations_of(obj))


class MentoringPairPage(Schema):
    items: list[MentoringPairOut]
    next_after: int | None


class MentoringPairIn(Schema):
    org_code: Text100
    mentor_id: int
    apprentice_id_number: Text30
    occupation_code: Text20 = ""
    mode: PairMode = PairMode.ENTERPRISE
    school: Text100 = ""
    school_mentor: Text50 = ""
    starts_on: dt.date
    ends_on: dt.date
    goals: Text500
    stipend: Decimal = Field(default=Decimal(0), ge=0, max_digits=12, decimal_places=2)


class MentoringCloseIn(Schema):
    completed: bool
    closed_on: dt.date
    note: Text500 = ""
    competition_results: Text500 = ""


class MentoringMilestoneIn(Schema):
    title: Text100
    due_on: dt.date


class MentoringMilestoneDoneIn(Schema):
    done_on: dt.date
    note: Text100 = ""


class MentoringEvaluationIn(Schema):
    direction: EvaluationSide
    stage: EvaluationStage
    score: int = Field(ge=0, le=100)
    remarks: Text500 = ""


@router.get("/mentoring/mentors", response=list[MentoringMentorOut], operation_id="mentoring_mentors_list")
def mentoring_mentors_list(request: HttpRequest, under: Text100 = "") -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.mentors_for(request.user, under=org)[:500])


@router.post("/mentoring/mentors", response={201: MentoringMentorOut}, operation_id="mentoring_mentors_create")
def mentoring_mentors_create(request: HttpRequest, payload: MentoringMentorIn) -> Status:
    """Register a mentor (Perm.ORG_EDIT); their conferred honor and expert-pool entry are linked when found."""
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    person = person_in_scope(actor, payload.id_number, org, Perm.ORG_EDIT)
    mentor = services.mentor_register(
        actor=actor,
        org=org,
        person=person,
        kind=payload.kind or "",
        title=payload.title,
        max_apprentices=payload.max_apprentices,
    )
    return Status(201, selectors.mentors_for(actor).get(pk=mentor.pk))


@router.get("/mentoring/pairs", response=MentoringPairPage, operation_id="mentoring_pairs_list")
def mentoring_pairs_list(
    request: HttpRequest,
    status: PairStatus | None = None,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.pairs_for(request.user, status=status or "", under=org, year=year)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.get("/mentoring/pairs/{int:pk}", response=MentoringPairDetailOut, operation_id="mentoring_pairs_get")
def mentoring_pairs_get(request: HttpRequest, pk: int) -> Pair:
    return selectors.pair_get_for(request.user, pk)


@router.post("/mentoring/pairs", response={201: MentoringPairDetailOut}, operation_id="mentoring_pairs_create")
def mentoring_pairs_create(request: HttpRequest, payload: MentoringPairIn) -> Status:
    """Pair an apprentice with a mentor: 422 when the apprentice is already paired in the period or the mentor
    has as many apprentices as they may."""
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    mentor = selectors.mentor_get_for(actor, payload.mentor_id)
    apprentice = person_in_scope(actor, payload.apprentice_id_number, org, Perm.ORG_EDIT, field="apprentice_id_number")
    code = payload.occupation_code.strip()
    data = services.PairFields(
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        goals=payload.goals,
        occupation=occupation_by_code(code, field="occupation_code") if code else None,
        mode=payload.mode,
        school=payload.school,
        school_mentor=payload.school_mentor,
        stipend=payload.stipend,
    )
    pair = services.pair_create(actor=actor, org=org, mentor=mentor, apprentice=apprentice, data=data)
    return Status(201, selectors.pair_get_for(actor, pair.pk))


@router.post("/mentoring/pairs/{int:pk}/close", response=MentoringPairDetailOut, operation_id="mentoring_pairs_close")
def mentoring_pairs_close(request: HttpRequest, pk: int, payload: MentoringCloseIn) -> Pair:
    actor = acting_user(request)
    pair = selectors.pair_get_for(actor, pk)
    services.pair_close(
        actor=actor,
        pair=pair,
        completed=payload.completed,
        closed_on=payload.closed_on,
        note=payload.note,
        competition_results=payload.competition_results,
    )
    return selectors.pair_get_for(actor, pk)


@router.post(
    "/mentoring/pairs/{int:pk}/milestones",
    response={201: MentoringMilestoneOut},
    operation_id="mentoring_milestones_create",
)
def mentoring_milestones_create(request: HttpRequest, pk: int, payload: MentoringMilestoneIn) -> Status:
    actor = acting_user(request)
    pair = selectors.pair_get_for(actor, pk)
    return Status(201, progress.milestone_add(actor=actor, pair=pair, title=payload.title, due_on=payload.due_on))


@router.post(
    "/mentoring/milestones/{int:pk}/done", response=MentoringMilestoneOut, operation_id="mentoring_milestones_done"
)
def mentoring_milestones_done(request: HttpRequest, pk: int, payload: MentoringMilestoneDoneIn) -> Milestone:
    actor = acting_user(request)
    milestone = selectors.milestone_get_for(actor, pk)
    return progress.milestone_done(actor=actor, milestone=milestone, done_on=payload.done_on, note=payload.note)


@router.post(
    "/mentoring/pairs/{int:pk}/evaluations",
    response={201: MentoringEvaluationOut},
    operation_id="mentoring_evaluations_create",
)
def mentoring_evaluations_create(request: HttpRequest, pk: int, payload: MentoringEvaluationIn) -> Status:
    """Record one side's evaluation of the other (once per side and stage)."""
    actor = acting_user(request)
    pair = selectors.pair_get_for(actor, pk)
    evaluation = progress.evaluation_record(
        actor=actor,
        pair=pair,
        direction=payload.direction,
        stage=payload.stage,
        score=payload.score,
        remarks=payload.remarks,
    )
    return Status(201, evaluation)

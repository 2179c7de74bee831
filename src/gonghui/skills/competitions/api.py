"""劳动和技能竞赛 over the API (staff, scoped): competitions (list, get, create), entries (list, create),
scores (a clerk enters a judge's sheet), results (the stored ranking of a stage, publishing the notice)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.common.api_fields import Text20, Text50, Text100, Year
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions import entries, results, scoring, selectors, services
from gonghui.skills.competitions.choices import CompetitionKind, CompetitionStatus, EntryMode, EntryStatus
from gonghui.skills.competitions.models import Competition, Entry, Judge, StageResult

router = Router(tags=["competitions"])


class CompetitionOut(Schema):
    id: int
    org: str
    title: str
    kind: CompetitionKind
    year: int
    chain: str
    occupation: str
    project: str
    entry_mode: EntryMode
    quota_per_union: int | None
    status: CompetitionStatus
    event_id: int
    notice_starts: dt.date | None
    notice_ends: dt.date | None

    @staticmethod
    def resolve_org(obj: Competition) -> str:
        return obj.org.code

    @staticmethod
    def resolve_occupation(obj: Competition) -> str:
        return obj.occupation.name if obj.occupation else ""


class CompetitionPage(Schema):
    items: list[CompetitionOut]
    next_after: int | None


class CompetitionIn(Schema):
    org_code: Text100
    title: Text100
    kind: CompetitionKind
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: Text100
    entry_mode: EntryMode = EntryMode.INDIVIDUAL
    places: int = Field(default=1000, ge=1, le=100_000)
    chain: Text50 = ""
    occupation_code: Text20 = ""
    project: Text100 = ""
    team_size_min: int = Field(default=0, ge=0, le=100)
    team_size_max: int = Field(default=0, ge=0, le=100)
    quota_per_union: int | None = Field(default=None, ge=1, le=10_000)
    min_age: int | None = Field(default=None, ge=16, le=70)
    max_age: int | None = Field(default=None, ge=16, le=70)
    notice_days: int = Field(default=5, ge=1, le=30)


class CompetitionEntryOut(Schema):
    id: int
    number: int
    org: str
    name: str
    status: EntryStatus
    created_at: dt.datetime

    @staticmethod
    def resolve_org(obj: Entry) -> str:
        return obj.org.code


class EntryPage(Schema):
    items: list[CompetitionEntryOut]
    next_after: int | None


class CompetitionEntryIn(Schema):
    org_code: Text100
    member_nos: list[Text20] = Field(min_length=1, max_length=50)
    team_name: Text50 = ""


class ScoreIn(Schema):
    judge_id: int
    entry_number: int = Field(ge=1)
    marks: dict[str, Decimal] = Field(description="marks per sheet item id")
    time_seconds: int | None = Field(default=None, ge=1, le=86_400)
    sheet_copy: int = Field(default=1, ge=1, le=2, description="2: the second typing of a paper sheet")


class ResultOut(Schema):
    entry_id: int
    number: int
    name: str
    org: str
    total: Decimal | None
    practical: Decimal | None
    time_seconds: int | None
    rank: int | None
    flagged: bool
    advanced: bool

    @staticmethod
    def resolve_name(obj: StageResult) -> str:
        return obj.entry.name

    @staticmethod
    def resolve_org(obj: StageResult) -> str:
        return obj.entry.org.code


class RankingPage(Schema):
    items: list[ResultOut]
    next_after: int | None


class PublishOut(Schema):
    on_notice: int
    notice_ends: dt.date | None


@router.get("/competitions", response=CompetitionPage, operation_id="competitions_list")
def competitions_list(
    request: HttpRequest, under: Text100 = "", year: Year | None = None, after: int | None = None
) -> dict[str, Any]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    items, next_after = page_after(selectors.competitions_for(request.user, under=org, year=year), after=after)
    return {"items": items, "next_after": next_after}


@router.get("/competitions/{int:pk}", response=CompetitionOut, operation_id="competitions_get")
def competitions_get(request: HttpRequest, pk: int) -> Competition:
    return selectors.competition_get_for(request.user, pk)


@router.post("/competitions", response={201: CompetitionOut}, operation_id="competitions_create")
def competitions_create(request: HttpRequest, payload: CompetitionIn) -> Status:
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    occupation = (
        get_object_or_404(Occupation, code=payload.occupation_code.strip()) if payload.occupation_code.strip() else None
    )
    data = services.CompetitionFields(
        title=payload.title, kind=payload.kind, starts_at=payload.starts_at, ends_at=payload.ends_at,
        venue=payload.venue, entry_mode=payload.entry_mode, places=payload.places, chain=payload.chain,
        occupation=occupation, project=payload.project, team_size_min=payload.team_size_min,
        team_size_max=payload.team_size_max, quota_per_union=payload.quota_per_union, min_age=payload.min_age,
        max_age=payload.max_age, notice_days=payload.notice_days,
    )  # fmt: skip
    return Status(201, services.competition_create(actor=actor, org=org, data=data))


@router.get("/competitions/{int:pk}/entries", response=EntryPage, operation_id="competitions_entries_list")
def competitions_entries_list(request: HttpRequest, pk: int, after: int | None = None) -> dict[str, Any]:
    competition = selectors.competition_get_for(request.user, pk)
    items, next_after = page_after(selectors.entries_for(request.user, competition), after=after)
    return {"items": items, "next_after": next_after}


@router.post(
    "/competitions/{int:pk}/entries", response={201: CompetitionEntryOut}, operation_id="competitions_entries_create"
)
def competitions_entries_create(request: HttpRequest, pk: int, payload: CompetitionEntryIn) -> Status:
    """A grassroots union (Perm.ORG_EDIT) enters one member or a team; 422 with a Chinese reason when the
    union's quota is used up or an entrant is not eligible."""
    actor = acting_user(request)
    competition = selectors.competition_get_for(actor, pk)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    entry = entries.entry_create(
        actor=actor, competition=competition, org=org, member_nos=payload.member_nos, team_name=payload.team_name
    )
    return Status(201, entry)


@router.post("/competitions/stages/{int:pk}/scores", response=ResultOut, operation_id="competitions_scores_enter")
def competitions_scores_enter(request: HttpRequest, pk: int, payload: ScoreIn) -> StageResult:
    """The organiser's clerk enters a judge's sheet (copy 2 for double entry); returns the entry's result."""
    actor = acting_user(request)
    stage = selectors.stage_get_for(actor, pk, Perm.ORG_EDIT)
    judge = get_object_or_404(Judge, pk=payload.judge_id, stage=stage)
    entry = get_object_or_404(Entry, competition_id=stage.competition_id, number=payload.entry_number)
    scoring.score_enter(
        actor=actor,
        judge=judge,
        entry=entry,
        marks={k: str(v) for k, v in payload.marks.items()},
        time_seconds=payload.time_seconds,
        copy=payload.sheet_copy,
    )
    return StageResult.objects.select_related("entry__org").get(stage=stage, entry=entry)


@router.get("/competitions/stages/{int:pk}/ranking", response=RankingPage, operation_id="competitions_ranking")
def competitions_ranking(request: HttpRequest, pk: int, after: int = 0) -> dict[str, Any]:
    """The stage's stored ranking, 50 a page after the rank `after`."""
    stage = selectors.stage_get_for_ranking(request.user, pk)
    items, next_after = selectors.ranking(stage, after_rank=max(after, 0))
    return {"items": items, "next_after": next_after}


@router.post("/competitions/{int:pk}/publish", response=PublishOut, operation_id="competitions_publish")
def competitions_publish(request: HttpRequest, pk: int) -> dict[str, Any]:
    """Put the final's prize winners on public notice (the objection window opens)."""
    actor = acting_user(request)
    competition = selectors.competition_get_for(actor, pk, Perm.ORG_EDIT)
    n = results.competition_publish(actor=actor, competition=competition)
    competition.refresh_from_db()
    return {"on_notice": n, "notice_ends": competition.notice_ends}

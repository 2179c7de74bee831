"""Innovation studios and their star ratings over the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status

from gonghui.innovation.api_schemas import CountOut
from gonghui.innovation.choices import (
    AchievementKind,
)
from gonghui.innovation.models import (
    Studio,
)
from gonghui.innovation.studios import selectors
from gonghui.innovation.studios import services as studios
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm

router = Router(tags=["innovation"])


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

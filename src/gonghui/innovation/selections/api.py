"""Selection rounds (劳模, 工匠, 全员创新企业 …) and nominations over the API."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from gonghui.innovation.api_schemas import CountOut
from gonghui.innovation.choices import (
    NominationStatus,
    NomineeKind,
    RoundStatus,
)
from gonghui.innovation.models import (
    Nomination,
    SelectionRound,
)
from gonghui.innovation.selections import selectors
from gonghui.innovation.selections import services as selections
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm

router = Router(tags=["innovation"])


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

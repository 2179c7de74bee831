"""法律咨询 and 法律援助 over the API: consultations and cases (list, get, create; cases also transition),
for staff holding the rights role, each row read-audited as on the workbench. The worker's and the lawyer's
pages are on the phone only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.appointments.models import Provider
from gonghui.common.api_fields import Text30, Text100, Text200, Text500, Year
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.base.access import case_read
from gonghui.rights.legalaid import cases, consultations, lookups, selectors
from gonghui.rights.legalaid.choices import (
    Basis,
    CaseOutcome,
    CaseStatus,
    CaseStepKind,
    ConsultationChannel,
    FollowUp,
    Topic,
)
from gonghui.rights.legalaid.models import CaseStep, Consultation, LegalAidCase

router = Router(tags=["legalaid"])


class ConsultationOut(Schema):
    id: int
    org: str
    channel: ConsultationChannel
    station: str
    appointment_id: int | None
    who: str
    mobile: str = Field(description="masked")
    topic: Topic
    question: str
    answer: str
    follow_up: FollowUp
    call_back_on: dt.date | None
    case_id: int | None
    asked_at: dt.datetime

    @staticmethod
    def resolve_org(obj: Consultation) -> str:
        return obj.org.code

    @staticmethod
    def resolve_station(obj: Consultation) -> str:
        return obj.station.name if obj.station else ""

    @staticmethod
    def resolve_mobile(obj: Consultation) -> str:
        return obj.mobile.masked() if obj.mobile else ""


class ConsultationPage(Schema):
    items: list[ConsultationOut]
    next_after: int | None


class StepOut(Schema):
    kind: CaseStepKind
    on: dt.date
    note: str


class CaseOut(Schema):
    id: int
    ref: str
    org: str
    helping_org: str | None
    person: str
    id_number: str = Field(description="masked")
    topic: Topic
    employer_name: str
    claim_amount: Decimal | None
    status: CaseStatus
    applied_on: dt.date
    due_on: dt.date | None
    basis: Basis | Literal[""]
    refuse_reason: str
    provider_id: int | None
    firm: str
    outcome: CaseOutcome | Literal[""]
    outcome_note: str
    recovered: Decimal
    closed_on: dt.date | None

    @staticmethod
    def resolve_org(obj: LegalAidCase) -> str:
        return obj.org.code

    @staticmethod
    def resolve_helping_org(obj: LegalAidCase) -> str | None:
        return obj.helping_org.code if obj.helping_org else None

    @staticmethod
    def resolve_person(obj: LegalAidCase) -> str:
        return obj.person.name

    @staticmethod
    def resolve_id_number(obj: LegalAidCase) -> str:
        return obj.person.id_number.masked() if obj.person.id_number else ""


class CaseDetailOut(CaseOut):
    summary: str
    note: str
    steps: list[StepOut]

    @staticmethod
    def resolve_steps(obj: LegalAidCase) -> list[CaseStep]:
        return selectors.steps_of(obj)


class CasePage(Schema):
    items: list[CaseOut]
    next_after: int | None


class ConsultationIn(Schema):
    org_code: Text100
    channel: Literal["walk_in", "hotline", "appointment"]
    topic: Topic
    question: str = Field(max_length=1000)
    answer: str = Field(default="", max_length=1000)
    follow_up: Literal["none", "call_back"] = "none"
    call_back_on: dt.date | None = None
    id_number: Text30 = ""
    name: Text100 = ""
    mobile: Text30 = ""
    station_id: int | None = Field(default=None, ge=1)
    appointment_id: int | None = Field(default=None, ge=1)


class CaseIn(Schema):
    org_code: Text100
    id_number: Text30
    helping_org_code: Text100 = ""
    topic: Topic
    summary: str = Field(max_length=2000)
    claim_amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    employer_uscc: Text30 = ""
    employer_name: Text200 = ""


class LegalAidTransitionIn(Schema):
    action: Literal["accept", "refuse", "assign", "step", "close"]
    reason: Text200 = ""
    provider_id: int | None = Field(default=None, ge=1)
    firm: Text100 = ""
    kind: CaseStepKind | None = None
    on: dt.date | None = None
    note: Text500 = ""
    outcome: CaseOutcome | None = None
    recovered: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    outcome_note: Text500 = ""
    closed_on: dt.date | None = None


def _under(request: HttpRequest, under: str) -> Any:
    return lookups.org_or_none(acting_user(request), under)


@router.get("/legalaid/consultations", response=ConsultationPage, operation_id="legalaid_consultations_list")
def legalaid_consultations_list(request: HttpRequest, under: Text100 = "", channel: ConsultationChannel | None = None,
                                topic: Topic | None = None, year: Year | None = None,
                                after: int | None = None) -> dict[str, Any]:  # fmt: skip
    """Consultations of the unions where the caller holds the rights role; each row returned is audited."""
    actor = acting_user(request)
    filters = selectors.ConsultationFilters(under=_under(request, under), channel=channel or "", topic=topic or "",
                                            year=year)  # fmt: skip
    items, next_after = page_after(selectors.consultations_for(actor, filters), after=after)
    for item in items:
        case_read(actor, item, item.org, request)
    return {"items": items, "next_after": next_after}


@router.get("/legalaid/consultations/{int:pk}", response=ConsultationOut, operation_id="legalaid_consultations_get")
def legalaid_consultations_get(request: HttpRequest, pk: int) -> Consultation:
    return selectors.consultation_get_for(acting_user(request), pk, request)


@router.post("/legalaid/consultations", response={201: ConsultationOut}, operation_id="legalaid_consultations_create")
def legalaid_consultations_create(request: HttpRequest, payload: ConsultationIn) -> Status:
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.RIGHTS)
    person = lookups.person_for_case(actor, payload.id_number, org) if payload.id_number.strip() else None
    data = consultations.ConsultationFields(
        channel=payload.channel, topic=payload.topic, question=payload.question, answer=payload.answer,
        follow_up=payload.follow_up, call_back_on=payload.call_back_on, name=payload.name, mobile=payload.mobile,
        station=lookups.station_in_scope(actor, payload.station_id),
        appointment=lookups.legal_appointment(actor, payload.appointment_id),
    )  # fmt: skip
    consultation = consultations.consultation_record(actor=actor, org=org, data=data, person=person)
    return Status(201, selectors.consultation_get_for(actor, consultation.pk, request))


@router.get("/legalaid/cases", response=CasePage, operation_id="legalaid_cases_list")
def legalaid_cases_list(request: HttpRequest, under: Text100 = "", status: CaseStatus | None = None,
                        topic: Topic | None = None, year: Year | None = None, overdue: bool = False,
                        after: int | None = None) -> dict[str, Any]:  # fmt: skip
    """Cases of the unions where the caller holds the rights role (the case's or the helping union);
    each row returned is audited."""
    actor = acting_user(request)
    filters = selectors.CaseFilters(under=_under(request, under), status=status or "", topic=topic or "", year=year,
                                    overdue=overdue)  # fmt: skip
    items, next_after = page_after(selectors.cases_for(actor, filters), after=after)
    for item in items:
        case_read(actor, item, item.org, request)
    return {"items": items, "next_after": next_after}


@router.get("/legalaid/cases/{int:pk}", response=CaseDetailOut, operation_id="legalaid_cases_get")
def legalaid_cases_get(request: HttpRequest, pk: int) -> LegalAidCase:
    return selectors.case_get_for(acting_user(request), pk, request)


@router.post("/legalaid/cases", response={201: CaseDetailOut}, operation_id="legalaid_cases_create")
def legalaid_cases_create(request: HttpRequest, payload: CaseIn) -> Status:
    """A worker's application, recorded at their union (the rights role there); 422 with a Chinese reason
    for a person or an enterprise outside the caller's scope."""
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.RIGHTS)
    data = cases.CaseFields(
        topic=payload.topic, summary=payload.summary, claim_amount=payload.claim_amount,
        employer=lookups.employer_by_uscc(payload.employer_uscc), employer_name=payload.employer_name,
    )  # fmt: skip
    case = cases.case_apply(
        actor=actor, org=org, person=lookups.person_for_case(actor, payload.id_number, org), data=data,
        helping_org=lookups.helping_union(actor, payload.helping_org_code),
    )  # fmt: skip
    return Status(201, selectors.case_get_for(actor, case.pk, request))


@router.post("/legalaid/cases/{int:pk}/transition", response=CaseDetailOut, operation_id="legalaid_cases_transition")
def legalaid_cases_transition(request: HttpRequest, pk: int, payload: LegalAidTransitionIn) -> LegalAidCase:
    """审查 (accept / refuse with a reason), 指派 (provider_id of a legal provider, or a firm's name), a 代理
    step (kind, on, note), 结案 (outcome, recovered, outcome_note, closed_on)."""
    actor = acting_user(request)
    case = selectors.case_get_for(actor, pk, request)
    p = payload
    if p.action == "accept":
        cases.case_accept(actor=actor, case=case)
    elif p.action == "refuse":
        cases.case_refuse(actor=actor, case=case, reason=p.reason)
    elif p.action == "assign":
        provider = Provider.objects.select_related("org").filter(pk=p.provider_id).first() if p.provider_id else None
        if p.provider_id and provider is None:
            raise ValidationError({"provider_id": _("找不到该律师。")})
        cases.case_assign(actor=actor, case=case, provider=provider, firm=p.firm)
    elif p.action == "step":
        cases.case_step(actor=actor, case=case, kind=p.kind or "", on=p.on, note=p.note)
    else:
        cases.case_close(actor=actor, case=case, outcome=p.outcome or "", recovered=p.recovered,
                         outcome_note=p.outcome_note, closed_on=p.closed_on)  # fmt: skip
    case.refresh_from_db()
    return case

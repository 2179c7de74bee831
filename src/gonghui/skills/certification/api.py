"""技能等级认定 over the API, scoped to the caller's unions: pilot enterprises (designate, licences, the pay-grade
table), batches (list, get, create), their candidates, and results entered as JSON rows or an Excel upload
(all rows or none: a 422 lists every row's problem). Answers carry masked ID numbers only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from gonghui.common.api_fields import Text20, Text30, Text50, Text64, Text100, Text200, Year
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification import batches, pilots, selectors
from gonghui.skills.certification.choices import BatchStatus, SkillLevel
from gonghui.skills.certification.excel_import import batch_import_upload
from gonghui.skills.certification.models import Batch, Candidate, Licence, PayGrade, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_by_code
from gonghui.skills.certification.results import Outcome, results_record

router = Router(tags=["certification"])
Score = Decimal  # validated by the service (0–100, one decimal), so a bad row is reported with its number


class LicenceOut(Schema):
    id: int
    pilot_id: int
    occupation_code: str
    occupation: str
    lowest: SkillLevel
    highest: SkillLevel
    valid_from: dt.date
    valid_until: dt.date
    authority: str
    reference: str

    @staticmethod
    def resolve_occupation_code(obj: Licence) -> str:
        return obj.occupation.code

    @staticmethod
    def resolve_occupation(obj: Licence) -> str:
        return obj.occupation.name


class PayGradeOut(Schema):
    level: SkillLevel
    grade: str
    allowance: Decimal


class PilotOut(Schema):
    id: int
    enterprise: str
    enterprise_uscc: str
    org: str
    designated_by: str
    designated_on: dt.date
    is_active: bool

    @staticmethod
    def resolve_enterprise(obj: PilotEnterprise) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_enterprise_uscc(obj: PilotEnterprise) -> str:
        return obj.enterprise.uscc

    @staticmethod
    def resolve_org(obj: PilotEnterprise) -> str:
        return obj.org.code

    @staticmethod
    def resolve_designated_by(obj: PilotEnterprise) -> str:
        return obj.designated_by.code


class PilotDetailOut(PilotOut):
    licences: list[LicenceOut]
    pay_grades: list[PayGradeOut]

    @staticmethod
    def resolve_licences(obj: PilotEnterprise) -> list[Licence]:
        return list(selectors.licences_of(obj))

    @staticmethod
    def resolve_pay_grades(obj: PilotEnterprise) -> list[PayGrade]:
        return list(selectors.pay_grades_of(obj))


class PilotIn(Schema):
    org_code: Text100  # the federation that designates (a union above the enterprise's)
    enterprise_uscc: Text30
    designated_on: dt.date | None = None


class LicenceIn(Schema):
    occupation_code: Text20
    lowest: SkillLevel
    highest: SkillLevel
    valid_from: dt.date
    valid_until: dt.date
    authority: Text100
    reference: Text64 = ""


class PayGradeIn(Schema):
    level: SkillLevel
    grade: Text30
    allowance: Decimal = Field(ge=0, max_digits=12, decimal_places=2)


class BatchOut(Schema):
    id: int
    pilot_id: int
    enterprise: str
    org: str
    name: str
    occupation_code: str
    levels: list[SkillLevel]
    starts_on: dt.date
    ends_on: dt.date
    assessors: str
    theory_pass: Decimal
    practical_pass: Decimal
    status: BatchStatus
    entered: int = 0
    passed: int = 0

    @staticmethod
    def resolve_enterprise(obj: Batch) -> str:
        return obj.pilot.enterprise.name

    @staticmethod
    def resolve_org(obj: Batch) -> str:
        return obj.org.code

    @staticmethod
    def resolve_occupation_code(obj: Batch) -> str:
        return obj.occupation.code

    @staticmethod
    def resolve_levels(obj: Batch) -> list[str]:
        return obj.level_list

    @staticmethod
    def resolve_passed(obj: Batch) -> int:
        return getattr(obj, "passed_count", 0)


class BatchIn(Schema):
    pilot_id: int = Field(ge=1)
    name: Text100
    occupation_code: Text20
    levels: list[SkillLevel] = Field(min_length=1, max_length=5)
    starts_on: dt.date
    ends_on: dt.date
    assessors: Text200
    theory_pass: Decimal = Field(default=Decimal(60), ge=0, le=100, decimal_places=1)
    practical_pass: Decimal = Field(default=Decimal(60), ge=0, le=100, decimal_places=1)


class CandidateOut(Schema):
    id: int
    name: str
    id_number: str  # masked
    level: SkillLevel
    previous_level: str
    theory: Decimal
    practical: Decimal
    passed: bool
    certificate_number: str
    external_number: str
    pay_grade: str
    allowance: Decimal | None
    promoted: bool

    @staticmethod
    def resolve_name(obj: Candidate) -> str:
        return obj.person.name

    @staticmethod
    def resolve_id_number(obj: Candidate) -> str:
        return obj.person.id_number.masked()

    @staticmethod
    def resolve_certificate_number(obj: Candidate) -> str:
        return obj.certificate.number if obj.certificate else ""


class CandidatePage(Schema):
    items: list[CandidateOut]
    next_after: int | None


class BatchPage(Schema):
    items: list[BatchOut]
    next_after: int | None


class ResultIn(Schema):
    name: Text50
    id_number: Text30
    theory: Score
    practical: Score
    level: Text20 = ""
    certificate_number: Text50 = ""


class ResultsIn(Schema):
    rows: list[ResultIn] = Field(min_length=1, max_length=3000)


class OutcomeOut(Schema):
    rows: int
    recorded: int
    passed: int
    promoted: int
    already: int


@router.get("/certification/pilots", response=list[PilotOut], operation_id="certification_pilots_list")
def certification_pilots_list(request: HttpRequest, under: Text100 = "") -> list[PilotEnterprise]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.pilots_for(request.user, under=org)[:500])


@router.get("/certification/pilots/{int:pk}", response=PilotDetailOut, operation_id="certification_pilots_get")
def certification_pilots_get(request: HttpRequest, pk: int) -> PilotEnterprise:
    return selectors.pilot_get_for(request.user, pk)


@router.post("/certification/pilots", response={201: PilotDetailOut}, operation_id="certification_pilots_create")
def certification_pilots_create(request: HttpRequest, payload: PilotIn) -> Status:
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    enterprise = org_selectors.enterprise_in_scope(
        actor, payload.enterprise_uscc, org, Perm.ORG_EDIT, field="enterprise_uscc"
    )
    pilot = pilots.pilot_designate(actor=actor, enterprise=enterprise, by=org, designated_on=payload.designated_on)
    return Status(201, selectors.pilot_get_for(actor, pilot.pk))


@router.get("/certification/licences", response=list[LicenceOut], operation_id="certification_licences_list")
def certification_licences_list(request: HttpRequest, under: Text100 = "") -> list[Licence]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.licences_for(request.user, under=org)[:500])


@router.post(
    "/certification/pilots/{int:pk}/licences", response={201: LicenceOut}, operation_id="certification_licences_create"
)
def certification_licences_create(request: HttpRequest, pk: int, payload: LicenceIn) -> Status:
    """Filed by the federation above the pilot's union (the pilot's own staff get 403)."""
    actor = acting_user(request)
    pilot = selectors.pilot_get_for(actor, pk)
    data = pilots.LicenceFields(
        occupation=occupation_by_code(payload.occupation_code, field="occupation_code"),
        lowest=payload.lowest,
        highest=payload.highest,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        authority=payload.authority,
        reference=payload.reference,
    )
    return Status(201, pilots.licence_add(actor=actor, pilot=pilot, data=data))


@router.put(
    "/certification/pilots/{int:pk}/pay-grades", response=PilotDetailOut, operation_id="certification_pay_grades_set"
)
def certification_pay_grades_set(request: HttpRequest, pk: int, payload: list[PayGradeIn]) -> PilotEnterprise:
    """Set the pay grade of each level given (others stay as they are)."""
    actor = acting_user(request)
    pilot = selectors.pilot_get_for(actor, pk, Perm.ORG_EDIT)
    for row in payload[:5]:
        pilots.pay_grade_set(actor=actor, pilot=pilot, level=row.level, grade=row.grade, allowance=row.allowance)
    return pilot


@router.get("/certification/batches", response=BatchPage, operation_id="certification_batches_list")
def certification_batches_list(
    request: HttpRequest,
    under: Text100 = "",
    status: BatchStatus | None = None,
    year: Year | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.batches_for(request.user, under=org, status=status or "", year=year)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.get("/certification/batches/{int:pk}", response=BatchOut, operation_id="certification_batches_get")
def certification_batches_get(request: HttpRequest, pk: int) -> Batch:
    batch = selectors.batch_get_for(request.user, pk)
    return selectors.batches_for(request.user).get(pk=batch.pk)


@router.post("/certification/batches", response={201: BatchOut}, operation_id="certification_batches_create")
def certification_batches_create(request: HttpRequest, payload: BatchIn) -> Status:
    actor = acting_user(request)
    pilot = selectors.pilot_get_for(actor, payload.pilot_id, Perm.ORG_EDIT)
    data = batches.BatchFields(
        name=payload.name,
        occupation=occupation_by_code(payload.occupation_code, field="occupation_code"),
        levels=[str(level) for level in payload.levels],
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        assessors=payload.assessors,
        theory_pass=payload.theory_pass,
        practical_pass=payload.practical_pass,
    )
    batch = batches.batch_create(actor=actor, pilot=pilot, data=data)
    return Status(201, selectors.batches_for(actor).get(pk=batch.pk))


@router.get(
    "/certification/batches/{int:pk}/candidates", response=CandidatePage, operation_id="certification_candidates_list"
)
def certification_candidates_list(request: HttpRequest, pk: int, after: int | None = None) -> dict[str, Any]:
    batch = selectors.batch_get_for(request.user, pk)
    items, next_after = page_after(selectors.candidates_of(batch), after=after, size=200)
    return {"items": items, "next_after": next_after}


def _outcome(outcome: Outcome) -> Outcome:
    outcome.raise_errors()
    return outcome


@router.post("/certification/batches/{int:pk}/results", response=OutcomeOut, operation_id="certification_results_enter")
def certification_results_enter(request: HttpRequest, pk: int, payload: ResultsIn) -> Outcome:
    """Enter results as rows (numbered from 1 in the answer's errors): all recorded, or none and a 422."""
    actor = acting_user(request)
    batch = selectors.batch_get_for(actor, pk, Perm.ORG_EDIT)
    rows = [(n, row.dict()) for n, row in enumerate(payload.rows, start=1)]
    return _outcome(results_record(actor=actor, batch=batch, rows=rows))


@router.post("/certification/batches/{int:pk}/import", response=OutcomeOut, operation_id="certification_batches_import")
def certification_batches_import(request: HttpRequest, pk: int, file: File[UploadedFile]) -> Outcome:
    """Upload the results sheet (multipart): all rows recorded, or none and a 422 naming each row."""
    actor = acting_user(request)
    batch = selectors.batch_get_for(actor, pk, Perm.ORG_EDIT)
    return _outcome(batch_import_upload(actor=actor, batch=batch, upload=file))

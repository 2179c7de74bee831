"""技能等级认定 over the API, scoped to the caller's unions: pilot enterprises (designate, licences, the pay-grade
table), batches (list, get, create), their candidates, and results entered as JSON rows or an Excel upload
(all rows or none: a 422 lists every row's problem). Answers carry masked ID numbers only."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Status
from ninja.files import UploadedFile

from gonghui.common.api_fields import Text100, Year
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification import batches, pilots, selectors
from gonghui.skills.certification.api_schemas import (
    BatchIn,
    BatchOut,
    BatchPage,
    CandidatePage,
    LicenceIn,
    LicenceOut,
    OutcomeOut,
    PayGradeIn,
    PilotDetailOut,
    PilotIn,
    PilotOut,
    ResultsIn,
)
from gonghui.skills.certification.choices import BatchStatus
from gonghui.skills.certification.excel_import import batch_import_upload
from gonghui.skills.certification.models import Batch, Licence, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_by_code
from gonghui.skills.certification.results import Outcome, results_record

router = Router(tags=["certification"])


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

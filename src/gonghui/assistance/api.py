"""Hardship files over the API: every operation scoped (ASSISTANCE). Payouts are the ledger's (ledger.api)."""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status

from gonghui.assistance import selectors, services
from gonghui.assistance.choices import Category, Cause, FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.orgs import selectors as org_selectors

router = Router(tags=["assistance"])


class FileOut(Schema):
    id: int
    org: str
    person: str
    status: FileStatus
    category: Category | Literal[""]
    computed_category: Category | Literal[""]
    per_capita_income: Decimal
    family_size: int
    main_cause: str
    opened_on: dt.date | None
    recheck_due: dt.date | None
    times_reopened: int

    @staticmethod
    def resolve_org(obj: HardshipFile) -> str:
        return obj.org.code

    @staticmethod
    def resolve_person(obj: HardshipFile) -> str:
        return obj.person.name


class StepIn(Schema):
    """One workflow step; which fields matter depends on `kind`."""

    kind: Literal["review", "reject", "visit", "notice", "objection", "open", "close", "reopen"]
    note: str = ""
    visited_on: dt.date | None = None
    visitors: str = ""
    ends_on: dt.date | None = None
    plan: str = ""


class FileIn(Schema):
    """A cadre's application for a household whose head is on record (a member, or a 农民工)."""

    org_code: str
    id_number: str
    family_size: int
    own_income: Decimal
    other_income: Decimal = Decimal(0)
    essential_costs: Decimal = Decimal(0)
    main_cause: Cause
    other_causes: list[Cause] = []


@router.post("/assistance/files", response={201: FileOut}, operation_id="assistance_files_create")
def assistance_files_create(request: HttpRequest, payload: FileIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    household = services.Household(
        own_income=payload.own_income,
        other_income=payload.other_income,
        essential_costs=payload.essential_costs,
        family_size=payload.family_size,
        main_cause=payload.main_cause,
        other_causes=[c for c in payload.other_causes if c != payload.main_cause],
    )
    file = services.hardship_file_apply(
        actor=request.user,
        org=org,
        person=selectors.applicant_in_scope(request.user, payload.id_number, org),
        household=household,
    )
    return Status(201, file)


@router.get("/assistance/files", response=list[FileOut], operation_id="assistance_files_list")
def assistance_files_list(request: HttpRequest, status: str = "", category: str = "", limit: int = 50) -> Any:
    """Hardship files in the caller's ASSISTANCE scope (status also takes recheck_due and fell_back)."""
    return selectors.files_for(request.user, status=status, category=category)[: max(1, min(limit, 200))]


@router.get("/assistance/files/{int:pk}", response=FileOut, operation_id="assistance_files_get")
def assistance_files_get(request: HttpRequest, pk: int) -> HardshipFile:
    """One file; the read is audited."""
    return selectors.file_get_for(request.user, pk, request=request)


@router.post("/assistance/files/{int:pk}/steps", response=FileOut, operation_id="assistance_files_step")
def assistance_files_step(request: HttpRequest, pk: int, payload: StepIn) -> HardshipFile:
    """Move a file along its workflow: review, reject, visit, notice, objection, open, close, reopen."""
    file = selectors.file_get_for(request.user, pk, request=request)
    today = timezone.localdate()  # the API takes today for a visit or notice date left out
    services.hardship_file_step(
        actor=request.user,
        file=file,
        kind=payload.kind,
        note=payload.note,
        visited_on=payload.visited_on or today,
        visitors=payload.visitors,
        ends_on=payload.ends_on or today,
        plan=payload.plan,
    )
    return HardshipFile.objects.select_related("org", "person").get(pk=file.pk)

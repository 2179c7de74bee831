"""求学圆梦 over the API: programmes (list, get, create) and applications (list, get, create from a paper
form, decide), and the subsidy of an approved application (enter, approve) through the aid ledger. Scoped
to the caller's unions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field, StringConstraints

from gonghui.assistance.choices import FundSource
from gonghui.common.api_fields import NoNul, Text30, Text50, Text100, Text200, Year
from gonghui.common.paging import page_after
from gonghui.ledger.choices import PayoutStatus
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.study import selectors, services, subsidies
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Application, Programme

router = Router(tags=["study"])
Money = Field(gt=0, max_digits=12, decimal_places=2)
Text1000 = Annotated[str, StringConstraints(max_length=1000), NoNul]


class StudyStandardOut(Schema):
    level: DegreeLevel
    amount: Decimal


class StudyProgrammeOut(Schema):
    id: int
    org: str
    org_name: str
    year: int
    name: str
    eligibility: Eligibility
    quota: int
    approved_count: int
    budget: Decimal
    opens_on: dt.date
    closes_on: dt.date
    standards: list[StudyStandardOut]
    notes: str

    @staticmethod
    def resolve_org(obj: Programme) -> str:
        return obj.org.code

    @staticmethod
    def resolve_org_name(obj: Programme) -> str:
        return obj.org.name

    @staticmethod
    def resolve_standards(obj: Programme) -> list[Any]:
        return list(obj.standards.all())


class StudyProgrammeIn(Schema):
    org_code: Text100
    year: Year
    name: Text100
    eligibility: Eligibility = Eligibility.FRONT_LINE
    quota: int = Field(ge=1, le=100_000)
    budget: Decimal = Money
    opens_on: dt.date
    closes_on: dt.date
    standards: dict[DegreeLevel, Decimal] = Field(description="degree level → most paid per person (元)")
    notes: Text1000 = ""


class StudyApplicationOut(Schema):
    id: int
    programme_id: int
    org: str
    person: str
    job: str
    front_line: bool
    level: DegreeLevel
    mode: StudyMode
    school: str
    major: str
    enrolled_year: int
    fees: Decimal
    has_letter: bool
    status: StudyStatus
    reason: str
    subsidy: Decimal | None
    subsidy_status: PayoutStatus | None
    graduated_on: dt.date | None
    certificate_no: str
    created_at: dt.datetime

    @staticmethod
    def resolve_org(obj: Application) -> str:
        return obj.org.code

    @staticmethod
    def resolve_person(obj: Application) -> str:
        return obj.person.name

    @staticmethod
    def resolve_has_letter(obj: Application) -> bool:
        return bool(obj.letter)

    @staticmethod
    def resolve_subsidy(obj: Application) -> Decimal | None:
        return obj.payout.amount if obj.payout is not None else None

    @staticmethod
    def resolve_subsidy_status(obj: Application) -> str | None:
        return obj.payout.status if obj.payout is not None else None


class StudyApplicationPage(Schema):
    items: list[StudyApplicationOut]
    next_after: int | None


class StudyApplicationIn(Schema):
    programme_id: int
    id_number: Text30 = Field(description="the member's ID number (a member in the programme union's subtree)")
    job: Text50
    front_line: bool = False
    level: DegreeLevel
    mode: StudyMode
    school: Text100
    major: Text100
    enrolled_year: Year
    fees: Decimal = Money


class StudyDecideIn(Schema):
    approve: bool
    reason: Text200 = ""


class StudySubsidyIn(Schema):
    amount: Decimal = Money
    paid_on: dt.date
    fund: FundSource = FundSource.UNION_FUNDS
    reference: Text50 = ""


@router.get("/study/programmes", response=list[StudyProgrammeOut], operation_id="study_programmes_list")
def study_programmes_list(request: HttpRequest, year: Year | None = None, under: Text100 = "") -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.programmes_for(request.user, year=year, under=org)[:200])


@router.get("/study/programmes/{int:pk}", response=StudyProgrammeOut, operation_id="study_programmes_get")
def study_programmes_get(request: HttpRequest, pk: int) -> Programme:
    return selectors.programme_get_for(request.user, pk)


@router.post("/study/programmes", response={201: StudyProgrammeOut}, operation_id="study_programmes_create")
def study_programmes_create(request: HttpRequest, payload: StudyProgrammeIn) -> Status:
    """A union opens its 求学圆梦 for a year (Perm.ORG_EDIT): one programme per union and year."""
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    data = services.ProgrammeFields(
        year=payload.year,
        name=payload.name,
        eligibility=payload.eligibility,
        quota=payload.quota,
        budget=payload.budget,
        opens_on=payload.opens_on,
        closes_on=payload.closes_on,
        standards={str(level): amount for level, amount in payload.standards.items()},
        notes=payload.notes,
    )
    programme = services.programme_create(actor=actor, org=org, data=data)
    return Status(201, selectors.programme_get_for(actor, programme.pk))


@router.get("/study/applications", response=StudyApplicationPage, operation_id="study_applications_list")
def study_applications_list(
    request: HttpRequest,
    programme: int | None = None,
    status: StudyStatus | None = None,
    year: Year | None = None,
    under: Text100 = "",
    after: int | None = None,
) -> dict[str, Any]:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.applications_for(request.user, programme=programme, status=status or "", year=year, under=org)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.get("/study/applications/{int:pk}", response=StudyApplicationOut, operation_id="study_applications_get")
def study_applications_get(request: HttpRequest, pk: int) -> Application:
    return selectors.application_get_for(request.user, pk)


@router.post("/study/applications", response={201: StudyApplicationOut}, operation_id="study_applications_create")
def study_applications_create(request: HttpRequest, payload: StudyApplicationIn) -> Status:
    """A cadre of the programme's union (Perm.ORG_EDIT) enters a worker's paper application."""
    actor = acting_user(request)
    programme = selectors.programme_get_for(actor, payload.programme_id, Perm.ORG_EDIT)
    person = person_in_scope(actor, payload.id_number, programme.org, Perm.ORG_EDIT)
    data = services.ApplicationFields(
        job=payload.job,
        level=payload.level,
        mode=payload.mode,
        school=payload.school,
        major=payload.major,
        enrolled_year=payload.enrolled_year,
        fees=payload.fees,
        front_line=payload.front_line,
    )
    application = services.application_enter(actor=actor, programme=programme, person=person, data=data)
    return Status(201, selectors.application_get_for(actor, application.pk))


@router.post(
    "/study/applications/{int:pk}/decide", response=StudyApplicationOut, operation_id="study_applications_decide"
)
def study_applications_decide(request: HttpRequest, pk: int, payload: StudyDecideIn) -> Application:
    """Approve within the programme's quota (422 once it is full) or refuse with a reason (Perm.REVIEW)."""
    actor = acting_user(request)
    application = selectors.application_get_for(actor, pk)
    services.application_decide(actor=actor, application=application, approve=payload.approve, reason=payload.reason)
    return selectors.application_get_for(actor, pk)


@router.post(
    "/study/applications/{int:pk}/subsidy", response={201: StudyApplicationOut}, operation_id="study_subsidy_enter"
)
def study_subsidy_enter(request: HttpRequest, pk: int, payload: StudySubsidyIn) -> Status:
    """The maker enters the subsidy as a 助学 payout in the aid ledger; one per application."""
    actor = acting_user(request)
    application = selectors.application_get_for(actor, pk)
    subsidies.subsidy_enter(
        actor=actor,
        application=application,
        amount=payload.amount,
        paid_on=payload.paid_on,
        fund=payload.fund,
        reference=payload.reference,
    )
    return Status(201, selectors.application_get_for(actor, pk))


@router.post(
    "/study/applications/{int:pk}/subsidy/approve",
    response=StudyApplicationOut,
    operation_id="study_subsidy_approve",
)
def study_subsidy_approve(request: HttpRequest, pk: int) -> Application:
    """A finance user other than the maker approves the subsidy: it is paid."""
    actor = acting_user(request)
    application = selectors.application_get_for(actor, pk)
    subsidies.subsidy_approve(actor=actor, application=application)
    return selectors.application_get_for(actor, pk)

"""Hardship files and the aid ledger over the API: every operation scoped (ASSISTANCE / FINANCE)."""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status

from gonghui.assistance import selectors, services
from gonghui.assistance.choices import Category, Cause, FileStatus, FundSource, PayoutKind, PayoutStatus
from gonghui.assistance.models import HardshipFile, Payout
from gonghui.assistance.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.campaigns.selectors import campaigns_covering
from gonghui.members.selectors import membership_get_for
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


class PayoutIn(Schema):
    org_code: str
    kind: PayoutKind
    fund: FundSource
    paid_on: dt.date
    amount: Decimal = Decimal(0)
    goods: str = ""
    goods_value: Decimal = Decimal(0)
    membership_id: int | None = None
    file_id: int | None = None
    enterprise_id: int | None = None
    campaign_id: int | None = None
    reference: str = ""
    override_reason: str = ""


class PayoutOut(Schema):
    id: int
    org: str
    person: str | None
    enterprise: str | None
    campaign_id: int | None
    kind: PayoutKind
    amount: Decimal
    goods: str
    goods_value: Decimal
    fund: FundSource
    paid_on: dt.date
    status: PayoutStatus
    maker: str
    checker: str | None
    warnings: list[str] = []  # for the maker, on entry: e.g. the campaign is now over its budget

    @staticmethod
    def resolve_org(obj: Payout) -> str:
        return obj.org.code

    @staticmethod
    def resolve_person(obj: Payout) -> str | None:
        return obj.person.name if obj.person else None

    @staticmethod
    def resolve_enterprise(obj: Payout) -> str | None:
        return obj.enterprise.name if obj.enterprise else None

    @staticmethod
    def resolve_maker(obj: Payout) -> str:
        return obj.maker.get_username()

    @staticmethod
    def resolve_checker(obj: Payout) -> str | None:
        return obj.checker.get_username() if obj.checker else None


class RejectIn(Schema):
    reason: str


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


@router.get("/assistance/payouts", response=list[PayoutOut], operation_id="assistance_payouts_list")
def assistance_payouts_list(
    request: HttpRequest, campaign: int | None = None, status: str = "", limit: int = 50
) -> Any:
    return selectors.payouts_for(request.user, campaign=campaign, status=status).select_related("maker", "checker")[
        : max(1, min(limit, 200))
    ]


@router.post("/assistance/payouts", response={201: PayoutOut}, operation_id="assistance_payouts_create")
def assistance_payouts_create(request: HttpRequest, payload: PayoutIn) -> Status:
    """Enter a payout (the maker); it counts once another person approves it."""
    actor = request.user
    org = org_selectors.org_pick_for(actor, payload.org_code)
    person = membership_get_for(actor, payload.membership_id).person if payload.membership_id else None
    file = selectors.file_get_for(actor, payload.file_id, request=request) if payload.file_id else None
    enterprise = (
        get_object_or_404(org_selectors.enterprises_for(actor), pk=payload.enterprise_id)
        if payload.enterprise_id
        else None
    )
    # A grassroots cadre pays within the campaign of a union above (which they need not see otherwise).
    campaign = get_object_or_404(campaigns_covering(org), pk=payload.campaign_id) if payload.campaign_id else None
    payout = aid_payout_create(
        actor=actor,
        org=org,
        kind=payload.kind,
        fund=payload.fund,
        paid_on=payload.paid_on,
        amount=payload.amount,
        goods=payload.goods,
        goods_value=payload.goods_value,
        person=person,
        file=file,
        enterprise=enterprise,
        campaign=campaign,
        reference=payload.reference,
        override_reason=payload.override_reason,
    )
    return Status(201, payout)


@router.post("/assistance/payouts/{int:pk}/approve", response=PayoutOut, operation_id="assistance_payouts_approve")
def assistance_payouts_approve(request: HttpRequest, pk: int) -> Payout:
    """The checker's approval: not the maker, and never a second payment of a kind in a campaign."""
    return aid_payout_approve(actor=request.user, payout=selectors.payout_get_for(request.user, pk))


@router.post("/assistance/payouts/{int:pk}/reject", response=PayoutOut, operation_id="assistance_payouts_reject")
def assistance_payouts_reject(request: HttpRequest, pk: int, payload: RejectIn) -> Payout:
    return aid_payout_reject(
        actor=request.user, payout=selectors.payout_get_for(request.user, pk), reason=payload.reason
    )

"""Member registry over the API: join and progress (public), roster and decisions (scoped)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile

from gonghui.common.access import public_view
from gonghui.common.audit import client_ip
from gonghui.common.idcard import normalize_idcard
from gonghui.common.mobile import normalize_mobile
from gonghui.common.paging import page_after
from gonghui.members import selectors
from gonghui.members.choices import EmploymentForm, IdType, MembershipStatus, TransferStatus
from gonghui.members.identity import Applicant
from gonghui.members.importer.jobs import import_confirm, import_upload
from gonghui.members.importer.pipeline import Mode
from gonghui.members.models import JoinCampaign, Membership, Transfer
from gonghui.members.selectors import MemberFilters
from gonghui.members.services import (
    member_join,
    membership_approve,
    membership_reject,
    transfer_approve,
    transfer_reject,
)
from gonghui.members.throttle import progress_lookup_allowed
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm

router = Router(tags=["members"])


class JoinIn(Schema):
    org_code: str
    name: str
    id_type: IdType = IdType.RESIDENT
    id_number: str
    mobile: str
    employment_form: EmploymentForm | None = None
    employer_name: str = ""
    platform: str = ""
    occupation: str = ""
    village: str = ""
    consent: bool = False
    campaign_code: str = ""


class JoinOut(Schema):
    outcome: str
    message: str
    status: MembershipStatus | None = None


class ProgressIn(Schema):
    id_number: str
    mobile: str


class ProgressOut(Schema):
    org_name: str
    status: MembershipStatus
    status_label: str
    applied_at: dt.datetime
    joined_on: dt.date | None
    reason: str


class MemberOut(Schema):
    id: int
    name: str = Field(..., alias="person.name")
    id_type: IdType = Field(..., alias="person.id_type")
    id_number_masked: str
    mobile_masked: str
    sex: str = Field(..., alias="person.sex")
    birth_date: dt.date | None = Field(..., alias="person.birth_date")
    village: str = Field(..., alias="person.village")
    org_code: str = Field(..., alias="org.code")
    org_name: str = Field(..., alias="org.name")
    status: MembershipStatus
    member_no: str
    joined_on: dt.date | None
    applied_at: dt.datetime
    employment_form: str
    employer_name: str
    occupation: str

    @staticmethod
    def resolve_id_number_masked(obj: Membership) -> str:
        return obj.person.id_number.masked() if obj.person.id_number else ""

    @staticmethod
    def resolve_mobile_masked(obj: Membership) -> str:
        return obj.person.mobile.masked() if obj.person.mobile else ""


class MemberPage(Schema):
    items: list[MemberOut]
    next_after: int | None


class RejectIn(Schema):
    reason: str


class TransferOut(Schema):
    id: int
    status: TransferStatus
    to_org_code: str = Field(..., alias="to_org.code")
    from_org_code: str = Field(..., alias="from_membership.org.code")
    out_approved: bool
    in_approved: bool

    @staticmethod
    def resolve_out_approved(obj: Transfer) -> bool:
        return obj.out_approved_at is not None

    @staticmethod
    def resolve_in_approved(obj: Transfer) -> bool:
        return obj.in_approved_at is not None


@router.post("/join", response=JoinOut, auth=None, operation_id="members_join")
@public_view
def members_join(request: HttpRequest, payload: JoinIn) -> JoinOut:
    """Self-join as from the QR form (public). Never creates a second record for the same document."""
    org = selectors.join_org(payload.org_code)
    campaign = (
        JoinCampaign.objects.filter(code=payload.campaign_code, org=org).first() if payload.campaign_code else None
    )
    data = payload.dict(exclude={"org_code", "campaign_code"})
    data["employment_form"] = data["employment_form"] or ""
    result = member_join(org=org, applicant=Applicant(**data), campaign=campaign)
    status = MembershipStatus(result.membership.status) if result.membership else None
    return JoinOut(outcome=result.outcome, message=result.message, status=status)


@router.post("/join/progress", response=list[ProgressOut], auth=None, operation_id="members_join_progress")
@public_view
def members_join_progress(request: HttpRequest, payload: ProgressIn) -> list[selectors.ProgressRow]:
    """进度查询 by document number + mobile (public, throttled per IP)."""
    if not progress_lookup_allowed(client_ip(request)):
        raise PermissionDenied
    rows = selectors.join_progress(
        id_number=normalize_idcard(payload.id_number), mobile=normalize_mobile(payload.mobile)
    )
    if rows is None:
        raise ValidationError(_("没有查到记录：请核对证件号码和手机号码（须与申请时填写的一致）。"))
    return rows


@router.get("/members", response=MemberPage, operation_id="members_list")
def members_list(
    request: HttpRequest,
    q: str = "",
    org: str = "",
    status: MembershipStatus | None = None,
    employment_form: EmploymentForm | None = None,
    village: str = "",
    after: int | None = None,
    limit: int = 50,
) -> MemberPage:
    """Roster in scope, newest first, keyset paged: pass `next_after` back as `after`."""
    filters = MemberFilters(
        org=org_selectors.org_get_for(request.user, org) if org else None,
        status=status or "",
        employment_form=employment_form or "",
        village=village,
        q=q,
    )
    rows, next_after = page_after(
        selectors.memberships_for(request.user, filters), after=after, size=max(1, min(limit, 200))
    )
    return MemberPage(items=rows, next_after=next_after)  # type: ignore[arg-type]


@router.get("/members/{int:pk}", response=MemberOut, operation_id="members_get")
def members_get(request: HttpRequest, pk: int) -> Membership:
    return selectors.membership_get_for(request.user, pk)


@router.post("/members/{int:pk}/approve", response=MemberOut, operation_id="members_approve")
def members_approve(request: HttpRequest, pk: int) -> Membership:
    return membership_approve(actor=request.user, membership=selectors.membership_get_for(request.user, pk))


@router.post("/members/{int:pk}/reject", response=MemberOut, operation_id="members_reject")
def members_reject(request: HttpRequest, pk: int, payload: RejectIn) -> Membership:
    membership = selectors.membership_get_for(request.user, pk)
    return membership_reject(actor=request.user, membership=membership, reason=payload.reason)


@router.post("/transfers/{int:pk}/approve", response=TransferOut, operation_id="transfers_approve")
def transfers_approve(request: HttpRequest, pk: int) -> Transfer:
    return transfer_approve(actor=request.user, transfer=selectors.transfer_get_for(request.user, pk))


@router.post("/transfers/{int:pk}/reject", response=TransferOut, operation_id="transfers_reject")
def transfers_reject(request: HttpRequest, pk: int, payload: RejectIn) -> Transfer:
    transfer = selectors.transfer_get_for(request.user, pk)
    return transfer_reject(actor=request.user, transfer=transfer, reason=payload.reason)


class JobRef(Schema):
    job_id: str
    status: str


@router.post("/members/imports", response=JobRef, operation_id="members_import_start")
def members_import_start(request: HttpRequest, org_code: str, file: File[UploadedFile], mode: str = "all") -> JobRef:
    """Upload a roster (multipart); starts the dry run. Poll /jobs/{job_id}; then confirm."""
    if mode not in ("all", "valid"):
        raise ValidationError({"mode": _("导入方式只能是 all 或 valid。")})
    org = org_selectors.org_get_for(request.user, org_code, Perm.ORG_EDIT)
    job = import_upload(actor=request.user, org=org, upload=file, mode=Mode(mode))
    return JobRef(job_id=str(job.pk), status=job.status)


@router.post("/members/imports/{job_id}/confirm", response=JobRef, operation_id="members_import_confirm")
def members_import_confirm(request: HttpRequest, job_id: str) -> JobRef:
    job = import_confirm(actor=request.user, dry_run_job=org_selectors.job_get_for(request.user, job_id))
    return JobRef(job_id=str(job.pk), status=job.status)

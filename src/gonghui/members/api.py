"""Member registry over the API: join and progress (public), roster and decisions (scoped)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile

from gonghui.accounts.api_auth import optional_staff_user
from gonghui.accounts.models import CodePurpose
from gonghui.accounts.phone_codes import phone_code_verify
from gonghui.common.access import public_view
from gonghui.common.api_fields import Text6, Text20, Text30, Text50, Text100, Text200
from gonghui.common.idcard import normalize_idcard
from gonghui.common.mobile import normalize_mobile, validate_mobile
from gonghui.common.paging import page_after
from gonghui.common.ratelimits import check_rate
from gonghui.members import selectors
from gonghui.members.card import CardInvalid, card_check
from gonghui.members.changes import change_request_decide
from gonghui.members.choices import (
    ChangeKind,
    Education,
    EmploymentForm,
    Hukou,
    IdType,
    MembershipStatus,
    Political,
    TransferStatus,
)
from gonghui.members.edit import member_update
from gonghui.members.identity import Applicant, applicant_identities, mobile_hmac
from gonghui.members.importer.jobs import import_confirm, import_upload
from gonghui.members.importer.pipeline import Mode
from gonghui.members.models import ChangeRequest, JoinTarget, Membership, SkillLevel, Transfer
from gonghui.members.selectors import MemberFilters
from gonghui.members.services import (
    member_join,
    membership_approve,
    membership_reject,
    transfer_approve,
    transfer_reject,
)
from gonghui.members.worker_accounts import worker_sign_in_code
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can

router = Router(tags=["members"])


class JoinIn(Schema):
    org_code: Text50
    name: Text30
    id_type: IdType = IdType.RESIDENT
    id_number: Text30
    mobile: Text20
    employment_form: EmploymentForm | None = None
    employer_name: Text200 = ""
    platform: Text50 = ""
    occupation: Text50 = ""
    village: Text100 = ""
    consent: bool = False
    join_target_code: Text50 = ""


class JoinOut(Schema):
    """The same answer whatever the registry holds: progress is read in 我的 after signing in with a code."""

    outcome: str
    message: str
    # The application's id, for a cadre of the union (a staff token or session with edit rights there) who
    # enters joins through an integration; always null for the public, whose answer must not tell whether
    # an application was made.
    application_id: int | None = None


class ProgressIn(Schema):
    id_number: Text30
    mobile: Text20
    code: Text6


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
    platform: str
    is_migrant_worker: bool = Field(..., alias="person.is_migrant_worker")
    hukou: str = Field(..., alias="person.hukou")

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
    """Self-join as from the QR form (public, rate-limited). Never changes a person on record, never moves a
    member, and answers alike for every case: unknown ID, known ID with another name or mobile, member of
    another union. Errors in the fields themselves (checksum, format, consent) are told, with status 422."""
    data = payload.dict(exclude={"org_code", "join_target_code"})
    data["employment_form"] = data["employment_form"] or ""
    applicant = Applicant(**data)
    check_rate(request, form="join", identities=applicant_identities(applicant))
    org = selectors.join_org(payload.org_code)
    join_target = (
        JoinTarget.objects.filter(code=payload.join_target_code, org=org).first() if payload.join_target_code else None
    )
    result = member_join(org=org, applicant=applicant, join_target=join_target)
    cadre = optional_staff_user(request)
    membership = result.membership
    # Only what the cadre's roster already shows: a membership in their scope, never one beside it.
    if cadre is not None and can(cadre, Perm.ORG_EDIT, org) and membership and can(cadre, Perm.VIEW, membership.org):
        return JoinOut(outcome=result.outcome, message=result.message, application_id=membership.pk)
    return JoinOut(outcome="received", message=result.answer(signed_in=False))


@router.post("/join/progress", response=list[ProgressOut], auth=None, operation_id="members_join_progress")
@public_view
def members_join_progress(request: HttpRequest, payload: ProgressIn) -> list[selectors.ProgressRow]:
    """进度查询: the ID number, the mobile on file and a sign-in code sent to it (POST /phone-codes)."""
    id_number, mobile = normalize_idcard(payload.id_number), normalize_mobile(payload.mobile)
    check_rate(request, form="progress", identities=applicant_identities(payload))
    phone_code_verify(mobile=mobile, purpose=CodePurpose.SIGN_IN, code=payload.code)
    rows = selectors.join_progress(id_number=id_number, mobile=mobile)
    if rows is None:
        raise ValidationError(_("没有查到记录：请核对证件号码和手机号码（须与申请时填写的一致）。"))
    return rows


class PhoneCodeIn(Schema):
    mobile: Text20


class PhoneCodeOut(Schema):
    message: str


@router.post("/phone-codes", response=PhoneCodeOut, auth=None, operation_id="phone_codes_send")
@public_view
def phone_codes_send(request: HttpRequest, payload: PhoneCodeIn) -> PhoneCodeOut:
    """Send a sign-in code to a mobile number (rate-limited; says nothing about whether it is on record)."""
    mobile = validate_mobile(payload.mobile)
    check_rate(request, form="signin-code", identities={"mobile": mobile_hmac(mobile)})
    worker_sign_in_code(mobile=mobile, request=request)
    return PhoneCodeOut(message=_("验证码已发送，5 分钟内有效。"))


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
    """Roster in scope, newest first, keyset paged: pass `next_after` back as `after`.

    `q` searches names, pinyin and member numbers; a full ID number or mobile goes by `POST /members/search`,
    so that it never stands in a URL (and an access log)."""
    if selectors.search_key(q):
        raise ValidationError({"q": _("完整证件号码或手机号不能放在网址中，请用 POST /api/v1/members/search 查询。")})
    search = MemberSearchIn(q=q, org=org, status=status, employment_form=employment_form, village=village)
    return _roster_page(request, search, after=after, limit=limit)


class MemberSearchIn(Schema):
    q: Text100 = ""
    org: Text50 = ""
    status: MembershipStatus | None = None
    employment_form: EmploymentForm | None = None
    village: Text100 = ""
    after: int | None = None
    limit: int = 50


@router.post("/members/search", response=MemberPage, operation_id="members_search")
def members_search(request: HttpRequest, payload: MemberSearchIn) -> MemberPage:
    """The roster search with the query in the body: a full ID number or mobile matches exactly."""
    return _roster_page(request, payload, after=payload.after, limit=payload.limit)


def _roster_page(request: HttpRequest, search: MemberSearchIn, *, after: int | None, limit: int) -> MemberPage:
    filters = MemberFilters(
        org=org_selectors.org_pick_for(request.user, search.org) if search.org else None,
        status=search.status or "",
        employment_form=search.employment_form or "",
        village=search.village,
        q=search.q,
    )
    rows, next_after = page_after(
        selectors.memberships_for(request.user, filters), after=after, size=max(1, min(limit, 200))
    )
    return MemberPage(items=rows, next_after=next_after)  # type: ignore[arg-type]


@router.get("/members/{int:pk}", response=MemberOut, operation_id="members_get")
def members_get(request: HttpRequest, pk: int) -> Membership:
    return selectors.membership_get_for(request.user, pk)


class MemberPatchIn(Schema):
    """Only the fields sent change. The identity document is not here: correcting it is a separate process."""

    name: Text50 | None = None
    ethnicity: Text20 | None = None
    mobile: Text20 | None = None
    hukou: Hukou | None = None
    is_migrant_worker: bool | None = None
    education: Education | None = None
    political: Political | None = None
    address: Text200 | None = None
    village: Text100 | None = None
    emergency_name: Text50 | None = None
    emergency_phone: Text20 | None = None
    employer_name: Text100 | None = None
    occupation: Text50 | None = None
    skill_level: SkillLevel | None = None
    employment_form: EmploymentForm | None = None
    platform: Text50 | None = None
    union_posts: Text100 | None = None
    card_no: Text30 | None = None


@router.patch("/members/{int:pk}", response=MemberOut, operation_id="members_update")
def members_update(request: HttpRequest, pk: int, payload: MemberPatchIn) -> Membership:
    """Change a member's registry details, e.g. mark them 农民工 (audited, personal data masked in the log)."""
    membership = selectors.membership_get_for(request.user, pk, Perm.ORG_EDIT)
    values = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    member_update(actor=request.user, membership=membership, values=values, request=request)
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
    org = org_selectors.org_pick_for(request.user, org_code, Perm.ORG_EDIT)
    job = import_upload(actor=request.user, org=org, upload=file, mode=Mode(mode))
    return JobRef(job_id=str(job.pk), status=job.status)


@router.post("/members/imports/{job_id}/confirm", response=JobRef, operation_id="members_import_confirm")
def members_import_confirm(request: HttpRequest, job_id: str) -> JobRef:
    job = import_confirm(actor=request.user, dry_run_job=org_selectors.job_get_for(request.user, job_id))
    return JobRef(job_id=str(job.pk), status=job.status)


class CardIn(Schema):
    token: Text200


class CardOut(Schema):
    valid: bool
    detail: str
    org_name: str = ""
    member_no: str = ""


@router.post("/cards/verify", response=CardOut, operation_id="cards_verify")
def cards_verify(request: HttpRequest, payload: CardIn) -> CardOut:
    """Verify a member-card QR token: 在册会员 · 工会 · 会员号 only, never an ID or mobile number."""
    try:
        found = card_check(payload.token)
    except CardInvalid as exc:
        return CardOut(valid=False, detail=str(exc))
    return CardOut(valid=True, detail=_("在册会员"), org_name=found.org_name, member_no=found.member_no)


class ChangeOut(Schema):
    id: int
    name: str = Field(..., alias="person.name")
    org_code: str = Field(..., alias="org.code")
    kind: ChangeKind
    source: str
    status: str
    new_mobile_masked: str
    detail: str
    created_at: dt.datetime

    @staticmethod
    def resolve_new_mobile_masked(obj: ChangeRequest) -> str:
        return obj.new_mobile.masked() if obj.new_mobile else ""


class MembershipDecideIn(Schema):
    approve: bool
    reason: Text200


@router.get("/members/changes", response=list[ChangeOut], operation_id="members_changes")
def members_changes(request: HttpRequest) -> list[ChangeRequest]:
    """信息变更待核实 in the caller's scope (public-form mismatches, workers' requests), newest first."""
    return list(selectors.changes_for(request.user)[:200])


@router.post("/members/changes/{int:pk}/decide", response=ChangeOut, operation_id="members_change_decide")
def members_change_decide(request: HttpRequest, pk: int, payload: MembershipDecideIn) -> ChangeRequest:
    change = selectors.change_get_for(request.user, pk)
    return change_request_decide(actor=request.user, change=change, approve=payload.approve, reason=payload.reason)

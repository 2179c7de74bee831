"""Writes of 求学圆梦: a union's yearly programme, a worker's application (on the phone, or entered by a
cadre from a paper form), withdrawal, and the union's decision within the quota.

The quota is guarded in the database: an approval takes a place with a conditional UPDATE
(`approved_count < quota`), and a check constraint refuses a count past the quota, so concurrent approvals
of different applications never fill more places than there are. Subsidies and graduation are in
`subsidies`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.common.uploads import EXTENSIONS, check_upload
from gonghui.members.models import Membership, Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.study.choices import LIVE, DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Application, Programme, Standard

LETTER_BYTES = 8 * 1024 * 1024
MAX_QUOTA = 100_000
MAX_MONEY = Decimal("100000000")
MAX_FEES = Decimal("200000")
YEARS_BACK = 4  # a worker enrolled up to four years before the programme's year is still studying


@dataclass
class ProgrammeFields:
    year: int
    name: str
    eligibility: str
    quota: int
    budget: Decimal
    opens_on: dt.date
    closes_on: dt.date
    standards: dict[str, Decimal]  # degree level → most paid per person
    notes: str = ""


@dataclass
class ApplicationFields:
    job: str
    level: str
    mode: str
    school: str
    major: str
    enrolled_year: int
    fees: Decimal
    front_line: bool = False


# --- programmes ----------------------------------------------------------------------------------------


def _check_programme(data: ProgrammeFields) -> dict[str, str]:
    data.name = clean_text(data.name)[:100]
    data.notes = data.notes.strip()
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = _("请填写计划名称，如“2026年建湖县一线职工求学圆梦行动”。")
    if not 2000 <= data.year <= 2100:
        errors["year"] = _("年度须在2000至2100之间。")
    if data.eligibility not in Eligibility.values:
        errors["eligibility"] = _("申请对象无效。")
    if not 1 <= data.quota <= MAX_QUOTA:
        errors["quota"] = _("名额须在1至%(n)s人之间。") % {"n": MAX_QUOTA}
    if not Decimal(0) < data.budget <= MAX_MONEY:
        errors["budget"] = _("补助预算须大于0元。")
    if data.closes_on < data.opens_on:
        errors["closes_on"] = _("申请截止日期不能早于开始日期。")
    if len(data.notes) > 1000:
        errors["notes"] = _("说明不超过1000字。")
    if not data.standards:
        errors["standards"] = _("请至少为一个学历层次填写补助标准。")
    for level, amount in data.standards.items():
        if level not in DegreeLevel.values:
            errors["standards"] = _("学历层次无效。")
        elif amount <= 0:
            errors["standards"] = _("%(level)s的补助标准须大于0元。") % {"level": DegreeLevel(level).label}
        elif "budget" not in errors and amount > data.budget:
            errors["standards"] = _("%(level)s的补助标准不能超过补助预算。") % {"level": DegreeLevel(level).label}
    return errors


@transaction.atomic
def programme_create(*, actor: User, org: OrgNode, data: ProgrammeFields) -> Programme:
    """A union opens its 求学圆梦 for a year: one programme per union and year."""
    require(actor, org, Perm.ORG_EDIT)
    errors = _check_programme(data)
    if errors:
        raise ValidationError(errors)
    taken = _("本会%(year)s年度已有求学圆梦计划。") % {"year": data.year}
    if Programme.objects.filter(org=org, year=data.year).exists():
        raise ValidationError({"year": taken})
    try:
        with transaction.atomic():
            programme = Programme.objects.create(
                org=org,
                year=data.year,
                name=data.name,
                eligibility=data.eligibility,
                quota=data.quota,
                budget=data.budget,
                opens_on=data.opens_on,
                closes_on=data.closes_on,
                notes=data.notes,
                created_by=actor,
            )
    except IntegrityError as exc:  # the same union and year, entered twice at once
        raise ValidationError({"year": taken}) from exc
    Standard.objects.bulk_create(
        Standard(programme=programme, level=level, amount=amount) for level, amount in sorted(data.standards.items())
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=programme, org=org, detail={"quota": data.quota})
    return programme


def standard_for(programme: Programme, level: str) -> Decimal | None:
    found = Standard.objects.filter(programme=programme, level=level).values_list("amount", flat=True).first()
    return found


# --- applying ------------------------------------------------------------------------------------------


def _check_application(programme: Programme, data: ApplicationFields) -> dict[str, str]:
    data.job, data.school, data.major = (clean_text(v) for v in (data.job, data.school, data.major))
    errors: dict[str, str] = {}
    if not data.job:
        errors["job"] = _("请填写岗位或工种，如“数控车工”。")
    elif len(data.job) > 50:
        errors["job"] = _("岗位或工种不超过50字。")
    if not data.school:
        errors["school"] = _("请填写录取学校。")
    if not data.major:
        errors["major"] = _("请填写所学专业。")
    for field in ("school", "major"):
        if len(getattr(data, field)) > 100 and field not in errors:
            errors[field] = _("不超过100字。")
    if data.mode not in StudyMode.values:
        errors["mode"] = _("学习形式无效。")
    if data.level not in DegreeLevel.values:
        errors["level"] = _("学历层次无效。")
    elif standard_for(programme, data.level) is None:
        errors["level"] = _("本计划不资助%(level)s学历。") % {"level": DegreeLevel(data.level).label}
    if not programme.year - YEARS_BACK <= data.enrolled_year <= programme.year + 1:
        errors["enrolled_year"] = _("入学年份须在%(a)s年至%(b)s年之间。") % {
            "a": programme.year - YEARS_BACK,
            "b": programme.year + 1,
        }
    if not Decimal(0) < data.fees <= MAX_FEES:
        errors["fees"] = _("请填写学费（元），须大于0且不超过%(n)s元。") % {"n": MAX_FEES}
    if programme.eligibility == Eligibility.FRONT_LINE and not data.front_line:
        errors["front_line"] = _("本计划面向一线职工和产业工人，请确认您在生产一线岗位工作。")
    return errors


def _member_under(programme: Programme, person: Person) -> Membership:
    membership = active_membership(person)
    if membership is None or not membership.org.path.startswith(programme.org.path):
        raise ValidationError(_("本计划面向%(org)s及下级工会的在册会员。") % {"org": programme.org.name})
    return membership


def _window_open(programme: Programme) -> None:
    today = timezone.localdate()
    if today < programme.opens_on:
        raise ValidationError(_("本计划%(d)s开始受理申请。") % {"d": programme.opens_on.isoformat()})
    if today > programme.closes_on:
        raise ValidationError(_("本计划已于%(d)s截止申请。") % {"d": programme.closes_on.isoformat()})


def _checked_letter(letter: IO[bytes] | None, size: int, *, required: bool) -> tuple[str, IO[bytes] | None]:
    if letter is None:
        if required:
            raise ValidationError({"letter": _("请上传录取通知书（照片或PDF）。")})
        return "", None
    try:
        checked = check_upload(letter, size=size, families={"image", "pdf"}, max_bytes=LETTER_BYTES)
    except ValidationError as exc:
        raise ValidationError({"letter": exc.messages}) from None
    return checked.content_type, letter


def _create(
    *,
    programme: Programme,
    membership: Membership,
    data: ApplicationFields,
    by: User,
    letter: IO[bytes] | None,
    letter_type: str,
) -> Application:
    duplicate = _("您已申请过本计划，请在“我的”查看进度。")
    if Application.objects.filter(programme=programme, person=membership.person, status__in=LIVE).exists():
        raise ValidationError(duplicate)
    application = Application(
        programme=programme,
        org=membership.org,
        person=membership.person,
        job=data.job,
        front_line=data.front_line,
        level=data.level,
        mode=data.mode,
        school=data.school,
        major=data.major,
        enrolled_year=data.enrolled_year,
        fees=data.fees,
        letter_type=letter_type,
        submitted_by=by,
    )
    try:
        with transaction.atomic():
            if letter is not None:
                application.letter.save(f"letter{EXTENSIONS[letter_type]}", File(letter), save=False)
            application.save()
    except IntegrityError as exc:  # the same worker, twice at once
        raise ValidationError(duplicate) from exc
    return application


def application_submit(
    *,
    person: Person,
    user: User,
    programme: Programme,
    data: ApplicationFields,
    letter: IO[bytes] | None,
    letter_size: int = 0,
) -> Application:
    """A worker applies in 我的, with the admission letter; the programme's union reviews it."""
    membership = _member_under(programme, person)
    _window_open(programme)
    errors = _check_application(programme, data)
    if errors:
        raise ValidationError(errors)
    letter_type, letter = _checked_letter(letter, letter_size, required=True)
    with transaction.atomic():
        return _create(
            programme=programme, membership=membership, data=data, by=user, letter=letter, letter_type=letter_type
        )


def application_enter(
    *,
    actor: User,
    programme: Programme,
    person: Person,
    data: ApplicationFields,
    letter: IO[bytes] | None = None,
    letter_size: int = 0,
) -> Application:
    """A cadre of the programme's union enters a paper application (the letter seen on paper may be attached)."""
    require(actor, programme.org, Perm.ORG_EDIT)
    membership = _member_under(programme, person)
    _window_open(programme)
    errors = _check_application(programme, data)
    if errors:
        raise ValidationError(errors)
    letter_type, letter = _checked_letter(letter, letter_size, required=False)
    with transaction.atomic():
        application = _create(
            programme=programme, membership=membership, data=data, by=actor, letter=letter, letter_type=letter_type
        )
        audit_record(actor=actor, action=AuditAction.CREATE, target=application, org=application.org)
    return application


@transaction.atomic
def application_withdraw(*, person: Person, application: Application) -> Application:
    """The worker takes back an application the union has not decided yet."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.person_id != person.pk:
        raise ValidationError(_("只能撤回自己的申请。"))
    if application.status != StudyStatus.SUBMITTED:
        raise ValidationError(_("工会已审核该申请，不能撤回。"))
    application.status = StudyStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    return application


# --- the union's decision --------------------------------------------------------------------------------


def _take_place(programme_id: int) -> bool:
    """The quota guard: one more place taken, or False when none is left (true for at most `quota` callers)."""
    return (
        Programme.objects.filter(pk=programme_id, approved_count__lt=F("quota")).update(
            approved_count=F("approved_count") + 1
        )
        == 1
    )


@transaction.atomic
def application_decide(*, actor: User, application: Application, approve: bool, reason: str = "") -> Application:
    """The programme's union approves (taking one of its places) or refuses (with a reason) an application."""
    programme = application.programme
    require(actor, programme.org, Perm.REVIEW)
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("请填写未通过的原因。")})
    if len(reason) > 200:
        raise ValidationError({"reason": _("原因不超过200字。")})
    if approve and not _take_place(programme.pk):
        raise ValidationError(_("本计划%(n)s个名额已满，不能再批准。") % {"n": programme.quota})
    now = timezone.now()
    decided = Application.objects.filter(pk=application.pk, status=StudyStatus.SUBMITTED).update(
        status=StudyStatus.APPROVED if approve else StudyStatus.REJECTED,
        reason="" if approve else reason,
        decided_by=actor,
        decided_at=now,
        updated_at=now,
    )
    if decided != 1:  # decided meanwhile (or withdrawn): the place taken above is given back by the rollback
        current = Application.objects.get(pk=application.pk)
        raise ValidationError(_("该申请已是“%(s)s”，不能再审核。") % {"s": current.get_status_display()})
    application.refresh_from_db()
    detail = {"status": application.status}
    audit_record(actor=actor, action=AuditAction.UPDATE, target=application, org=programme.org, detail=detail)
    return application

"""Hardship-file workflow and aid payouts. Writes only; each checks permission, validates, then saves.

Workflow: apply → review → home visit → public notice (objections recorded) → open with a help plan →
annual re-check → closed as 解困脱困 (or kept); a closed file reopens as 返困. Payouts: a maker enters,
a different checker approves; the database refuses a second approved payout of a kind to a person in
a campaign unless it carries an override reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.assistance.categories import classify, per_capita_income, standard_for
from gonghui.assistance.choices import (
    LIVE_FILE_STATUSES,
    Category,
    FileStatus,
    StepKind,
)
from gonghui.assistance.models import FamilyMember, FileStep, HardshipFile, HomeVisit, SubsistenceStandard
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.uploads import check_upload
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode, Region
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

RECHECK_EVERY = dt.timedelta(days=365)
VISIT_PHOTO_BYTES = 10 * 1024 * 1024
# The national form's other fields a household statement may set; workflow fields are the services' own.
FORM_FIELDS = frozenset(
    {
        "standard_level",
        "health",
        "disability",
        "housing",
        "work_status",
        "industry",
        "employer",
        "employer_status",
        "contract_start",
        "contract_end",
        "hukou",
        "single_parent",
        "zero_employment",
        "medical_insurance",
    }
)


@dataclass
class Household:
    """What an application or a re-check states about the household's money and causes."""

    own_income: Decimal
    other_income: Decimal = Decimal(0)
    essential_costs: Decimal = Decimal(0)
    family_size: int = 1
    main_cause: str = ""
    other_causes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # the other form fields (health, housing, …)


def _step(file: HardshipFile, kind: StepKind, actor: Any, note: str = "", **data: Any) -> FileStep:
    return FileStep.objects.create(
        file=file, kind=kind, actor=actor if getattr(actor, "is_authenticated", False) else None, note=note, data=data
    )


def _expect(file: HardshipFile, *statuses: FileStatus) -> None:
    if file.status not in statuses:
        raise ValidationError(
            _("档案当前状态为“%(status)s”，不能进行此操作。") % {"status": file.get_status_display()},
            code="bad_status",
        )


def _reason(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(message, code="reason_required")
    return text


def _apply_household(file: HardshipFile, household: Household, *, year: int) -> None:
    """Income, causes and the computed category; an override stays until staff change it."""
    if household.family_size < 1:
        raise ValidationError({"family_size": _("家庭人口至少为 1。")})
    for name in ("own_income", "other_income", "essential_costs"):
        if getattr(household, name) < 0:
            raise ValidationError({name: _("金额不能为负数。")})
    file.own_income = household.own_income
    file.other_income = household.other_income
    file.essential_costs = household.essential_costs
    file.family_size = household.family_size
    file.main_cause = household.main_cause
    file.other_causes = list(household.other_causes)
    unknown = set(household.details) - FORM_FIELDS
    if unknown:
        raise ValidationError(_("档案中没有这些栏目：%(names)s") % {"names": "、".join(sorted(unknown))})
    for key, value in household.details.items():
        setattr(file, key, value)
    file.per_capita_income = per_capita_income(
        own=household.own_income,
        other=household.other_income,
        essential=household.essential_costs,
        family_size=household.family_size,
    )
    standard = standard_for(file.org.region_id or "", year)
    file.computed_category = classify(
        per_capita=file.per_capita_income, standard=standard, causes=[file.main_cause, *file.other_causes]
    )
    if not file.category_reason:
        file.category = file.computed_category


def _eligible(person: Person, org: OrgNode) -> bool:
    """A member of a union in this org's subtree, or a migrant worker (农民工) in no union, whom the rules allow
    without membership. A migrant who belongs to another union is that union's to file for: a file opened here
    would block theirs."""
    live = Membership.objects.filter(person=person, status__in=LIVE_STATUSES)
    if live.filter(org__path__startswith=org.path).exists():
        return True
    return person.is_migrant_worker and not live.exists()


def declare_migrant(person: Person) -> None:
    """The worker says they are a 农民工 in no union: recorded only while they hold no live membership."""
    if not Membership.objects.filter(person=person, status__in=LIVE_STATUSES).exists():
        Person.objects.filter(pk=person.pk).update(is_migrant_worker=True)
        person.is_migrant_worker = True


@transaction.atomic
def hardship_file_apply(
    *,
    actor: Any,
    org: OrgNode,
    person: Person,
    household: Household,
    family: list[dict[str, Any]] | None = None,
    bank_account: str = "",
    bank_name: str = "",
    by_worker: bool = False,
) -> HardshipFile:
    """An application, by a cadre (ASSISTANCE in scope) or by the worker on H5 (by_worker: no staff check)."""
    if not by_worker:
        require(actor, org, Perm.ASSISTANCE)
    if not _eligible(person, org):
        raise ValidationError(_("户主须是本工会会员（农民工可不是会员）。"), code="not_member")
    if HardshipFile.objects.select_for_update().filter(person=person, status__in=LIVE_FILE_STATUSES).exists():
        raise ValidationError(_("该职工已有在办或在档的困难档案，不能重复建档。"), code="duplicate_file")
    file = HardshipFile(
        org=org,
        person=person,
        bank_account=bank_account,
        bank_name=bank_name,
        hukou=person.hukou,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _apply_household(file, household, year=timezone.localdate().year)
    try:
        with transaction.atomic():
            file.save()
    except IntegrityError as exc:  # a concurrent application for the same household won
        raise ValidationError(_("该职工已有在办或在档的困难档案，不能重复建档。"), code="duplicate_file") from exc
    for member in family or []:
        FamilyMember.objects.create(file=file, **member)
    _step(file, StepKind.APPLY, actor, _("职工本人申请") if by_worker else "", category=file.category)
    audit_record(actor=actor, action=AuditAction.CREATE, target=file, org=org, detail={"category": file.category})
    return file


def _locked(file: HardshipFile) -> HardshipFile:
    return HardshipFile.objects.select_for_update(of=("self",)).select_related("org").get(pk=file.pk)


@transaction.atomic
def hardship_file_review(*, actor: Any, file: HardshipFile, approve: bool, note: str = "") -> HardshipFile:
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.APPLIED)
    if approve:
        file.status = FileStatus.REVIEWED
        _step(file, StepKind.REVIEW, actor, note)
    else:
        file.status = FileStatus.REJECTED
        _step(file, StepKind.REJECT, actor, _reason(note, _("不予建档须填写理由。")))
    file.save(update_fields=["status", "updated_at"])
    return file


@transaction.atomic
def hardship_file_visit(
    *, actor: Any, file: HardshipFile, visited_on: dt.date, visitors: str, findings: str, photo: Any = None
) -> HomeVisit:
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.REVIEWED, FileStatus.VISITED)
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": _("走访日期不能晚于今天。")})
    visit = HomeVisit(
        file=file,
        visited_on=visited_on,
        visitors=_reason(visitors, _("请填写走访人员。")),
        findings=_reason(findings, _("请填写核实情况。")),
    )
    checked = check_upload(photo, size=photo.size, families={"image"}, max_bytes=VISIT_PHOTO_BYTES) if photo else None
    visit.full_clean(exclude=["file", "photo"])
    if checked is not None:  # written only once everything else is known to be valid
        visit.photo.save(checked.filename, File(photo), save=False)
    visit.save()
    file.status = FileStatus.VISITED
    file.save(update_fields=["status", "updated_at"])
    _step(file, StepKind.VISIT, actor, findings, visited_on=visited_on.isoformat(), visitors=visitors)
    return visit


@transaction.atomic
def hardship_file_notice(*, actor: Any, file: HardshipFile, ends_on: dt.date) -> HardshipFile:
    """Start the public notice (公示); the file can open once it has ended."""
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.VISITED)
    if ends_on < timezone.localdate():
        raise ValidationError({"ends_on": _("公示截止日期不能早于今天。")})
    file.status = FileStatus.NOTICE
    file.notice_ends_on = ends_on
    file.save(update_fields=["status", "notice_ends_on", "updated_at"])
    _step(file, StepKind.NOTICE, actor, ends_on=ends_on.isoformat())
    return file


@transaction.atomic
def hardship_file_objection(*, actor: Any, file: HardshipFile, note: str) -> FileStep:
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.NOTICE)
    return _step(file, StepKind.OBJECTION, actor, _reason(note, _("请填写异议内容。")))


@transaction.atomic
def hardship_file_open(*, actor: Any, file: HardshipFile, plan: str, resolution: str = "") -> HardshipFile:
    """Open the file after the notice period; objections raised need a written resolution."""
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.NOTICE)
    today = timezone.localdate()
    if file.notice_ends_on and today < file.notice_ends_on:
        raise ValidationError(
            _("公示期到 %(date)s 结束，结束后才能建档。") % {"date": file.notice_ends_on.isoformat()}, code="notice"
        )
    objections = file.steps.filter(kind=StepKind.OBJECTION).count()
    if objections and not resolution.strip():
        raise ValidationError(_("公示期间有 %(n)d 条异议，请填写核实处理意见。") % {"n": objections}, code="objections")
    if file.category == Category.NONE:
        raise ValidationError(_("测算结果不符合建档条件；如确有困难，请先调整困难类别并说明理由。"), code="no_category")
    file.status = FileStatus.OPEN
    file.opened_on = today
    file.recheck_due = today + RECHECK_EVERY
    file.help_plan = _reason(plan, _("请填写帮扶计划。"))
    file.save(update_fields=["status", "opened_on", "recheck_due", "help_plan", "updated_at"])
    _step(file, StepKind.OPEN, actor, resolution, category=file.category)
    return file


@transaction.atomic
def hardship_file_category_override(*, actor: Any, file: HardshipFile, category: Category, reason: str) -> HardshipFile:
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, *LIVE_FILE_STATUSES)
    file.category_reason = _reason(reason, _("调整困难类别须填写理由。"))
    before, file.category = file.category, Category(category)
    file.save(update_fields=["category", "category_reason", "updated_at"])
    _step(file, StepKind.OVERRIDE, actor, file.category_reason, before=before, after=file.category)
    return file


@transaction.atomic
def hardship_file_recheck(*, actor: Any, file: HardshipFile, household: Household, note: str = "") -> HardshipFile:
    """The annual re-check: income and causes again, category recomputed, next re-check in a year."""
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.OPEN)
    before = file.category
    _apply_household(file, household, year=timezone.localdate().year)
    file.recheck_due = timezone.localdate() + RECHECK_EVERY
    file.save()
    _step(file, StepKind.RECHECK, actor, note, before=before, after=file.category)
    return file


@transaction.atomic
def hardship_file_close(*, actor: Any, file: HardshipFile, reason: str) -> HardshipFile:
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.OPEN)
    file.status = FileStatus.CLOSED
    file.closed_on = timezone.localdate()
    file.save(update_fields=["status", "closed_on", "updated_at"])
    _step(file, StepKind.CLOSE, actor, _reason(reason, _("请填写解困脱困情况。")))
    return file


@transaction.atomic
def hardship_file_reopen(*, actor: Any, file: HardshipFile, reason: str) -> HardshipFile:
    """返困: the household fell back into hardship; the same file reopens and the fall-back is counted."""
    require(actor, file.org, Perm.ASSISTANCE)
    file = _locked(file)
    _expect(file, FileStatus.CLOSED)
    if HardshipFile.objects.filter(person=file.person, status__in=LIVE_FILE_STATUSES).exclude(pk=file.pk).exists():
        raise ValidationError(_("该职工已有另一份在办或在档的困难档案。"), code="duplicate_file")
    file.status = FileStatus.OPEN
    file.closed_on = None
    file.times_reopened += 1
    file.recheck_due = timezone.localdate() + RECHECK_EVERY
    file.save(update_fields=["status", "closed_on", "times_reopened", "recheck_due", "updated_at"])
    _step(file, StepKind.REOPEN, actor, _reason(reason, _("请填写返困原因。")))
    return file


STEP_KINDS = ("review", "reject", "visit", "notice", "objection", "open", "close", "reopen")


def hardship_file_step(
    *,
    actor: Any,
    file: HardshipFile,
    kind: str,
    note: str = "",
    visited_on: dt.date | None = None,
    visitors: str = "",
    ends_on: dt.date | None = None,
    plan: str = "",
    photo: Any = None,
) -> None:
    """One workflow step by name, as the file page and the API offer them; `note` is the step's text."""
    if kind in ("review", "reject"):
        hardship_file_review(actor=actor, file=file, approve=kind == "review", note=note)
    elif kind == "visit":
        if visited_on is None:
            raise ValidationError({"visited_on": _("请填写走访日期。")})
        hardship_file_visit(
            actor=actor, file=file, visited_on=visited_on, visitors=visitors, findings=note, photo=photo
        )
    elif kind == "notice":
        if ends_on is None:
            raise ValidationError({"ends_on": _("请填写公示截止日期。")})
        hardship_file_notice(actor=actor, file=file, ends_on=ends_on)
    elif kind == "objection":
        hardship_file_objection(actor=actor, file=file, note=note)
    elif kind == "open":
        hardship_file_open(actor=actor, file=file, plan=plan, resolution=note)
    elif kind == "close":
        hardship_file_close(actor=actor, file=file, reason=note)
    elif kind == "reopen":
        hardship_file_reopen(actor=actor, file=file, reason=note)
    else:
        raise ValidationError({"kind": _("没有这个办理环节。")})


def subsistence_standard_set(*, actor: Any, region: Region, year: int, monthly: Decimal) -> SubsistenceStandard:
    """Staff with the assistance permission anywhere keep the 低保 table (a public regional figure)."""
    if scope_for(actor, Perm.ASSISTANCE).is_empty:
        raise PermissionDenied
    if monthly <= 0:
        raise ValidationError({"monthly": _("低保标准须大于 0。")})
    standard, _created = SubsistenceStandard.objects.update_or_create(
        region=region, year=year, defaults={"monthly": monthly}
    )
    return standard

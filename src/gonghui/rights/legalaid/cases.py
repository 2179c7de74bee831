"""Writes of 法律援助 cases: apply (by a cadre, or from a consultation), 审查 (accept on a basis, or refuse
with a reason), 指派 a union lawyer or a contracted firm, 代理 steps, 结案 with the outcome and the money
recovered, and the union's internal note.

Every refusal is a ValidationError with a Chinese reason and changes nothing. Each transition is one
conditional UPDATE on the status it expects, so two people acting at once cannot both move a case; a
consultation becomes at most one case (a unique index).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Appointment, Provider
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.members.models import Person
from gonghui.members.selectors import NOT_FOUND_IN_SCOPE, live_membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.scope import scope_for
from gonghui.rights.base.access import require_rights
from gonghui.rights.legalaid import notices
from gonghui.rights.legalaid.access import handles_case, is_lawyer_of
from gonghui.rights.legalaid.choices import WITH_LAWYER, CaseOutcome, CaseStatus, CaseStepKind, FollowUp, Topic
from gonghui.rights.legalaid.deadlines import due_for
from gonghui.rights.legalaid.eligibility import belongs_under, eligibility_of
from gonghui.rights.legalaid.models import CaseStep, Consultation, LegalAidCase

SUMMARY_MAX = 2000
MOVED = _("案件状态已变化（可能刚被他人处理），请刷新后重试。")


@dataclass
class CaseFields:
    topic: str
    summary: str
    claim_amount: Decimal | None = None
    employer: Enterprise | None = None
    employer_name: str = ""


def _check_fields(actor: User, data: CaseFields) -> dict[str, str]:
    data.summary = data.summary.strip()
    data.employer_name = clean_text(data.employer_name)[:200]
    errors: dict[str, str] = {}
    if data.topic not in Topic.values:
        errors["topic"] = _("请选择纠纷类型。")
    if not data.summary:
        errors["summary"] = _("请写明申请援助的事项。")
    elif len(data.summary) > SUMMARY_MAX:
        errors["summary"] = _("申请事项不超过%(n)s字。") % {"n": SUMMARY_MAX}
    if data.claim_amount is not None and data.claim_amount < 0:
        errors["claim_amount"] = _("涉及金额不能为负数。")
    if data.employer is not None:
        if not scope_for(actor).contains(data.employer.union):
            errors["employer"] = _("该用人单位不在您的管理范围内，请填写单位名称。")
        else:
            data.employer_name = data.employer.name
    return errors


def _create(*, actor: User, org: OrgNode, helping_org: OrgNode | None, person: Person, data: CaseFields,
            consultation: Consultation | None = None) -> LegalAidCase:  # fmt: skip
    errors = _check_fields(actor, data)
    if helping_org is not None and helping_org.pk == org.pk:
        helping_org = None
    if not belongs_under(person, org):
        errors["id_number"] = str(NOT_FOUND_IN_SCOPE)
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    try:
        with transaction.atomic():
            case = LegalAidCase.objects.create(
                org=org, helping_org=helping_org, person=person, employer=data.employer,
                employer_name=data.employer_name, topic=data.topic, summary=data.summary,
                claim_amount=data.claim_amount, applied_on=today, due_on=due_for(CaseStatus.APPLIED, today),
                source_consultation=consultation, created_by=actor,
            )  # fmt: skip
    except IntegrityError as exc:  # the consultation became a case a moment ago
        raise ValidationError(_("该咨询已转为法律援助案件。")) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=case, org=org, detail={"status": case.status})
    return case


@transaction.atomic
def case_apply(*, actor: User, org: OrgNode, person: Person, data: CaseFields,
               helping_org: OrgNode | None = None) -> LegalAidCase:  # fmt: skip
    """A rights cadre records a worker's application at the worker's union (or one above it)."""
    require_rights(actor, org)
    return _create(actor=actor, org=org, helping_org=helping_org, person=person, data=data)


@transaction.atomic
def case_from_consultation(*, actor: User, consultation: Consultation, data: CaseFields,
                           person: Person | None = None) -> LegalAidCase:  # fmt: skip
    """The consultation's union turns it into an application. The case belongs to the worker's own union;
    the consultation's union, when another, helps (the 西安 station for a 商南 worker)."""
    require_rights(actor, consultation.org)
    if consultation.case_id is not None:
        raise ValidationError(_("该咨询已转为法律援助案件。"))
    person = consultation.person or person
    if person is None:
        raise ValidationError({"id_number": _("请填写咨询人的证件号码，以便核实援助条件。")})
    membership = live_membership(person)
    home = membership.org if membership is not None else consultation.org
    case = _create(actor=actor, org=home, helping_org=consultation.org, person=person, data=data,
                   consultation=consultation)  # fmt: skip
    moved = Consultation.objects.filter(pk=consultation.pk, case__isnull=True).update(
        follow_up=FollowUp.CASE, case=case, person=person, call_back_on=None, updated_at=timezone.now()
    )
    if not moved:
        raise ValidationError(_("该咨询已转为法律援助案件。"))
    if consultation.appointment_id is not None:  # the lawyer's booked session that led to this case
        Appointment.objects.filter(pk=consultation.appointment_id, legal_aid_case_id__isnull=True).update(
            legal_aid_case_id=case.pk
        )
    consultation.refresh_from_db()
    return case


def _staff(actor: User, case: LegalAidCase) -> None:
    if not handles_case(actor, case):
        raise PermissionDenied


def _move(case: LegalAidCase, frm: tuple[str, ...], **fields: Any) -> None:
    """Set `fields` only while the case is still in one of `frm` (one UPDATE), or refuse."""
    if case.status not in frm:
        raise ValidationError(_("案件当前为“%(s)s”，不能进行该操作。") % {"s": case.get_status_display()})
    fields["updated_at"] = timezone.now()
    if not LegalAidCase.objects.filter(pk=case.pk, status=case.status).update(**fields):
        raise ValidationError(MOVED)
    case.refresh_from_db()


def _audit(actor: User, case: LegalAidCase, **detail: Any) -> None:
    audit_record(actor=actor, action=AuditAction.UPDATE, target=case, org=case.org,
                 detail={"status": case.status, **detail})  # fmt: skip


@transaction.atomic
def case_accept(*, actor: User, case: LegalAidCase) -> LegalAidCase:
    """审查通过: the worker qualifies as a member, a 农民工 or a worker with an open hardship file."""
    _staff(actor, case)
    found = eligibility_of(case.person)
    if not found.basis:
        raise ValidationError(
            _("不符合法律援助条件：申请人须为工会会员、农民工或已建档的困难职工。如不予援助，请填写理由。")
        )
    _move(case, (CaseStatus.APPLIED,), status=CaseStatus.ACCEPTED, basis=found.basis,
          hardship_file=found.hardship_file, due_on=due_for(CaseStatus.ACCEPTED))  # fmt: skip
    _audit(actor, case, basis=case.basis)
    return case


@transaction.atomic
def case_refuse(*, actor: User, case: LegalAidCase, reason: str) -> LegalAidCase:
    _staff(actor, case)
    reason = clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("不予援助须写明理由。")})
    if len(reason) > 200:
        raise ValidationError({"reason": _("理由不超过200字。")})
    _move(case, (CaseStatus.APPLIED, CaseStatus.ACCEPTED), status=CaseStatus.REFUSED, refuse_reason=reason,
          due_on=None)  # fmt: skip
    _audit(actor, case, reason=reason)
    return case


def lawyer_serves(provider: Provider, case: LegalAidCase) -> bool:
    """A lawyer of the case's union or one above it, or of the helping union or one above that."""
    unions = [case.org] + ([case.helping_org] if case.helping_org_id is not None and case.helping_org else [])
    return any(union.path.startswith(provider.org.path) for union in unions)


@transaction.atomic
def case_assign(*, actor: User, case: LegalAidCase, provider: Provider | None = None, firm: str = "") -> LegalAidCase:
    """指派 a union lawyer (an appointments provider of kind legal) or a contracted firm; again to change it."""
    _staff(actor, case)
    firm = clean_text(firm)[:100]
    if (provider is None) == (not firm):
        raise ValidationError({"provider": _("请选择一位工会律师，或填写签约律所名称（二选一）。")})
    if provider is not None:
        if provider.kind != ServiceKind.LEGAL or not provider.is_active:
            raise ValidationError({"provider": _("只能指派在岗的法律服务人员（律师）。")})
        if not lawyer_serves(provider, case):
            raise ValidationError({"provider": _("该律师属于其他工会，只能指派本会、协办工会或其上级工会的律师。")})
    first = case.status == CaseStatus.ACCEPTED
    fields: dict[str, Any] = {"provider": provider, "firm": firm, "reminded_stage": ""}
    if first:
        fields |= {"status": CaseStatus.ASSIGNED, "due_on": due_for(CaseStatus.ASSIGNED)}
    _move(case, (CaseStatus.ACCEPTED, *WITH_LAWYER), **fields)
    _audit(actor, case, lawyer=case.lawyer)
    if provider is not None and provider.mobile:
        mobile, text = provider.mobile.reveal(), notices.assigned_text(case)
        transaction.on_commit(lambda: notices.send_notice(mobile=mobile, text=text))
    return case


def _day(value: dt.date | None, case: LegalAidCase, field: str) -> dt.date:
    today = timezone.localdate()
    day = value or today
    if day > today:
        raise ValidationError({field: _("日期不能晚于今天。")})
    if day < case.applied_on:
        raise ValidationError({field: _("日期不能早于申请日期。")})
    return day


def _acting_allowed(actor: User, case: LegalAidCase) -> None:
    if not (is_lawyer_of(actor, case) or handles_case(actor, case)):
        raise PermissionDenied


@transaction.atomic
def case_step(*, actor: User, case: LegalAidCase, kind: str, on: dt.date | None = None, note: str = "") -> CaseStep:
    """代理: the lawyer (or the union) records a step; the first one starts 代理 and its 90 days."""
    _acting_allowed(actor, case)
    if kind not in CaseStepKind.values:
        raise ValidationError({"kind": _("请选择代理事项。")})
    note = note.strip()
    if len(note) > 500:
        raise ValidationError({"note": _("情况记录不超过500字。")})
    day = _day(on, case, "on")
    if case.status == CaseStatus.ASSIGNED:
        _move(case, (CaseStatus.ASSIGNED,), status=CaseStatus.ACTING, due_on=due_for(CaseStatus.ACTING, day),
              reminded_stage="")  # fmt: skip
    elif case.status != CaseStatus.ACTING:
        raise ValidationError(_("案件当前为“%(s)s”，不能登记代理记录。") % {"s": case.get_status_display()})
    step = CaseStep.objects.create(case=case, kind=kind, on=day, note=note, by=actor)
    _audit(actor, case, step=kind)
    return step


@transaction.atomic
def case_close(*, actor: User, case: LegalAidCase, outcome: str, recovered: Decimal | None,
               outcome_note: str = "", closed_on: dt.date | None = None) -> LegalAidCase:  # fmt: skip
    """结案 with the outcome (the worker sees it) and the money recovered (0 when none)."""
    _acting_allowed(actor, case)
    errors: dict[str, str] = {}
    if outcome not in CaseOutcome.values:
        errors["outcome"] = _("结案须选择结案结果。")
    recovered = recovered if recovered is not None else Decimal(0)
    if recovered < 0:
        errors["recovered"] = _("挽回金额不能为负数。")
    outcome_note = clean_text(outcome_note)
    if len(outcome_note) > 500:
        errors["outcome_note"] = _("结案情况不超过500字。")
    if errors:
        raise ValidationError(errors)
    day = _day(closed_on, case, "closed_on")
    _move(case, WITH_LAWYER, status=CaseStatus.CLOSED, outcome=outcome, recovered=recovered,
          outcome_note=outcome_note, closed_on=day, due_on=None)  # fmt: skip
    _audit(actor, case, outcome=outcome, recovered=str(recovered))
    return case


@transaction.atomic
def case_note(*, actor: User, case: LegalAidCase, note: str) -> LegalAidCase:
    """The union's internal note (never shown to the worker)."""
    _staff(actor, case)
    note = note.strip()
    if len(note) > 2000:
        raise ValidationError({"note": _("备注不超过2000字。")})
    LegalAidCase.objects.filter(pk=case.pk).update(note=note, updated_at=timezone.now())
    case.note = note
    _audit(actor, case, note="changed")
    return case

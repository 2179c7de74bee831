"""Writes of returns: a union saves its remarks (a draft), submits its return (which freezes the snapshot),
and the federation above returns it (退回) with a reason, which reopens it.

Submitting twice is refused ("该报表已报送，不能重复报送"); the row is locked while it is submitted and the
database holds one return per union, form and period, so two submissions at once leave one.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.figures import Period
from gonghui.common.models import AuditAction
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require
from gonghui.reports.periods import period_key, period_label
from gonghui.reports.returns.access import may_send_back, may_submit
from gonghui.reports.returns.choices import SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import ReturnForm
from gonghui.reports.returns.selectors import live_figures, return_form_for, return_period
from gonghui.reports.returns.snapshot import rows_from_figures, snapshot_of

REMARKS_MAX = 500
REASON_MAX = 200


def _already() -> ValidationError:
    return ValidationError(_("该报表已报送，不能重复报送。"), code="submitted")


def _checked(actor: User, org: OrgNode, form_key: str, period_text: str) -> tuple[ReturnForm, Period]:
    """The union's own staff, a form it files, a period it can report: 404 outside the scope, 403 for
    anyone else in it, a Chinese reason for the rest."""
    require(actor, org)
    if not may_submit(actor, org):
        raise PermissionDenied
    form = return_form_for(org, form_key)
    return form, return_period(form, org, period_text)


def _remarks(text: str) -> str:
    text = (text or "").strip()
    if len(text) > REMARKS_MAX:
        raise ValidationError({"remarks": _("填报说明不超过%(n)s字。") % {"n": REMARKS_MAX}})
    return text


def _locked(org: OrgNode, form: ReturnForm, period: Period) -> Submission:
    """The union's row for the form and period, created as a draft if need be, locked until commit."""
    key = period_key(period)
    try:
        with transaction.atomic():
            Submission.objects.get_or_create(org=org, form=form.key, period=key)
    except IntegrityError:
        pass  # made at the same moment by a concurrent request: it is there now
    return Submission.objects.select_for_update().get(org=org, form=form.key, period=key)


@transaction.atomic
def return_save_remarks(*, actor: User, org: OrgNode, form_key: str, period_text: str, remarks: str) -> Submission:
    """Keep the remarks of a return not yet submitted (a draft, or one returned)."""
    form, period = _checked(actor, org, form_key, period_text)
    remarks = _remarks(remarks)
    submission = _locked(org, form, period)
    if submission.status == SubmissionStatus.SUBMITTED:
        raise _already()
    submission.remarks = remarks
    submission.save(update_fields=["remarks", "updated_at"])
    return submission


@transaction.atomic
def return_submit(*, actor: User, org: OrgNode, form_key: str, period_text: str, remarks: str = "") -> Submission:
    """Submit the union's return: its figures counted now are frozen with their definitions."""
    form, period = _checked(actor, org, form_key, period_text)
    remarks = _remarks(remarks)
    if period.end >= timezone.localdate():
        raise ValidationError(
            _("%(period)s尚未结束，期末之后才能报送。") % {"period": period_label(period)}, code="period_open"
        )
    submission = _locked(org, form, period)
    if submission.status == SubmissionStatus.SUBMITTED:
        raise _already()
    figures, computed_at = live_figures(actor, org, period)
    submission.values, submission.figures = snapshot_of(rows_from_figures(form, figures))
    submission.status = SubmissionStatus.SUBMITTED
    submission.remarks = remarks
    submission.computed_at = computed_at
    submission.submitted_by = actor
    submission.submitted_at = timezone.now()
    submission.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=submission,
        org=org,
        detail={"return": form.key, "period": submission.period, "status": SubmissionStatus.SUBMITTED},
    )
    return submission


@transaction.atomic
def return_send_back(*, actor: User, submission: Submission, reason: str) -> Submission:
    """The federation above returns a submitted return with a reason; the union may then submit it again.
    The snapshot stays as it was until then."""
    require(actor, submission.org)
    if not may_send_back(actor, submission.org):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写退回原因，说明需要核实或更正的内容。")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("退回原因不超过%(n)s字。") % {"n": REASON_MAX}})
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("只有已报送的报表才能退回。"), code="not_submitted")
    locked.status = SubmissionStatus.RETURNED
    locked.return_reason = reason
    locked.returned_by = actor
    locked.returned_at = timezone.now()
    locked.save(update_fields=["status", "return_reason", "returned_by", "returned_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        org=locked.org,
        detail={"return": locked.form, "period": locked.period, "status": SubmissionStatus.RETURNED},
    )
    return locked

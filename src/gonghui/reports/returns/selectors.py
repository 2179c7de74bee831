"""Reads of returns, always through the scope: one union's return for a form and period (live while it is
open, the frozen snapshot once submitted, with its differences against the records now), and a union's list
of returns due, submitted and overdue. The federation's view of its children is in `rollup`.

Figures are read only through `reports.selectors`. A return is counted afresh (`sheet_compute`) rather than
from the stored sheets: a past period's stored sheet no longer moves, while a return must show what the
records say now — both when the cadre reviews it before submitting and when it is compared with what was
submitted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.figures import Figure, Period
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require
from gonghui.reports.periods import period_check_union, period_key, period_parse
from gonghui.reports.returns.choices import FilingStatus, SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import ReturnForm, forms_filed_by, return_form_get
from gonghui.reports.returns.snapshot import DiffRow, ReturnRow, diff_rows, rows_from_figures, rows_from_snapshot
from gonghui.reports.selectors import sheet_compute


def filing_status(status: str | None, due_on: dt.date, today: dt.date) -> FilingStatus:
    if status == SubmissionStatus.SUBMITTED:
        return FilingStatus.SUBMITTED
    if status == SubmissionStatus.RETURNED:
        return FilingStatus.RETURNED
    return FilingStatus.OVERDUE if today > due_on else FilingStatus.MISSING


def return_form_for(org: OrgNode, key: str) -> ReturnForm:
    """The form, if the union's kind files it; a Chinese reason otherwise."""
    form = return_form_get(key)
    if not form.files(org.kind):
        raise ValidationError(
            _("%(org)s（%(kind)s）不填报%(form)s。")
            % {"org": org.name, "kind": OrgKind(org.kind).label, "form": form.name},
            code="form_kind",
        )
    return form


def return_period(form: ReturnForm, org: OrgNode, text: str, today: dt.date | None = None) -> Period:
    """The period a key names, if the form is filed for it and the union existed then."""
    period = period_parse(text, today=today)
    form.check_period(period)
    period_check_union(period, org.established_on)
    return period


def live_figures(user: Any, org: OrgNode, period: Period) -> tuple[dict[str, Figure], dt.datetime]:
    """Every figure of the union's subtree for the period, counted now (404 outside the user's scope)."""
    require(user, org)
    sheet = sheet_compute(org, period)
    return sheet.by_key(), sheet.computed_at


@dataclass(frozen=True)
class ReturnSheet:
    org: OrgNode
    form: ReturnForm
    period: Period
    status: FilingStatus
    due_on: dt.date
    ended: bool  # the period is over (a return is submitted only then)
    rows: list[ReturnRow]  # as submitted once submitted, else as the records say now
    computed_at: dt.datetime
    submission: Submission | None
    diffs: list[DiffRow] | None  # a submitted return beside the records now

    @property
    def key(self) -> str:
        return period_key(self.period)

    @property
    def changed(self) -> bool:
        """报送后数据有变化: some figure counts differently now than when it was submitted."""
        return any(d.changed for d in self.diffs or [])

    @property
    def redefined(self) -> bool:
        return any(d.redefined for d in self.diffs or [])


def _submission(org: OrgNode, form: ReturnForm, period: Period) -> Submission | None:
    return (
        Submission.objects.select_related("submitted_by", "returned_by")
        .filter(org=org, form=form.key, period=period_key(period))
        .first()
    )


def return_sheet(user: Any, org: OrgNode, form_key: str, period_text: str) -> ReturnSheet:
    """One union's return (404 outside the scope; a Chinese reason for a form or period it cannot file)."""
    require(user, org)
    form = return_form_for(org, form_key)
    period = return_period(form, org, period_text)
    return _sheet(user, org, form, period, _submission(org, form, period))


def _sheet(user: Any, org: OrgNode, form: ReturnForm, period: Period, submission: Submission | None) -> ReturnSheet:
    figures, computed_at = live_figures(user, org, period)
    today = timezone.localdate()
    status = filing_status(submission.status if submission else None, form.due_on(period), today)
    rows, diffs = rows_from_figures(form, figures), None
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        rows = rows_from_snapshot(submission.values, submission.figures)
        diffs = diff_rows(rows, figures)
        computed_at = submission.computed_at or computed_at
    return ReturnSheet(
        org=org,
        form=form,
        period=period,
        status=status,
        due_on=form.due_on(period),
        ended=period.end < today,
        rows=rows,
        computed_at=computed_at,
        submission=submission,
        diffs=diffs,
    )


def submission_get_for(user: Any, pk: int) -> Submission:
    submission: Submission = get_object_or_404(
        Submission.objects.select_related("org", "submitted_by", "returned_by"), pk=pk
    )
    require(user, submission.org)
    return submission


def submission_sheet(user: Any, submission: Submission) -> ReturnSheet:
    """A stored submission as a return: its snapshot beside the records now."""
    form = return_form_get(submission.form)
    period = period_parse(submission.period)
    return _sheet(user, submission.org, form, period, submission)


@dataclass(frozen=True)
class DueRow:
    form: ReturnForm
    period: Period
    due_on: dt.date
    status: FilingStatus
    submission: Submission | None

    @property
    def key(self) -> str:
        return period_key(self.period)


def returns_due_for(user: Any, org: OrgNode, today: dt.date | None = None) -> list[DueRow]:
    """The union's recent returns, form by form, newest period first: submitted, returned, overdue or not yet
    due. One query for the union's submissions."""
    require(user, org)
    today = today or timezone.localdate()
    wanted = [(form, period) for form in forms_filed_by(org.kind) for period in form.recent(today, org.established_on)]
    found = {
        (s.form, s.period): s
        for s in Submission.objects.filter(
            org=org, form__in={f.key for f, _p in wanted}, period__in={period_key(p) for _f, p in wanted}
        ).select_related("submitted_by")
    }
    rows = []
    for form, period in wanted:
        submission = found.get((form.key, period_key(period)))
        due_on = form.due_on(period)
        status = filing_status(submission.status if submission else None, due_on, today)
        rows.append(DueRow(form=form, period=period, due_on=due_on, status=status, submission=submission))
    return rows


def submission_at(user: Any, org: OrgNode, form_key: str, period_text: str) -> Submission:
    """The union's stored return for a form and period (404 when there is none or it is outside the scope)."""
    require(user, org)
    form = return_form_for(org, form_key)
    period = return_period(form, org, period_text)
    submission: Submission = get_object_or_404(
        Submission.objects.select_related("org"), org=org, form=form.key, period=period_key(period)
    )
    return submission

"""The returns API (ADR 0019): the forms; a union's returns due; one return computed (or as submitted, with its
differences against the records now); submitting it; the federation's view of its children's returns with the
roll-up; returning one (退回). Scoped: 404 outside the caller's unions; Chinese reasons (422) for bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from gonghui.common.api_fields import Text50, Text100, Text200, Text500
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.staff_accounts import acting_user
from gonghui.reports.catalogue import figure_catalogue
from gonghui.reports.periods import period_label
from gonghui.reports.returns import selectors, services
from gonghui.reports.returns.choices import FilingStatus, PeriodKind
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import return_forms
from gonghui.reports.returns.rollup import children_view
from gonghui.reports.returns.selectors import ReturnSheet
from gonghui.reports.returns.snapshot import Value

router = Router(tags=["returns"])


def _number(value: Value) -> float | None:
    return None if value is None else float(value)


class ReturnFormRowOut(Schema):
    section: str
    key: str
    label: str
    unit: str
    definition: str
    rollup: str


class ReturnFormOut(Schema):
    key: str
    name: str
    period_kind: PeriodKind
    kinds: list[str] = Field(description="the kinds of union that file it (orgs kinds)")
    due_days: int = Field(description="due this many days after the period's last day")
    note: str
    rows: list[ReturnFormRowOut]


class ReturnRowOut(Schema):
    section: str
    key: str
    label: str
    unit: str
    definition: str
    rollup: str
    value: float | None = Field(description="as submitted once submitted, else as the records say now")
    live_value: float | None = Field(None, description="a submitted return: the figure as the records say now")
    changed: bool = Field(False, description="a submitted return: the records now say otherwise")


class ReturnOut(Schema):
    id: int | None = Field(description="the stored return (submission), once there is one")
    org: str
    org_name: str
    form: str
    form_name: str
    period: str
    period_label: str
    status: FilingStatus
    due_on: dt.date
    ended: bool
    computed_at: dt.datetime
    submitted_at: dt.datetime | None
    submitted_by: str
    remarks: str
    return_reason: str
    changed: bool = Field(description="报送后数据有变化")
    rows: list[ReturnRowOut]


class ReturnDueOut(Schema):
    form: str
    form_name: str
    period: str
    period_label: str
    due_on: dt.date
    status: FilingStatus
    submitted_at: dt.datetime | None


class ReturnSubmitIn(Schema):
    remarks: Text500 = ""


class ReturnSendBackIn(Schema):
    reason: Text200


class ReturnTotalOut(Schema):
    section: str
    key: str
    label: str
    unit: str
    definition: str
    rollup: str
    total: float | None = Field(description="sum of the submitted values (sum), or the subtree recounted (recount)")
    submitted_sum: float | None
    subtree_now: float | None = Field(description="the federation's subtree as last counted")


class ReturnChildOut(Schema):
    org: str
    org_name: str
    status: FilingStatus
    submitted_at: dt.datetime | None
    late: bool
    values: dict[str, float | None]


class ReturnChildrenOut(Schema):
    org: str
    form: str
    period: str
    due_on: dt.date
    counted_at: dt.datetime
    counts: dict[str, int]
    children_total: int
    totals: list[ReturnTotalOut]
    children: list[ReturnChildOut]


class ReturnChildrenQuery(Schema):
    status: FilingStatus | None = None
    offset: int = Field(0, ge=0)
    limit: int = Field(500, ge=1, le=5000)


def _return_out(sheet: ReturnSheet) -> dict[str, Any]:
    submission = sheet.submission
    diffs = {d.submitted.key: d for d in sheet.diffs or []}
    rows = []
    for row in sheet.rows:
        diff = diffs.get(row.key)
        rows.append(
            {
                "section": row.section,
                "key": row.key,
                "label": row.label,
                "unit": row.unit,
                "definition": row.definition,
                "rollup": row.rollup,
                "value": _number(row.value),
                "live_value": _number(diff.live_value) if diff else None,
                "changed": diff.changed if diff else False,
            }
        )
    submitted = sheet.status == FilingStatus.SUBMITTED and submission is not None
    by = submission.submitted_by if submitted and submission else None
    return {
        "id": submission.pk if submission else None,
        "org": sheet.org.code,
        "org_name": sheet.org.name,
        "form": sheet.form.key,
        "form_name": str(sheet.form.name),
        "period": sheet.key,
        "period_label": period_label(sheet.period),
        "status": sheet.status,
        "due_on": sheet.due_on,
        "ended": sheet.ended,
        "computed_at": sheet.computed_at,
        "submitted_at": submission.submitted_at if submitted and submission else None,
        "submitted_by": (by.display_name or by.username) if by else "",
        "remarks": submission.remarks if submission else "",
        "return_reason": submission.return_reason if submission else "",
        "changed": sheet.changed,
        "rows": rows,
    }


@router.get("/returns/forms", response=list[ReturnFormOut], operation_id="returns_forms")
def returns_forms(request: HttpRequest) -> list[dict[str, Any]]:
    """The return forms: each figure row with its unit and definition (口径), who files it and when it is due."""
    catalogue = figure_catalogue()
    out = []
    for form in return_forms():
        rows = []
        for section, key in form.rows():
            info = catalogue.get(key)
            rows.append(
                {
                    "section": str(section),
                    "key": key,
                    "label": str(info.label) if info else key,
                    "unit": str(info.unit) if info else "",
                    "definition": str(info.definition) if info else "",
                    "rollup": info.rollup if info else "",
                }
            )
        out.append(
            {
                "key": form.key,
                "name": str(form.name),
                "period_kind": form.period_kind,
                "kinds": sorted(form.kinds),
                "due_days": form.due_days,
                "note": str(form.note),
                "rows": rows,
            }
        )
    return out


@router.get("/returns/due/{org_code}", response=list[ReturnDueOut], operation_id="returns_due")
def returns_due(request: HttpRequest, org_code: Text100) -> list[dict[str, Any]]:
    """A union's recent returns, newest period first: submitted, returned, overdue or not yet due."""
    org = org_selectors.org_get_for(request.user, org_code)
    return [
        {
            "form": row.form.key,
            "form_name": str(row.form.name),
            "period": row.key,
            "period_label": period_label(row.period),
            "due_on": row.due_on,
            "status": row.status,
            "submitted_at": row.submission.submitted_at
            if row.status == FilingStatus.SUBMITTED and row.submission
            else None,
        }
        for row in selectors.returns_due_for(request.user, org)
    ]


@router.get("/returns/sheets/{org_code}/{form}/{period}", response=ReturnOut, operation_id="returns_compute")
def returns_compute(request: HttpRequest, org_code: Text100, form: Text50, period: Text50) -> dict[str, Any]:
    """A union's return for a form and period: computed from its records while open; once submitted, the
    frozen values with each figure as the records say now (`live_value`, `changed`)."""
    org = org_selectors.org_get_for(request.user, org_code)
    return _return_out(selectors.return_sheet(request.user, org, form, period))


@router.post(
    "/returns/sheets/{org_code}/{form}/{period}/submit", response={201: ReturnOut}, operation_id="returns_submit"
)
def returns_submit(
    request: HttpRequest, org_code: Text100, form: Text50, period: Text50, payload: ReturnSubmitIn
) -> Status:
    """The union's own staff submit its return (after the period ends): the values are frozen. Submitting
    again is refused (422 “该报表已报送，不能重复报送”) until the federation above returns it."""
    actor = acting_user(request)
    org = org_selectors.org_get_for(actor, org_code)
    submission = services.return_submit(
        actor=actor, org=org, form_key=form, period_text=period, remarks=payload.remarks
    )
    return Status(201, _return_out(selectors.submission_sheet(actor, submission)))


@router.get(
    "/returns/sheets/{org_code}/{form}/{period}/children",
    response=ReturnChildrenOut,
    operation_id="returns_children",
)
def returns_children(
    request: HttpRequest,
    org_code: Text100,
    form: Text50,
    period: Text50,
    filters: Query[ReturnChildrenQuery],
) -> dict[str, Any]:
    """A federation's children's returns for a form and period (status, submitted values) and the roll-up:
    figures that add up are the sum of the submitted values; the others are recounted for the subtree."""
    org = org_selectors.org_get_for(request.user, org_code)
    view = children_view(request.user, org, form, period)
    children = [c for c in view.children if filters.status is None or c.status == filters.status]
    page = children[filters.offset : filters.offset + filters.limit]
    return {
        "org": org.code,
        "form": view.form.key,
        "period": view.key,
        "due_on": view.due_on,
        "counted_at": view.counted_at,
        "counts": view.counts,
        "children_total": len(children),
        "totals": [
            {
                "section": t.row.section,
                "key": t.row.key,
                "label": t.row.label,
                "unit": t.row.unit,
                "definition": t.row.definition,
                "rollup": t.row.rollup,
                "total": _number(t.total),
                "submitted_sum": _number(t.submitted_sum),
                "subtree_now": _number(t.row.value),
            }
            for t in view.totals
        ],
        "children": [
            {
                "org": c.org.code,
                "org_name": c.org.name,
                "status": c.status,
                "submitted_at": c.submitted_at,
                "late": c.late,
                "values": {key: _number(value) for key, value in c.values.items()},
            }
            for c in page
        ],
    }


@router.get("/returns/submissions/{int:pk}", response=ReturnOut, operation_id="returns_submission_get")
def returns_submission_get(request: HttpRequest, pk: int) -> dict[str, Any]:
    """One stored return with its differences against the records now."""
    submission = selectors.submission_get_for(request.user, pk)
    return _return_out(selectors.submission_sheet(request.user, submission))


@router.post("/returns/submissions/{int:pk}/send-back", response=ReturnOut, operation_id="returns_send_back")
def returns_send_back(request: HttpRequest, pk: int, payload: ReturnSendBackIn) -> dict[str, Any]:
    """The federation above returns (退回) a submitted return with a reason; the union may submit it again."""
    actor = acting_user(request)
    submission: Submission = selectors.submission_get_for(actor, pk)
    returned = services.return_send_back(actor=actor, submission=submission, reason=payload.reason)
    return _return_out(selectors.submission_sheet(actor, returned))

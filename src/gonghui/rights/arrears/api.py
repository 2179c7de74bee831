"""欠薪治理 over the API, for the rights role of the report's union: list, get, open, and take a report
round the loop (accept, reject, divert, handle, feedback, visit). Every answer holding reports is audited;
the reporter appears by name only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import StringConstraints

from gonghui.common.api_fields import NoNul, Text30, Text100, Text500, Year
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.arrears import selectors, services
from gonghui.rights.arrears.choices import ArrearsStage, ReportSource, Route
from gonghui.rights.arrears.models import Report

router = Router(tags=["arrears"])
Text2000 = Annotated[str, StringConstraints(max_length=2000), NoNul]


class ReportOut(Schema):
    id: int
    number: str
    org: str
    enterprise: str
    enterprise_uscc: str
    source: ReportSource
    stage: ArrearsStage
    route: str
    amount_owed: Decimal
    amount_recovered: Decimal
    workers_affected: int
    received_on: dt.date
    deadline: dt.date | None = None
    drive: str
    dispute_id: int | None = None
    closed_on: dt.date | None = None

    @staticmethod
    def resolve_org(obj: Report) -> str:
        return obj.org.code

    @staticmethod
    def resolve_enterprise(obj: Report) -> str:
        return obj.enterprise_name

    @staticmethod
    def resolve_enterprise_uscc(obj: Report) -> str:
        return obj.enterprise.uscc if obj.enterprise_id and obj.enterprise else ""

    @staticmethod
    def resolve_drive(obj: Report) -> str:
        return obj.drive.name if obj.drive else ""


class ReportDetailOut(ReportOut):
    summary: str
    months: str
    reporter: str
    handling: str
    feedback: str
    satisfied: bool | None = None

    @staticmethod
    def resolve_reporter(obj: Report) -> str:
        return obj.reporter.name if obj.reporter else ""


class ReportIn(Schema):
    org_code: Text100
    enterprise_uscc: Text30
    source: ReportSource
    amount_owed: Decimal
    summary: Text2000
    workers_affected: int = 1
    months: Text100 = ""
    received_on: dt.date | None = None
    deadline: dt.date | None = None


class ArrearsTransitionIn(Schema):
    action: Literal["accept", "reject", "divert", "handle", "feedback", "visit"]
    enterprise_uscc: Text30 = ""
    deadline: dt.date | None = None
    route: Route | None = None
    recovered: Decimal | None = None
    satisfied: bool | None = None
    note: Text500 = ""


@router.get("/arrears/reports", response=list[ReportOut], operation_id="arrears_list")
def arrears_list(
    request: HttpRequest,
    stage: ArrearsStage | None = None,
    route: Route | None = None,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> Any:
    """Reports the caller's rights role covers, newest first, 100 a page (`after`: the last id seen)."""
    user = acting_user(request)
    org = org_selectors.org_pick_for(user, under) if under.strip() else None
    rows = selectors.reports_for(
        user, selectors.ReportFilters(stage=stage or "", route=route or "", under=org, year=year)
    ).select_related("enterprise")
    if after:
        rows = rows.filter(pk__lt=after)
    found = list(rows[:100])
    if found:
        audit_record(
            actor=user,
            action=AuditAction.VIEW_SENSITIVE,
            detail={"list": "arrears.reports", "ids": [r.pk for r in found]},
            request=request,
        )
    return found


@router.get("/arrears/reports/{int:pk}", response=ReportDetailOut, operation_id="arrears_get")
def arrears_get(request: HttpRequest, pk: int) -> Report:
    return selectors.report_get_for(acting_user(request), pk, request=request)


@router.post("/arrears/reports", response={201: ReportDetailOut}, operation_id="arrears_create")
def arrears_create(request: HttpRequest, payload: ReportIn) -> Status:
    """Open a report about an enterprise under the union; 422 with a Chinese reason for one outside the
    scope or a negative amount."""
    user = acting_user(request)
    org = org_selectors.org_pick_for(user, payload.org_code, Perm.RIGHTS)
    report = services.report_open(
        actor=user,
        org=org,
        enterprise_uscc=payload.enterprise_uscc,
        source=payload.source,
        amount_owed=payload.amount_owed,
        summary=payload.summary,
        workers_affected=payload.workers_affected,
        months=payload.months,
        received_on=payload.received_on,
        deadline=payload.deadline,
    )
    return Status(201, selectors.report_get_for(user, report.pk, request=request))


@router.post("/arrears/reports/{int:pk}/transition", response=ReportDetailOut, operation_id="arrears_transition")
def arrears_transition(request: HttpRequest, pk: int, payload: ArrearsTransitionIn) -> Report:
    """The next step of the loop; 422 with a Chinese reason when it is not the report's next step."""
    user = acting_user(request)
    report = selectors.report_get_for(user, pk, request=request)
    p = payload
    if p.action == "accept":
        services.report_accept(actor=user, report=report, enterprise_uscc=p.enterprise_uscc, deadline=p.deadline)
    elif p.action == "reject":
        services.report_reject(actor=user, report=report, reason=p.note)
    elif p.action == "divert":
        if p.route is None:
            raise ValidationError({"route": _("请选择分流去向。")})
        services.report_divert(actor=user, report=report, route=p.route, note=p.note)
    elif p.action == "handle":
        services.report_handle(actor=user, report=report, recovered=p.recovered, note=p.note)
    elif p.action == "feedback":
        services.report_feedback(actor=user, report=report, note=p.note)
    else:
        if p.satisfied is None:
            raise ValidationError({"satisfied": _("请填写职工是否满意。")})
        services.report_visit(actor=user, report=report, satisfied=p.satisfied, note=p.note)
    return selectors.report_get_for(user, pk, audit=False)

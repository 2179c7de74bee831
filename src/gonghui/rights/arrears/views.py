"""Workbench pages of 欠薪治理: the report list (rights role only, paged) and its masked Excel export, a new
report, a report's page with the loop's steps (every view audited), drives and their progress, an
enterprise's arrears record, and the counts."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.audit import audit_record
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.models import AuditAction
from gonghui.common.paging import page_context
from gonghui.orgs.drilldown import flag, kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.selectors import enterprise_get_for
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.arrears import drives, selectors, services
from gonghui.rights.arrears.choices import Route
from gonghui.rights.arrears.forms import (
    AcceptForm,
    DivertForm,
    DriveForm,
    FeedbackForm,
    HandleForm,
    RejectForm,
    ReportFilterForm,
    ReportForm,
    VisitForm,
)
from gonghui.rights.arrears.models import Report
from gonghui.rights.mediation.selectors import DisputeFilters, disputes_for

EXPORT_MAX = 5000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(request: HttpRequest, user: Any) -> tuple[ReportFilterForm, QuerySet[Report], OrgNode | None]:
    """The filter form and the reports it asks for (the list's and the export's); input in error asks for none
    (never the whole scope), the form says why."""
    form = ReportFilterForm(request.GET)
    under = under_org(request)
    if not form.is_valid():
        return form, Report.objects.none(), under
    d = form.cleaned_data
    start, end = form.span()
    filters = selectors.ReportFilters(
        stage=d["stage"],
        route=d["route"],
        source=d["source"],
        overdue=bool(d["overdue"]),
        q=d["q"],
        under=under,
        year=d["year"],
        drive_id=d["drive"],
        start=start,
        end=end,
        accepted=flag(d["accepted"]),
    )
    return form, selectors.reports_for(user, filters), under


@staff_view
def reports(request: HttpRequest) -> HttpResponse:
    """The reports the user handles; a figure's drill-down narrows them to a union's subtree (?under=), the days
    they were received in (start, end), the accepted ones, a route or a stage."""
    form, rows, under = _rows(request, acting_user(request))
    context = {**page_context(request, rows), "form": form, "under": under, "found": rows.count()}
    return render(request, "arrears/list.html", {**context, "kept": kept(request, "accepted")})


def _export_row(r: Report) -> list[Any]:
    # The reporter's name only (their ID and phone never leave the page); amounts as numbers.
    return [
        r.number, r.received_on, r.org.name, r.enterprise_name, r.get_source_display(), r.get_stage_display(),
        r.get_route_display() if r.route else "", r.amount_owed, r.amount_recovered, r.workers_affected,
        r.reporter.name if r.reporter else "", r.deadline or "", r.closed_on or "",
    ]  # fmt: skip


@staff_view
def export(request: HttpRequest) -> HttpResponse:
    """The list as Excel, as filtered (the same rows the list shows); audited."""
    user = acting_user(request)
    if not selectors.can_see_rows(user):
        raise PermissionDenied  # no report rows to export without the rights role
    rows = list(_rows(request, user)[1].select_related("reporter")[:EXPORT_MAX])
    head = [_("编号"), _("受理日期"), _("受理工会"), _("用人单位"), _("来源"), _("环节"), _("分流去向"),
            _("欠薪金额（元）"), _("已追回（元）"), _("涉及职工"), _("反映人"),
            _("处置期限"), _("办结日期")]  # fmt: skip
    buffer = io.BytesIO()
    write_xlsx(buffer, [Sheet(_("欠薪线索"), head, [_export_row(r) for r in rows])])
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        detail={"list": "arrears.reports", "rows": len(rows), "ids": [r.pk for r in rows[:500]]},
        request=request,
    )
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="arrears-{timezone.localtime():%Y%m%d-%H%M}.xlsx"'
    return response


@staff_view
def report_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ReportForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Report:
        d = form.cleaned_data
        return services.report_open(
            actor=user,
            org=org,
            enterprise_uscc=d["enterprise"],
            source=d["source"],
            amount_owed=d["amount_owed"],
            summary=d["summary"],
            workers_affected=d["workers_affected"],
            months=d["months"],
            received_on=d["received_on"],
            deadline=d["deadline"],
        )

    report = act_in_org(request, form, "org", Perm.RIGHTS, create, refused=_("找不到该工会，或您不是该会的维权专员。"))
    if report is not None:
        messages.success(request, _("已受理欠薪线索 %(n)s。") % {"n": report.number})
        return redirect("arrears:detail", pk=report.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("受理欠薪线索")})


@staff_view
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(acting_user(request), pk, request=request)
    context = {
        "r": report,
        "steps": list(report.steps.select_related("by")),
        "forms": {
            "accept": AcceptForm(),
            "reject": RejectForm(),
            "divert": DivertForm(),
            "handle": HandleForm(initial={"recovered": report.amount_owed}),
            "feedback": FeedbackForm(),
            "visit": VisitForm(),
        },
    }
    return render(request, "arrears/detail.html", context)


@staff_view
def drive_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = DriveForm(request.POST or None)

    def create(org: OrgNode) -> Any:
        d = form.cleaned_data
        return drives.drive_create(
            actor=user, org=org, name=d["name"], starts_on=d["starts_on"], ends_on=d["ends_on"],
            target_amount=d["target_amount"],
        )  # fmt: skip

    drive = act_in_org(request, form, "org", Perm.RIGHTS, create, refused=_("找不到该工会，或您不是该会的维权专员。"))
    if drive is not None:
        messages.success(request, _("已设立专项行动。"))
        return redirect("arrears:drives")
    rows = []
    for d in selectors.drives_for(user)[:50]:
        p = selectors.drive_progress(d)
        rows.append((d, p, p.percent_of(d.target_amount)))
    return render(request, "arrears/drives.html", {"rows": rows, "form": form})


@staff_view
def enterprise_record(request: HttpRequest, pk: int) -> HttpResponse:
    """An enterprise's arrears history: its reports (rights role) and the totals, with its disputes' count."""
    user = acting_user(request)
    enterprise = enterprise_get_for(user, pk)
    rows = selectors.reports_for(user, selectors.ReportFilters(enterprise_id=enterprise.pk))
    context = {
        "enterprise": enterprise,
        "rows": list(rows[:200]),
        "totals": selectors.progress(rows),
        "disputes": disputes_for(user, DisputeFilters(enterprise_id=enterprise.pk)).count(),
        "sees_rows": selectors.can_see_rows(user),
    }
    return render(request, "arrears/enterprise.html", context)


@staff_view
def stats_page(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    under = under_org(request)
    try:
        year = min(max(int(request.GET.get("year") or timezone.localdate().year), 2000), 2100)
    except ValueError:
        year = timezone.localdate().year
    rows = selectors.in_scope(user, year, under)
    routes = selectors.by_route(rows)
    context = {
        "year": year,
        "under": under,
        "totals": selectors.progress(rows),
        "routes": [(r.value, r.label, routes.get(r.value, 0)) for r in Route],
        "sees_rows": selectors.can_see_rows(user),
    }
    return render(request, "arrears/stats.html", context)

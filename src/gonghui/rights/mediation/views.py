"""Workbench pages of 劳动争议调解: the case list (rights role only, paged), its masked Excel export, a new
case, a case's page (every view audited), the 调解协议 as Word or PDF, and the counts by source and outcome."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.audit import audit_record
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.models import AuditAction
from gonghui.common.paging import page_context
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.base.documents import DocumentError
from gonghui.rights.mediation import agreement, intake, selectors, stats
from gonghui.rights.mediation.choices import OUTCOMES, DisputeSource, Status
from gonghui.rights.mediation.forms import (
    AcceptForm,
    AgreementForm,
    AssignForm,
    DisputeFilterForm,
    DisputeForm,
    JudicialApplyForm,
    JudicialDecideForm,
    PaidForm,
    PartiesForm,
    ReasonForm,
    ReferForm,
    SessionForm,
    parse_workers,
)
from gonghui.rights.mediation.models import Dispute

EXPORT_MAX = 5000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request: HttpRequest) -> tuple[DisputeFilterForm, selectors.DisputeFilters, OrgNode | None]:
    form = DisputeFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    filters = selectors.DisputeFilters(
        status=d.get("status", ""),
        source=d.get("source", ""),
        collective=bool(d.get("collective")),
        escalated_to_me=bool(d.get("escalated")),
        q=d.get("q", ""),
        under=under,
        year=d.get("year"),
    )
    return form, filters, under


@staff_view
def disputes(request: HttpRequest) -> HttpResponse:
    form, filters, under = _filters(request)
    rows = selectors.disputes_for(acting_user(request), filters)
    context = {**page_context(request, rows), "form": form, "under": under}
    return render(request, "mediation/list.html", context)


def _export_row(d: Dispute) -> list[Any]:
    # str(party.id_number) is the masked number (a Sealed shows itself masked).
    workers = "；".join(f"{p.name} {p.id_number}" for p in d.parties.all())
    return [
        d.number, d.received_on, d.org.name, d.enterprise_name, d.get_source_display(), d.get_status_display(),
        d.worker_count, workers, d.claimed, _("是") if d.collective else "",
        d.escalated_to.name if d.escalated_to else "", d.closed_on or "",
    ]  # fmt: skip


@staff_view
def export(request: HttpRequest) -> HttpResponse:
    """The list as Excel, as filtered (the same rows the list shows), workers' ID numbers masked; audited."""
    user = acting_user(request)
    if scope_for(user, Perm.RIGHTS).is_empty:
        raise PermissionDenied  # no case rows to export without the rights role
    _form, filters, _under = _filters(request)
    found = selectors.disputes_for(user, filters).select_related("enterprise").prefetch_related("parties")
    rows = list(found[:EXPORT_MAX])
    head = [_("案号"), _("受理日期"), _("受理工会"), _("用人单位"), _("来源"), _("状态"), _("职工人数"),
            _("职工（身份证号码已隐藏）"), _("请求金额（元）"), _("集体争议"), _("上报"), _("结案日期")]  # fmt: skip
    lines = [_export_row(d) for d in rows]
    buffer = io.BytesIO()
    write_xlsx(buffer, [Sheet(_("劳动争议"), head, lines)])
    audit_record(
        actor=user,
        action=AuditAction.EXPORT,
        target=None,
        detail={"list": "mediation.disputes", "rows": len(rows), "ids": [d.pk for d in rows[:500]]},
        request=request,
    )
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="disputes-{stamp}.xlsx"'
    return response


@staff_view
def dispute_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = DisputeForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Dispute:
        d = form.cleaned_data
        return intake.dispute_open(
            actor=user,
            org=org,
            enterprise_uscc=d["enterprise"],
            source=d["source"],
            summary=d["summary"],
            workers=parse_workers(d["workers"]),
            claims=form.claims(),
            received_on=d.get("received_on"),
            court_ref=d.get("court_ref", ""),
        )

    dispute = act_in_org(request, form, "org", Perm.RIGHTS, create, refused=_("找不到该工会，或您不是该会的维权专员。"))
    if dispute is not None:
        messages.success(request, _("已受理劳动争议 %(n)s。") % {"n": dispute.number})
        return redirect("mediation:detail", pk=dispute.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("受理劳动争议")})


@staff_view
def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = selectors.dispute_get_for(acting_user(request), pk, request=request)
    panel_choices = list(selectors.panels_open_to(dispute))
    context: dict[str, Any] = {
        "d": dispute,
        "parties": selectors.parties_of(dispute),
        "claims": list(dispute.claims.all()),
        "sessions": list(dispute.sessions.select_related("mediator")),
        "agreement": getattr(dispute, "agreement", None),
        "payments": selectors.payments_of(dispute),
        "panels": panel_choices,
        "mediators": list(selectors.mediators_of(dispute.panel)),
        "forms": {
            "accept": AcceptForm(),
            "reason": ReasonForm(),
            "parties": PartiesForm(),
            "assign": AssignForm(),
            "session": SessionForm(initial={"held_on": timezone.localdate()}),
            "agreement": AgreementForm(initial={"signed_on": timezone.localdate()}),
            "refer": ReferForm(),
            "judicial_apply": JudicialApplyForm(),
            "judicial_decide": JudicialDecideForm(),
            "paid": PaidForm(initial={"paid_on": timezone.localdate()}),
        },
    }
    return render(request, "mediation/detail.html", context)


@staff_view
def document(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The 调解协议 as .docx or .pdf: ID numbers in full only for PII_FULL (audited), else masked."""
    user = acting_user(request)
    dispute = selectors.dispute_get_for(user, pk, request=request)
    if getattr(dispute, "agreement", None) is None:
        raise Http404
    try:
        if fmt == "docx":
            data = agreement.agreement_docx(user, dispute, request)
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        elif fmt == "pdf":
            data, kind = agreement.agreement_pdf(user, dispute, request), "application/pdf"
        else:
            raise Http404
    except DocumentError:
        messages.error(request, _("暂时无法生成文件，请联系系统管理员。"))
        return redirect("mediation:detail", pk=pk)
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="mediation-agreement-{dispute.pk}.{fmt}"'
    return response


@staff_view
def stats_page(request: HttpRequest) -> HttpResponse:
    """Counts by source and outcome for a year (any staff of the subtree; the rows behind need the role)."""
    user = acting_user(request)
    under = under_org(request)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    rows = stats.in_scope(user, year, under)
    table = stats.table(rows)
    statuses = [Status.SUBMITTED, Status.OPEN, Status.MEDIATING, *OUTCOMES]
    grid = []
    for value, label in DisputeSource.choices:
        counts = table.get(value, {})
        grid.append((value, label, [(s.value, counts.get(s.value, 0)) for s in statuses], sum(counts.values())))
    context = {
        "year": year,
        "under": under,
        "totals": stats.totals(rows),
        "grid": grid,
        "statuses": statuses,
        "sees_rows": not scope_for(user, Perm.RIGHTS).is_empty,
        "definitions": stats.DEFINITIONS,
    }
    return render(request, "mediation/stats.html", context)

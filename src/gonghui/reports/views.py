"""Workbench pages of reports: the figures page — a union's figures for a period, each with its definition,
the same period last year (同比), its target, and a link to the list it counts; exported to Excel as shown."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.access import staff_view
from gonghui.common.audit import audit_record
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.models import AuditAction
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import org_pick_for, org_roots_for
from gonghui.reports.catalogue import figure_catalogue, group_figure_keys
from gonghui.reports.forms import SPANS, FiguresForm
from gonghui.reports.periods import period_check_union, period_key, period_label
from gonghui.reports.selectors import ComparedSheet, figures_compared

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_view
def figures(request: HttpRequest) -> HttpResponse:
    form = FiguresForm(request.GET)
    form.is_valid()
    d = form.cleaned_data  # the fields that are valid, even when another one is not
    roots = org_roots_for(request.user)
    org = org_pick_for(request.user, d["under"]) if d.get("under") else (roots[0] if roots else None)
    period = d.get("chosen")
    if org is not None and period is not None:
        try:
            period_check_union(period, org.established_on)
        except ValidationError as exc:
            form.add_error("period", exc)
            period = None
    compared = figures_compared(request.user, org, period) if org is not None and period is not None else None
    if compared is not None and request.GET.get("format") == "xlsx":
        return _xlsx(request, compared)
    context: dict[str, Any] = {
        "form": form,
        "org": org,
        "compared": compared,
        "spans": SPANS,
        "picked": form.picked() if period is not None else {"year": timezone.localdate().year, "span": "ytd"},
        "period_label": period_label(period) if period is not None else "",
        "fresh_minutes": settings.GONGHUI_FIGURES_FRESH_SECONDS // 60,
        "export_query": _with_format(request),
    }
    return render(request, "reports/figures.html", context)


def _with_format(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "xlsx"
    return query.urlencode()


def _change(line: Any) -> str:
    if line.change is None:
        return ""
    return f"{line.change:+.1f}{line.change_unit}"


def figure_rows(compared: ComparedSheet) -> list[list[Any]]:
    """The page as rows: group, figure, value, unit, 上年同期, 同比, target, completion, definition, key."""
    rows: list[list[Any]] = []
    for group, lines in compared.groups:
        if lines is None:  # counted by year only: listed, without a number for a quarter or a month
            catalogue = figure_catalogue()
            for key in group_figure_keys(group):
                info = catalogue[key]
                rows.append([str(group.title), str(info.label), _("按年度统计"), str(info.unit), "", "", "", ""])
                rows[-1] += [str(info.definition), key]
            continue
        for line in lines:
            f = line.figure
            completion = "" if line.completion is None else f"{line.completion:.1f}%"
            rows.append(
                [
                    str(group.title),
                    str(f.label),
                    f.value,
                    str(f.unit),
                    line.last_year,
                    _change(line),
                    f.target,
                    completion,
                    str(f.definition),
                    f.key,
                ]
            )
    return rows


def _xlsx(request: HttpRequest, compared: ComparedSheet) -> HttpResponse:
    org: OrgNode = compared.sheet.org
    period = compared.sheet.period
    headers = [_("分组"), _("指标"), _("数值"), _("单位"), _("上年同期"), _("同比"), _("目标"), _("完成率")]
    headers += [_("统计口径"), _("指标代码")]
    counted = timezone.localtime(compared.sheet.computed_at).strftime("%Y-%m-%d %H:%M")
    about = [
        [_("工会组织"), org.name],
        [_("统计期间"), period_label(period)],
        [_("数据更新于"), counted],
        [_("同比"), _("与上年同期相比的增减百分比；占比类指标为相差的百分点。")],
    ]
    buffer = io.BytesIO()
    widths = [14, 26, 14, 6, 12, 12, 12, 10, 60, 28]
    write_xlsx(
        buffer,
        [
            Sheet(_("工作统计"), headers, figure_rows(compared), widths=widths),
            Sheet(_("说明"), [_("项目"), _("内容")], about, widths=[14, 60]),
        ],
    )
    key = period_key(period)
    audit_record(
        actor=request.user, action=AuditAction.EXPORT, target=org, org=org, detail={"figures": key}, request=request
    )
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="figures-{org.code}-{key}.xlsx"'
    return response

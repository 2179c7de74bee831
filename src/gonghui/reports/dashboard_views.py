"""The federation dashboard (数据看板) and its Excel export: a union in the user's scope (404 outside it), a
period (本年累计 by default), or for the platform administrator with no union chosen, every root side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gonghui.common.access import staff_view
from gonghui.common.audit import audit_record
from gonghui.common.figures import Period
from gonghui.common.models import AuditAction
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import OrgPicker
from gonghui.orgs.scope import scope_for
from gonghui.orgs.selectors import org_pick_for, org_roots_for
from gonghui.reports.dashboard import Dashboard, dashboard_for, period_options, platform_for, trends_json
from gonghui.reports.dashboard_export import XLSX, dashboard_xlsx, export_name
from gonghui.reports.periods import period_check_union, period_default, period_key, period_label, period_parse


@dataclass
class Choice:
    """What the page shows: the union (None: the platform, or nothing in scope), the period, the columns, and
    why a period asked for was not used."""

    org: OrgNode | None
    period: Period
    columns: list[str]
    platform: bool
    problems: list[str] = field(default_factory=list)


def choose(request: HttpRequest, today: dt.date) -> Choice:
    """Read ?under, ?period and ?col. A union outside the scope is a 404; a bad period is said and replaced by
    this year so far."""
    user: Any = request.user
    under = request.GET.get("under", "").strip()
    org: OrgNode | None = org_pick_for(user, under) if under else None
    platform = False
    if org is None:
        roots = org_roots_for(user)
        platform = user.is_superuser and len(roots) > 1
        org = roots[0] if roots and not platform else None
    period, problems = period_default(today), []
    asked = request.GET.get("period", "").strip()
    if asked:
        try:
            period = period_parse(asked, today=today)
            if org is not None:
                period_check_union(period, org.established_on)
        except ValidationError as exc:
            problems += exc.messages
            period = period_default(today)
    columns = [c for c in request.GET.getlist("col") if c][:20]
    return Choice(org=org, period=period, columns=columns, platform=platform, problems=problems)


def _dashboard(request: HttpRequest, choice: Choice, today: dt.date) -> Dashboard | None:
    if choice.org is not None:
        return dashboard_for(request.user, choice.org, choice.period, columns=choice.columns, today=today)
    if choice.platform:
        return platform_for(request.user, choice.period, columns=choice.columns, today=today)
    return None


def _picked(org: OrgNode | None) -> str:
    """The picker's text for a union, as a chosen suggestion fills it in: 名称（code）."""
    return f"{org.name}（{org.code}）" if org is not None else ""


def _query(choice: Choice) -> str:
    params: list[tuple[str, str]] = []
    if choice.org is not None:
        params.append(("under", choice.org.code))
    params.append(("period", period_key(choice.period)))
    params += [("col", c) for c in choice.columns]
    return urlencode(params)


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    choice = choose(request, today)
    board = _dashboard(request, choice, today)
    periods = period_options(today)
    if period_key(choice.period) not in dict(periods):  # a period typed into the address: offered as chosen
        periods.insert(0, (period_key(choice.period), period_label(choice.period)))
    context = {
        "as_home": bool(request.resolver_match and request.resolver_match.view_name == "workbench:home"),
        "board": board,
        "choice": choice,
        "period_key": period_key(choice.period),
        "period_label": period_label(choice.period),
        "periods": periods,
        "columns_keys": [c.key for c in board.breakdown.columns] if board and board.breakdown else [],
        "picker": OrgPicker().render("under", _picked(choice.org), {"id": "dash-under"}),
        "query": _query(choice),
        "no_scope": scope_for(request.user).is_empty,
        "fresh_minutes": settings.GONGHUI_FIGURES_FRESH_SECONDS // 60,
        "trends": trends_json(board.trends, choice.period.year) if board else None,
        "chart": board.breakdown.chart() if board and board.breakdown else None,
    }
    return render(request, "reports/dashboard.html", context)


@staff_view
def dashboard_export(request: HttpRequest) -> HttpResponse:
    """The page as Excel: headline figures with their definitions, the breakdown, the trends and the alerts."""
    today = timezone.localdate()
    choice = choose(request, today)
    board = _dashboard(request, choice, today)
    if board is None:
        return render(request, "reports/dashboard.html", {"board": None, "choice": choice, "no_scope": True})
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=board.org,
        org=board.org,
        detail={"list": "reports.dashboard", "period": period_key(choice.period)},
        request=request,
    )
    response = HttpResponse(dashboard_xlsx(board), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{export_name(board)}"'
    return response

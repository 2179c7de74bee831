"""Workbench pages of 劳动关系预警: the enterprises' levels with the recompute button, the warning list and
map of a subtree, and a warning's page (assign, record actions, close). Rights staff only: everyone else
sees empty lists and 403 on a warning (the figures give them the counts)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.orgs.org_field import under_org
from gonghui.rights.base.access import case_read
from gonghui.rights.earlywarning import handling, selectors
from gonghui.rights.earlywarning.choices import Indicator, WarningLevel, WarningStatus
from gonghui.rights.earlywarning.forms import ActionForm, AssignForm, CloseForm
from gonghui.rights.earlywarning.jobs import recompute_start
from gonghui.rights.earlywarning.map_layer import warning_points
from gonghui.rights.earlywarning.viewing import me
from gonghui.stations.map_data import map_config

LIST_LIMIT = 300
MAP_LIMIT = 1000


def shown_values(values: dict[str, str]) -> list[tuple[str, str]]:
    return [(str(Indicator(k).label), v) for k, v in values.items() if k in Indicator.values]


@staff_view
def levels(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    level = request.GET.get("level", "")
    q = request.GET.get("q", "").strip()
    rows = list(selectors.levels_for(me(request), under=under, level=level, q=q)[:LIST_LIMIT])
    for row in rows:
        row.shown = shown_values(row.values)  # type: ignore[attr-defined]
    counts = selectors.level_counts(me(request), under=under)
    context = {
        "rows": rows,
        "under": under,
        "level": level,
        "q": q,
        "levels": WarningLevel,
        "counts": [(value, label, counts[value]) for value, label in WarningLevel.choices],
        "run": selectors.last_run(),
        "can_recompute": selectors.rights_paths(me(request)) != [],
    }
    return render(request, "earlywarning/levels.html", context)


@staff_view
@require_POST
def recompute(request: HttpRequest) -> HttpResponse:
    job = recompute_start(actor=me(request))
    messages.success(request, _("已开始计算预警等级。"))
    return redirect("workbench:job", pk=job.pk)


def _filters(request: HttpRequest) -> dict[str, Any]:
    status = request.GET.get("status", WarningStatus.OPEN)
    return {"under": under_org(request), "status": status, "level": request.GET.get("level", "")}


@staff_view
def warnings(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    rows = list(selectors.warnings_for(me(request), **filters)[:LIST_LIMIT])
    return render(
        request,
        "earlywarning/warnings.html",
        {**filters, "rows": rows, "statuses": WarningStatus, "levels": WarningLevel},
    )


@staff_view
def warning_map(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    qs = selectors.warnings_for(me(request), **filters).select_related("enterprise__region", "org__region")
    rows = list(qs[:MAP_LIMIT])
    context = {
        **filters,
        "rows": rows,
        "truncated": len(rows) >= MAP_LIMIT,
        "map_config": map_config(),
        "points": warning_points(rows),
        "statuses": WarningStatus,
    }
    return render(request, "earlywarning/map.html", context)


@staff_view
def warning_detail(request: HttpRequest, pk: int) -> HttpResponse:
    warning = selectors.warning_get_for(me(request), pk)
    case_read(me(request), warning, warning.org, request)
    level = selectors.level_of(warning.enterprise_id)
    values = level.values if level else {}
    context = {
        "warning": warning,
        "level": level,
        "values": shown_values(values),
        "actions": list(warning.actions.select_related("by")),
        "open": warning.status == WarningStatus.OPEN,
        "action_form": ActionForm(),
        "assign_form": AssignForm(
            cadres=selectors.rights_cadres_for(warning.org), initial={"assignee": warning.assignee_id}
        ),
        "close_form": CloseForm(),
    }
    return render(request, "earlywarning/warning.html", context)


@staff_view
@require_POST
def warning_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    warning = selectors.warning_get_for(me(request), pk)
    if action == "assign":
        form: Any = AssignForm(request.POST, cadres=selectors.rights_cadres_for(warning.org))

        def assign(d: dict[str, Any]) -> str:
            handling.warning_assign(actor=me(request), warning=warning, assignee=d["assignee"])
            return _("已指派承办人。")

        form_action(request, form, assign)
    elif action == "act":

        def act(d: dict[str, Any]) -> str:
            handling.warning_act(actor=me(request), warning=warning, on=d["on"], note=d["note"])
            return _("已记录处置情况。")

        form_action(request, ActionForm(request.POST), act)
    elif action == "close":

        def close(d: dict[str, Any]) -> str:
            handling.warning_close(actor=me(request), warning=warning, note=d["note"])
            return _("预警已关闭。")

        form_action(request, CloseForm(request.POST), close)
    else:
        raise Http404
    return redirect(reverse("earlywarning:warning", args=[pk]) + "#actions")

"""The 大屏: a full-screen page for a federation's hall (dark, large type, no personal data), and the fragment
its htmx polls every minute for today's live counters. A union outside the user's scope is a 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gonghui.common.access import staff_view
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import org_pick_for, org_roots_for
from gonghui.reports.screen import key_figures, live_counters, map_data

POLL_SECONDS = 60
RELOAD_SECONDS = 15 * 60  # the figures and the map: the refresh job stores new sheets about this often


def _union(request: HttpRequest) -> OrgNode | None:
    under = request.GET.get("under", "").strip()
    if under:
        return org_pick_for(request.user, under)
    roots = org_roots_for(request.user)
    return roots[0] if roots else None


@staff_view
def screen(request: HttpRequest) -> HttpResponse:
    org = _union(request)
    context: dict[str, Any] = {"org": org, "poll": POLL_SECONDS, "reload": RELOAD_SECONDS}
    if org is not None:
        sheet, figures = key_figures(request.user, org)
        data, legend = map_data(request.user, org)
        context.update(
            sheet=sheet,
            figures=figures,
            map=data,
            legend=legend,
            counters=live_counters(request.user, org),
            now=timezone.localtime(),
        )
    return render(request, "reports/screen.html", context)


@staff_view
def screen_live(request: HttpRequest) -> HttpResponse:
    org = _union(request)
    counters = live_counters(request.user, org) if org is not None else []
    context = {"org": org, "counters": counters, "now": timezone.localtime(), "poll": POLL_SECONDS}
    return render(request, "reports/screen_live.html", context)

"""Workbench pages of reports: the figures page, each figure linked to the list it counts."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gonghui.common.access import staff_view
from gonghui.orgs.selectors import org_pick_for, org_roots_for
from gonghui.reports.forms import FiguresForm
from gonghui.reports.selectors import figures_for


@staff_view
def figures(request: HttpRequest) -> HttpResponse:
    form = FiguresForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    roots = org_roots_for(request.user)
    org = org_pick_for(request.user, d["under"]) if d.get("under") else (roots[0] if roots else None)
    year = d.get("year") or timezone.localdate().year
    groups = figures_for(request.user, org, year) if org is not None else []
    return render(request, "reports/figures.html", {"form": form, "org": org, "year": year, "groups": groups})

"""Worker-facing mobile pages. Public by design: they show only what a union posts on its QR poster."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gonghui.common.access import public_view
from gonghui.orgs.models import OrgNode


@public_view
def home(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip().lower()
    if code and OrgNode.objects.filter(code=code, is_active=True).exists():
        return redirect("h5:union", code=code)
    return render(request, "h5/home.html", {"code": code, "not_found": bool(code)})


@public_view
def union_card(request: HttpRequest, code: str) -> HttpResponse:
    # Only poster fields (name, kind, region, address): no staff, members or counts.
    union: OrgNode = get_object_or_404(
        OrgNode.objects.only("code", "name", "kind", "address", "region__name", "is_active").select_related("region"),
        code=code,
        is_active=True,
    )
    return render(request, "h5/union.html", {"union": union})

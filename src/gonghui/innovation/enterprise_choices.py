"""The enterprise choices of a form that follows the union chosen on it (proposals, studios, nominations)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.selectors import enterprises_for, org_pick_for


def enterprises_in(request: HttpRequest, org: OrgNode | None) -> Any:
    return enterprises_for(request.user, union=org) if org is not None else Enterprise.objects.none()


def org_from_form(request: HttpRequest) -> OrgNode | None:
    """The union the form's picker names so far (code or full name), if the user may see it; else None."""
    text = (request.POST.get("org") or request.GET.get("org") or "").strip()
    if not text:
        return None
    try:
        return org_pick_for(request.user, text)
    except (Http404, PermissionDenied):
        return None

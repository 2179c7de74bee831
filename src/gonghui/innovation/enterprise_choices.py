"""The enterprise choices of a form that follows the union chosen on it (proposals, studios, nominations)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.scope import scope_for
from gonghui.orgs.selectors import enterprises_for


def enterprises_in(request: HttpRequest, org: OrgNode | None) -> Any:
    return enterprises_for(request.user, union=org) if org is not None else Enterprise.objects.none()


def org_from_form(request: HttpRequest) -> OrgNode | None:
    code = (request.POST.get("org") or request.GET.get("org") or "").strip().lower()
    org = OrgNode.objects.filter(code=code).first() if code else None
    return org if org is not None and scope_for(request.user).contains(org) else None


# 合理化建议 ------------------------------------------------------------------------------------------

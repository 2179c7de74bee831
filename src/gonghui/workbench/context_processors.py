"""The workbench's navigation, for every template that draws it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from gonghui.common.navigation import nav_items
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.second_factor import needs_second_factor


def workbench(request: HttpRequest) -> dict[str, Any]:
    """Navigation for the signed-in staff user, filtered by what their roles allow.

    Lazy: only the workbench's base template reads it, so the worker's phone pages never pay for the
    role lookups; a worker account gets none at all.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(user, "is_staff_account", False):
        return {}
    if _owes_a_step(user):  # every link would bounce back to the step (second factor, own password)
        return {}
    return {"nav_groups": SimpleLazyObject(lambda: _groups(request))}


def _owes_a_step(user: Any) -> bool:
    if getattr(user, "password_change_required", False):
        return True
    return needs_second_factor(user) and not getattr(user, "is_verified", lambda: True)()


def _groups(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in nav_items():  # what each module registered when its app was ready
        if item.perm is not None and scope_for(request.user, Perm(item.perm)).is_empty:
            continue
        url = reverse(item.url_name)
        groups.setdefault(str(item.module), []).append({"label": item.label, "url": url, "active": request.path == url})
    return groups

"""Workbench forms that name a union by its code: look it up in the user's scope, then act in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest

from gonghui.common.form_errors import apply_validation_error
from gonghui.orgs import selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm

T = TypeVar("T")


def act_in_org(
    request: HttpRequest, form: Form, field: str, perm: Perm, action: Callable[[OrgNode], T], *, refused: str
) -> T | None:
    """For a posted, valid `form` whose `field` holds a union code: run `action(union)`, return its result.

    The union is looked up in the user's scope with `perm`. Not found there, or refused by the service
    (404/403), the form gets `refused` on `field`; a service's ValidationError goes onto the form.
    None when nothing was posted, the form is invalid, or it now shows the errors.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        org = selectors.org_get_for(request.user, form.cleaned_data[field].strip().lower(), perm)
        return action(org)
    except ValidationError as exc:
        apply_validation_error(form, exc)
    except (Http404, PermissionDenied):
        form.add_error(field, refused)
    return None


def under_org(request: HttpRequest) -> OrgNode | None:
    """The ?under= union a drill-down narrows to, in the user's scope (404 outside it); None without one."""
    code = request.GET.get("under", "").strip().lower()
    return selectors.org_get_for(request.user, code) if code else None

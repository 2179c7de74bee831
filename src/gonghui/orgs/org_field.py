"""Workbench forms that name a union: the searchable picker, and acting in the union it names.

The picker is a text box whose suggestions (name, pinyin, initials or code; only unions in the user's scope
with the right permission) come from `orgs:pick` as a <datalist>; choosing one fills in "名称（code）", and a
union's code or exact full name typed by hand works too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_errors import apply_validation_error
from gonghui.orgs import selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm

T = TypeVar("T")


class OrgPicker(forms.TextInput):
    template_name = "orgs/widgets/org_picker.html"

    def __init__(self, perm: Perm = Perm.VIEW, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"autocomplete": "off", "placeholder": _("工会名称、拼音或编码"), "aria-label": _("工会组织")}
        super().__init__({**defaults, **(attrs or {})})
        self.perm = perm

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-options"
        widget["options_url"] = f"{reverse('orgs:pick')}?{urlencode({'field': name, 'perm': self.perm.value})}"
        return context


class OrgPickerField(forms.CharField):
    """A union chosen by name, pinyin or code; the view resolves it with `act_in_org` or `org_from_form`."""

    def __init__(self, *, perm: Perm = Perm.VIEW, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("help_text", _("输入名称、拼音首字母或编码，从提示中选择"))
        super().__init__(widget=OrgPicker(perm), **kwargs)


def org_from_form(request: HttpRequest, text: str, perm: Perm = Perm.VIEW) -> OrgNode:
    """The union a picker field names, in the user's scope (404 outside it, 403 without `perm`)."""
    return selectors.org_pick_for(request.user, text, perm)


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
        org = selectors.org_pick_for(request.user, form.cleaned_data[field], perm)
        return action(org)
    except ValidationError as exc:
        apply_validation_error(form, exc)
    except (Http404, PermissionDenied):
        form.add_error(field, refused)
    return None


def under_org(request: HttpRequest) -> OrgNode | None:
    """The ?under= union a list narrows to (a figure's drill-down), in the user's scope; None without one.

    A union the user cannot see, or a typo, is refused (404, with a message saying so on the error page):
    a list asked for one union's records never answers with the whole scope's.
    """
    text = request.GET.get("under", "").strip()
    if not text:
        return None
    try:
        return selectors.org_pick_for(request.user, text)
    except Http404:
        messages.error(request, _("找不到“%(text)s”，或它不在您的管理范围内。") % {"text": text[:50]})
        raise


def org_named(request: HttpRequest, text: str, field: str, perm: Perm = Perm.VIEW) -> OrgNode | None:
    """The union an optional picker field names, in the user's scope (None when the field is empty); a
    ValidationError on `field` when there is no such union there."""
    if not text:
        return None
    try:
        return selectors.org_pick_for(request.user, text, perm)
    except Http404 as exc:
        raise ValidationError({field: _("找不到该工会，或它不在您的管理范围内。")}) from exc

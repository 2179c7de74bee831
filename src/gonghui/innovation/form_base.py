"""What the 建功立业 forms share: the union field and narrowing a choice to a queryset."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import Enterprise
from gonghui.orgs.org_field import OrgPickerField


def limit_choices(form: forms.Form, name: str, queryset: Any) -> None:
    """Offer only `queryset` (e.g. the union's own enterprises) in a model choice field."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - a programming error, not input
    field.queryset = queryset if queryset is not None else Enterprise.objects.none()


class OrgCodeMixin(forms.Form):
    org = OrgPickerField(label=_("工会组织"))

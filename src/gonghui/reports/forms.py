from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.org_field import OrgPickerField


class FiguresForm(forms.Form):
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, required=False)

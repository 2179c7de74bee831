"""Forms of the work report pages: which union and period to write, a paragraph's own text, generating again."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.reports.periods import period_key, period_parse
from gonghui.reports.workreport.services import MAX_TEXT


class GenerateForm(forms.Form):
    org = OrgPickerField(label=_("工会组织"), perm=Perm.ORG_EDIT)
    period = forms.CharField(
        label=_("统计期间"),
        max_length=16,
        help_text=_("如 2026（年度）、2026Q3（季度）、2026-07（月份）、2026-ytd（本年截至今天）"),
    )

    def clean_period(self) -> str:
        try:
            return period_key(period_parse(self.cleaned_data["period"]))
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc


class RegenerateForm(forms.Form):
    discard_edits = forms.BooleanField(label=_("放弃已修改的文字，全部按最新数字重写"), required=False)


class ParagraphForm(forms.Form):
    text = forms.CharField(label=_("段落文字"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 10}))

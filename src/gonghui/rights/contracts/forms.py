"""Workbench forms of 集体协商 and 集体合同."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.rights.contracts.choices import ContractLevel, ContractStage, DocumentKind, Kind, Party
from gonghui.rights.contracts.selectors import EXPIRING_DAYS
from gonghui.rights.contracts.services import Terms


class FilterForm(forms.Form):
    q = forms.CharField(
        required=False, max_length=50, widget=forms.TextInput(attrs={"placeholder": _("合同或企业名称")})
    )
    kind = forms.ChoiceField(required=False, choices=[("", _("全部类别")), *Kind.choices])
    level = forms.ChoiceField(required=False, choices=[("", _("全部层级")), *ContractLevel.choices])
    stage = forms.ChoiceField(required=False, choices=[("", _("全部进度")), *ContractStage.choices])
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("有效年度")})
    )
    soon = forms.BooleanField(required=False, label=_("90天内到期"))
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class ExpiringForm(forms.Form):
    """The expiring list's window: contracts ending within `days` days (the figures count 90, the dashboard's
    alert 60)."""

    days = forms.IntegerField(label=_("天数"), required=False, min_value=1, max_value=366)

    def days_or_default(self) -> int:
        return self.cleaned_data.get("days") or EXPIRING_DAYS


class TermsForm(forms.Form):
    starts_on = forms.DateField(label=_("期限起"), widget=DateInput())
    ends_on = forms.DateField(label=_("期限止"), widget=DateInput())
    wage_growth = forms.DecimalField(label=_("工资增长（%）"), required=False, max_digits=5, decimal_places=2)
    min_wage = forms.DecimalField(label=_("企业最低工资（元/月）"), required=False, max_digits=9, decimal_places=2)
    weekly_hours = forms.DecimalField(label=_("每周工时（小时）"), required=False, max_digits=4, decimal_places=1)

    def terms(self) -> Terms:
        d = self.cleaned_data
        return Terms(
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            wage_growth=d.get("wage_growth"),
            min_wage=d.get("min_wage"),
            weekly_hours=d.get("weekly_hours"),
        )


def codes(text: str) -> list[str]:
    return [c for c in text.replace("，", "\n").replace(",", "\n").split() if c]


class ContractForm(TermsForm):
    level = forms.ChoiceField(label=_("层级"), choices=ContractLevel.choices)
    kind = forms.ChoiceField(label=_("类别"), choices=Kind.choices)
    title = forms.CharField(label=_("合同名称"), max_length=100)
    org = OrgPickerField(
        label=_("协商工会"), perm=Perm.ORG_EDIT, help_text=_("企业合同为企业工会；区域性、行业性合同为牵头的工会")
    )
    enterprises = forms.CharField(
        label=_("企业统一社会信用代码"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("企业合同填本企业；区域性、行业性合同每行一家"),
    )
    offered_by = forms.ChoiceField(label=_("要约方"), choices=Party.choices)
    offered_on = forms.DateField(label=_("要约日期"), widget=DateInput())
    field_order = ["level", "kind", "title", "org", "enterprises", "offered_by", "offered_on"]


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("会议日期"), widget=DateInput())
    summary = forms.CharField(label=_("会议纪要"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    minutes = forms.FileField(label=_("纪要附件（PDF或照片）"), required=False)


class DeliberateForm(forms.Form):
    session = forms.TypedChoiceField(label=_("职代会会议"), coerce=int)

    def __init__(self, *args: Any, sessions: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["session"]
        field.choices = [(s.pk, f"{s}（{s.held_on:%Y-%m-%d}）") for s in sessions or []]


class DateForm(forms.Form):
    on = forms.DateField(label=_("日期"), widget=DateInput())


class CoverageForm(forms.Form):
    enterprises = forms.CharField(
        label=_("覆盖企业的统一社会信用代码"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("每行一家")
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("材料"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("文件（PDF或照片）"))

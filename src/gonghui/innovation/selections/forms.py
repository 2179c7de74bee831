"""Forms of selection rounds and nominations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput
from gonghui.innovation.choices import (
    HonorLevel,
    NomineeKind,
    RoundKind,
)
from gonghui.innovation.form_base import OrgCodeMixin, limit_choices
from gonghui.innovation.models import HonorTitle
from gonghui.innovation.selections.selectors import HonorFilters
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class RoundForm(OrgCodeMixin):
    kind = forms.ChoiceField(label=_("类型"), choices=RoundKind.choices)
    title = forms.ModelChoiceField(label=_("荣誉称号"), queryset=HonorTitle.objects.all(), required=False)
    name = forms.CharField(label=_("名称"), max_length=100)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    quota = forms.IntegerField(label=_("名额"), min_value=1, required=False, help_text=_("全员创新企业默认 10 家"))
    notice_days = forms.IntegerField(label=_("公示天数"), min_value=1, max_value=30, initial=7)


class NominationForm(forms.Form):
    nominated_by = OrgPickerField(label=_("推荐单位"), perm=Perm.ORG_EDIT)
    kind = forms.ChoiceField(label=_("对象类型"), choices=NomineeKind.choices)
    id_number = forms.CharField(label=_("个人：身份证号码"), max_length=30, required=False)
    team_name = forms.CharField(label=_("集体：名称"), max_length=100, required=False)
    enterprise = forms.ModelChoiceField(label=_("单位"), queryset=Enterprise.objects.none(), required=False)
    is_front_line = forms.BooleanField(label=_("一线职工"), required=False)
    deeds = forms.CharField(
        label=_("主要事迹"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    scores = forms.JSONField(label=_("指标得分"), required=False, help_text=_('如 {"system": 25, "results": 60}'))

    def __init__(self, *args: Any, enterprises: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "enterprise", enterprises)


class HonorFilterForm(SpanForm):
    """The honor list's filters (the honor figures' drill-down): `start`/`end` bound the day an honor was
    conferred (授予), as the figures count a period; the view reads `under`. The flags come from the links."""

    start = forms.DateField(label=_("授予日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("授予日期到"), required=False, widget=DateInput())
    level = forms.ChoiceField(label=_("级别"), required=False, choices=[("", _("全部级别")), *HonorLevel.choices])
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部类型")), *RoundKind.choices])
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100, widget=forms.HiddenInput)
    nominee = forms.ChoiceField(required=False, choices=[("", ""), *NomineeKind.choices], widget=forms.HiddenInput)
    # "1" as the links write them: front-line people, model workers, `under` being the selection's host
    front_line = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)
    model_worker = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)
    hosted = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)

    def filters(self, under: OrgNode | None) -> HonorFilters:
        d = self.cleaned_data
        start, end = self.span()
        return HonorFilters(
            under=under,
            hosted=flag(d["hosted"]),
            year=d["year"],
            start=start,
            end=end,
            level=d["level"],
            kind=d["kind"],
            nominee=d["nominee"],
            front_line=flag(d["front_line"]),
            model_worker=flag(d["model_worker"]),
        )

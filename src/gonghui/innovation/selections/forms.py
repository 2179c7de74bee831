"""Forms of selection rounds and nominations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.innovation.choices import (
    NomineeKind,
    RoundKind,
)
from gonghui.innovation.form_base import OrgCodeMixin, limit_choices
from gonghui.innovation.models import HonorTitle
from gonghui.orgs.models import Enterprise
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

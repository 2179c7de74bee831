"""Forms of the campaigns pages."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import Category
from gonghui.campaigns.choices import CampaignKind, TargetGroup
from gonghui.common.widgets import DateInput
from gonghui.members.choices import EmploymentForm


class CampaignForm(forms.Form):
    org = forms.CharField(label=_("主办工会代码"), max_length=32)
    name = forms.CharField(label=_("活动名称"), max_length=100)
    kind = forms.ChoiceField(label=_("类型"), choices=CampaignKind.choices)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())
    budget = forms.DecimalField(label=_("预算（元）"), min_value=Decimal(0), max_digits=14, decimal_places=2)
    target_group = forms.ChoiceField(label=_("对象"), choices=[("", "—"), *TargetGroup.choices], required=False)
    reported_total = forms.DecimalField(
        label=_("上报金额（元）"), required=False, min_value=Decimal(0), max_digits=14, decimal_places=2
    )
    description = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RuleForm(forms.Form):
    group = forms.ChoiceField(label=_("慰问对象条件"), choices=TargetGroup.choices)
    category = forms.ChoiceField(label=_("困难类别"), choices=[("", _("全部类别")), *Category.choices], required=False)
    employment_form = forms.ChoiceField(
        label=_("用工形式"), choices=[("", _("全部")), *EmploymentForm.choices], required=False
    )

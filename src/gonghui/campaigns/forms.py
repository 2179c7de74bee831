"""Forms of the campaigns pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import Category, PayoutKind
from gonghui.campaigns.choices import CampaignKind, TargetGroup
from gonghui.common.widgets import DateInput
from gonghui.members.choices import EmploymentForm
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class CampaignForm(forms.Form):
    org = OrgPickerField(label=_("主办工会"), perm=Perm.ASSISTANCE)
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in PayoutKind.choices:  # 发放标准, one optional amount per kind
            self.fields[f"standard_{kind}"] = forms.DecimalField(
                label=_("%(kind)s标准（元/人次）") % {"kind": label},
                required=False,
                min_value=Decimal("0.01"),
                max_digits=12,
                decimal_places=2,
                help_text=_("超过标准的发放须填写理由，由主办工会财务审核；不设标准请留空"),
            )

    def service_fields(self) -> dict[str, Any]:
        d = {k: v for k, v in self.cleaned_data.items() if k != "org" and not k.startswith("standard_")}
        d["standards"] = {kind: self.cleaned_data[f"standard_{kind}"] for kind in PayoutKind.values}
        return d


class RuleForm(forms.Form):
    group = forms.ChoiceField(label=_("慰问对象条件"), choices=TargetGroup.choices)
    category = forms.ChoiceField(label=_("困难类别"), choices=[("", _("全部类别")), *Category.choices], required=False)
    employment_form = forms.ChoiceField(
        label=_("用工形式"), choices=[("", _("全部")), *EmploymentForm.choices], required=False
    )


class JobFairForm(forms.Form):
    held_on = forms.DateField(label=_("举办日期"), widget=DateInput())
    place = forms.CharField(label=_("地点"), max_length=200)
    employers = forms.IntegerField(label=_("参会企业数"), min_value=0, initial=0)
    jobs_offered = forms.IntegerField(label=_("提供岗位数"), min_value=0, initial=0)
    visitors = forms.IntegerField(label=_("入场人数"), min_value=0, initial=0)
    offers_made = forms.IntegerField(label=_("达成意向数"), min_value=0, initial=0)


class HandPickForm(forms.Form):
    id_numbers = forms.CharField(
        label=_("身份证号码"),
        max_length=4000,  # some 200 lines; a longer list goes by the import file
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一个；须是本活动范围内的会员"),
    )


class CampaignFilterForm(SpanForm):
    """The campaign list's filters (the 四季送 figures' and the over-budget alert's drill-down): `start`/`end`
    find the campaigns running on some day between them (with `fairs`, those that held a job fair between them);
    the view reads `under`."""

    start = forms.DateField(label=_("活动期间从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("活动期间到"), required=False, widget=DateInput())
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部类型")), *CampaignKind.choices])
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100)
    over_budget = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)  # "1": spent beyond
    fairs = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)  # "1": held a job fair

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if flag((self.data or {}).get("fairs")):  # the bounds are the job fairs' days
            self.fields["start"].label = _("招聘会举办日期从")
            self.fields["end"].label = _("招聘会举办日期到")

    def filters(self) -> dict[str, Any]:
        """campaigns_for's keywords (the form is valid)."""
        d = self.cleaned_data
        start, end = self.span()
        return {
            "kind": d["kind"],
            "year": d["year"],
            "start": start,
            "end": end,
            "over_budget": flag(d["over_budget"]),
            "fairs": flag(d["fairs"]),
        }

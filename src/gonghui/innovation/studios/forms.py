"""Forms of innovation studios and their star rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.innovation.choices import (
    AchievementKind,
    StudioKind,
    StudioLevel,
)
from gonghui.innovation.form_base import OrgCodeMixin
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class StarRuleForm(forms.Form):
    """Points per unit of each kind of achievement, the caps, the assessment's weight, the star thresholds."""

    org = OrgPickerField(label=_("制定单位"), perm=Perm.REVIEW)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    assessment_weight = forms.DecimalField(
        label=_("评审评价权重"), min_value=0, max_value=1, decimal_places=2, initial="0.30"
    )
    thresholds = forms.CharField(label=_("一至五星最低分"), initial="50, 60, 70, 80, 90")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in AchievementKind.choices:
            self.fields[f"points_{kind}"] = forms.DecimalField(
                label=_("%(kind)s每项得分") % {"kind": label}, min_value=0, required=False
            )
            self.fields[f"cap_{kind}"] = forms.DecimalField(
                label=_("%(kind)s得分上限") % {"kind": label}, min_value=0, required=False
            )

    def rule(self) -> dict[str, Any]:
        d = self.cleaned_data
        points = {k: str(d[f"points_{k}"]) for k in AchievementKind.values if d.get(f"points_{k}") is not None}
        caps = {k: str(d[f"cap_{k}"]) for k in AchievementKind.values if d.get(f"cap_{k}") is not None}
        thresholds = [t.strip() for t in d["thresholds"].replace("，", ",").split(",") if t.strip()]
        return {"points": points, "caps": caps, "thresholds": thresholds, "assessment_weight": d["assessment_weight"]}


class StudioForm(OrgCodeMixin):
    name = forms.CharField(label=_("工作室名称"), max_length=100)
    kind = forms.ChoiceField(label=_("类型"), choices=StudioKind.choices)
    level = forms.ChoiceField(label=_("命名级别"), choices=StudioLevel.choices)
    leader_id_number = forms.CharField(
        label=_("领衔人身份证号码"), max_length=30, help_text=_("领衔人须已在会员名册中")
    )
    leader_title = forms.CharField(label=_("领衔人荣誉"), max_length=100, required=False)
    field = forms.CharField(label=_("专业领域"), max_length=100)
    named_on = forms.DateField(label=_("命名日期"), required=False, widget=DateInput())


class AchievementForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=AchievementKind.choices)
    title = forms.CharField(label=_("成果"), max_length=200)
    achieved_on = forms.DateField(label=_("取得日期"), widget=DateInput())
    quantity = forms.IntegerField(label=_("数量"), min_value=1, initial=1)
    value_yuan = yuan(_("创效（元）"), required=False)
    evidence = forms.CharField(label=_("证明材料"), max_length=200, required=False)


class RateForm(forms.Form):
    year = forms.IntegerField(label=_("评定年度"), min_value=2000, max_value=2100)
    assessment = forms.DecimalField(label=_("评审评价（百分制）"), min_value=0, max_value=100, decimal_places=2)


class StudioFilterForm(SpanForm):
    """The studio list's filters (the studios figures' drill-down, a stock): `end` lists the studios on the roll
    that day (the period's end); without it every studio in scope, dissolved ones too. The view reads `under`."""

    start = None  # type: ignore[assignment]  # a stock stands on a day: no start (Django drops the field)
    end = forms.DateField(label=_("截至日期"), required=False, widget=DateInput())
    stars = forms.TypedChoiceField(
        label=_("星级"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("全部星级")), *((n, _("%(n)d星") % {"n": n}) for n in range(5, 0, -1)), (0, _("未评星级"))],
    )

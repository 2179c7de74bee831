"""Forms of the 劳模工匠助企行 desk (workbench and the enterprise portal)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.experts.choices import ExpertKind, NeedCategory, NeedStatus, Urgency
from gonghui.experts.services import NeedText
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.models import Enterprise, Industry
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class ExpertForm(forms.Form):
    org = OrgPickerField(label=_("专家库所属工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("姓名"), max_length=50)
    id_number = forms.CharField(
        label=_("身份证号码"),
        max_length=30,
        help_text=_("本级及下级工会的会员直接加入；其他人将收到邀请，本人在手机“我的”中接受后加入"),
    )
    kind = forms.ChoiceField(label=_("类型"), choices=ExpertKind.choices)
    honor = forms.CharField(label=_("荣誉称号"), max_length=100, required=False)
    specialties = forms.CharField(
        label=_("专长"), max_length=400, help_text=_("用逗号或顿号分隔，如：电气自动化、PLC、流量计")
    )
    bio = forms.CharField(label=_("简介"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    industry = forms.ChoiceField(label=_("擅长行业"), choices=[("", "—"), *Industry.choices], required=False)
    region_code = forms.CharField(label=_("所在地区代码"), max_length=6, help_text=_("6 位行政区划代码，如 320923"))
    max_load = forms.IntegerField(label=_("同时服务上限"), min_value=1, max_value=20, initial=3)
    available = forms.BooleanField(label=_("可接受派单"), required=False, initial=True)
    is_front_line = forms.BooleanField(label=_("一线职工"), required=False, initial=True)

    def tags(self) -> list[str]:
        text = self.cleaned_data["specialties"]
        for separator in "、，;；":
            text = text.replace(separator, ",")
        return [t.strip() for t in text.split(",") if t.strip()]


class NeedForm(forms.Form):
    category = forms.ChoiceField(label=_("需求类别"), choices=NeedCategory.choices)
    title = forms.CharField(label=_("需求名称"), max_length=100)
    problem = forms.CharField(label=_("问题描述"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    equipment = forms.CharField(label=_("涉及设备"), max_length=200, required=False)
    urgency = forms.ChoiceField(label=_("紧急程度"), choices=Urgency.choices, initial=Urgency.NORMAL)
    contact_name = forms.CharField(label=_("联系人"), max_length=50)
    contact_phone = forms.CharField(
        label=_("联系电话"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )

    def need_text(self) -> NeedText:
        d = self.cleaned_data
        return NeedText(
            **{
                k: d[k]
                for k in ("category", "title", "problem", "equipment", "urgency", "contact_name", "contact_phone")
            }
        )


class CadreNeedForm(NeedForm):
    org = OrgPickerField(label=_("受理工会"), perm=Perm.ORG_EDIT)
    enterprise_uscc = forms.CharField(label=_("企业统一社会信用代码"), max_length=18)


class PortalNeedForm(NeedForm):
    """The enterprise's own need: its contact proved the phone the union keeps on record for it."""

    enterprise = forms.ModelChoiceField(label=_("企业"), queryset=Enterprise.objects.none(), empty_label=None)

    field_order = ["enterprise"]

    def __init__(self, *args: Any, enterprises: QuerySet[Enterprise], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises  # type: ignore[attr-defined]


class ConfirmForm(forms.Form):
    need = forms.IntegerField(widget=forms.HiddenInput)
    resolved = forms.TypedChoiceField(
        label=_("问题是否解决"), choices=[("1", _("已解决")), ("0", _("尚未解决"))], coerce=lambda v: v == "1"
    )
    rating = forms.TypedChoiceField(
        label=_("服务评价"),
        choices=[("", "—"), *[(str(n), "★" * n) for n in range(5, 0, -1)]],
        coerce=int,
        required=False,
        empty_value=None,
    )
    comment = forms.CharField(label=_("意见"), max_length=500, required=False)


class RecordedConfirmForm(forms.Form):
    """A cadre takes down the enterprise's confirmation (a return call, a signed form)."""

    resolved = forms.TypedChoiceField(
        label=_("企业意见"), choices=[("1", _("已解决")), ("0", _("尚未解决"))], coerce=lambda v: v == "1"
    )
    rating = forms.TypedChoiceField(
        label=_("企业评价"),
        choices=[("", "—"), *[(str(n), "★" * n) for n in range(5, 0, -1)]],
        coerce=int,
        required=False,
        empty_value=None,
    )
    comment = forms.CharField(label=_("企业原话"), max_length=500, required=False)
    evidence = forms.CharField(
        label=_("确认依据"), max_length=500, help_text=_("如：11月30日电话回访企业联系人王经理，确认已解决")
    )


class RecordForm(forms.Form):
    served_on = forms.DateField(label=_("服务日期"), widget=DateInput())
    hours = forms.DecimalField(label=_("服务时长（小时）"), min_value=0, max_digits=5, decimal_places=1)
    diagnosis = forms.CharField(label=_("诊断"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    solution = forms.CharField(label=_("解决方案"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    workers_trained = forms.IntegerField(label=_("培训职工人数"), min_value=0, initial=0)
    benefit_yuan = yuan(_("预计经济效益（元）"), required=False)
    benefit_evidence = forms.CharField(label=_("效益依据"), max_length=300, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=500)


class NeedFilterForm(SpanForm):
    """The need list's filters (the 助企行 figures' drill-down): `start`/`end` bound the day a need was posted,
    or the day it was closed, or (`end` only) the day it was still open on, as `dated` says; the view reads
    `under`."""

    start = forms.DateField(label=_("提交日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("提交日期到"), required=False, widget=DateInput())
    # Which day start/end bound (the figures' drill-downs of needs solved in a period, open at its end), hidden.
    dated = forms.ChoiceField(
        required=False,
        choices=[("posted", _("提交日期")), ("closed", _("办结日期")), ("open", _("未办结截至"))],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dated = self.data.get("dated")
        if dated == "open":  # a stock on a day: the end is that day, there is no start
            self.fields["end"].label = _("未办结截至")
        elif dated == "closed":
            self.fields["start"].label, self.fields["end"].label = _("办结日期从"), _("办结日期到")

    q = forms.CharField(
        label=_("搜索"), required=False, widget=forms.TextInput(attrs={"placeholder": _("需求或企业名称")})
    )
    status = forms.ChoiceField(
        label=_("状态"), choices=[("", _("全部状态")), ("open_any", _("办理中")), *NeedStatus.choices], required=False
    )
    overdue = forms.BooleanField(label=_("只看逾期"), required=False)
    year = forms.IntegerField(required=False, widget=forms.HiddenInput)
    under = OrgPickerField(label=_("工会组织"), required=False, help_text="")

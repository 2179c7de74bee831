"""Forms of 欠薪治理 (workbench and the worker's phone)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.rights.arrears.choices import ArrearsStage, ReportSource, Route

DATE = forms.DateInput(attrs={"type": "date"})


class ReportFilterForm(SpanForm):
    """The report list's filters (the 欠薪治理 figures' drill-down): `start`/`end` bound the day a report was
    received (受理日期), as the figures count a period; `accepted` ("1", from the links) keeps the reports
    accepted (neither waiting nor refused), as they count them."""

    start = forms.DateField(label=_("受理日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("受理日期到"), required=False, widget=DateInput())
    accepted = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)
    q = forms.CharField(required=False, max_length=50, widget=forms.TextInput(attrs={"placeholder": _("用人单位")}))
    stage = forms.ChoiceField(required=False, choices=[("", _("全部环节")), *ArrearsStage.choices])
    route = forms.ChoiceField(required=False, choices=[("", _("全部去向")), *Route.choices])
    source = forms.ChoiceField(required=False, choices=[("", _("全部来源")), *ReportSource.choices])
    overdue = forms.BooleanField(required=False, label=_("超期未办结"))
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    drive = forms.IntegerField(required=False, widget=forms.HiddenInput)
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class ReportForm(forms.Form):
    org = OrgPickerField(label=_("受理工会"), perm=Perm.RIGHTS)
    enterprise = forms.CharField(label=_("用人单位统一社会信用代码"), max_length=30)
    source = forms.ChoiceField(
        label=_("来源"), choices=[c for c in ReportSource.choices if c[0] != ReportSource.WORKER]
    )
    amount_owed = yuan(_("欠薪金额（元）"))
    workers_affected = forms.IntegerField(label=_("涉及职工（人）"), min_value=1, max_value=100000, initial=1)
    months = forms.CharField(label=_("欠薪期间"), max_length=100, required=False)
    received_on = forms.DateField(label=_("受理日期"), required=False, widget=DATE)
    deadline = forms.DateField(label=_("处置期限"), required=False, widget=DATE)
    summary = forms.CharField(label=_("欠薪情况"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class AcceptForm(forms.Form):
    enterprise = forms.CharField(label=_("用人单位统一社会信用代码"), max_length=30)
    deadline = forms.DateField(label=_("处置期限"), required=False, widget=DATE)
    note = forms.CharField(label=_("说明"), max_length=500, required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("不予受理的原因"), max_length=500)


class DivertForm(forms.Form):
    route = forms.ChoiceField(label=_("分流去向"), choices=Route.choices)
    note = forms.CharField(label=_("说明"), max_length=500, required=False)
    workers = forms.CharField(
        label=_("其他职工当事人（转调解时）"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("每行一人：姓名 身份证号码；反映人自动列为当事人"),
    )


class HandleForm(forms.Form):
    recovered = yuan(_("已追回（元）"))
    note = forms.CharField(label=_("处置情况"), max_length=500)


class FeedbackForm(forms.Form):
    note = forms.CharField(label=_("反馈职工"), max_length=500)


class VisitForm(forms.Form):
    satisfied = forms.ChoiceField(label=_("职工是否满意"), choices=[("yes", _("满意")), ("no", _("不满意"))])
    note = forms.CharField(label=_("回访情况"), max_length=500, required=False)


class DriveForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.RIGHTS)
    name = forms.CharField(label=_("名称"), max_length=100, initial=_("春节前根治欠薪冬季专项行动"))
    starts_on = forms.DateField(label=_("开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("结束日期"), widget=DATE)
    target_amount = yuan(_("清欠目标（元）"))


class WorkerReportForm(forms.Form):
    """The worker's own report in 我的."""

    enterprise_name = forms.CharField(label=_("用人单位（或平台、站点）名称"), max_length=200)
    amount_owed = yuan(_("被拖欠的工资（元）"))
    months = forms.CharField(label=_("拖欠期间"), max_length=100, required=False, help_text=_("如：2024年11月—12月"))
    workers_affected = forms.IntegerField(
        label=_("一起被拖欠的人数（含本人）"), min_value=1, max_value=100000, initial=1
    )
    summary = forms.CharField(label=_("情况说明"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))

"""Forms of 求学圆梦 (workbench and the worker's phone)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import FundSource
from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.skills.study.choices import DegreeLevel, Eligibility, StudyMode, StudyStatus
from gonghui.skills.study.models import Programme
from gonghui.skills.study.services import ApplicationFields, ProgrammeFields

STATUS_FILTERS = [("", _("全部状态")), *StudyStatus.choices, ("placed", _("已批准（含已毕业）"))]


class ProgrammeForm(forms.Form):
    org = OrgPickerField(label=_("主办工会"), perm=Perm.ORG_EDIT)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    name = forms.CharField(label=_("计划名称"), max_length=100)
    eligibility = forms.ChoiceField(label=_("申请对象"), choices=Eligibility.choices, initial=Eligibility.FRONT_LINE)
    quota = forms.IntegerField(label=_("名额（人）"), min_value=1, max_value=100_000)
    budget = yuan(_("补助预算（元）"))
    opens_on = forms.DateField(label=_("申请开始"), widget=DateInput())
    closes_on = forms.DateField(label=_("申请截止"), widget=DateInput())
    std_secondary = yuan(_("中专/技校补助标准（元/人）"), required=False, help_text=_("留空：不资助该层次"))
    std_junior_college = yuan(_("专科补助标准（元/人）"), required=False)
    std_bachelor = yuan(_("本科补助标准（元/人）"), required=False)
    std_master = yuan(_("研究生补助标准（元/人）"), required=False)
    notes = forms.CharField(label=_("说明"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def programme_fields(self) -> ProgrammeFields:
        d = self.cleaned_data
        standards = {level: d[f"std_{level}"] for level in DegreeLevel.values if d.get(f"std_{level}")}
        return ProgrammeFields(
            year=d["year"],
            name=d["name"],
            eligibility=d["eligibility"],
            quota=d["quota"],
            budget=d["budget"],
            opens_on=d["opens_on"],
            closes_on=d["closes_on"],
            standards=standards,
            notes=d["notes"],
        )


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("姓名或学校")}))
    status = forms.ChoiceField(required=False, choices=STATUS_FILTERS)
    paid = forms.BooleanField(required=False, label=_("已发放补助"))
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    programme = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class ApplicationForm(forms.Form):
    """The worker's application on the phone: the programme, what and where they study, and the letter."""

    programme = forms.TypedChoiceField(label=_("申请计划"), coerce=int)
    job = forms.CharField(label=_("岗位/工种"), max_length=50, help_text=_("如：数控车工、快递分拣员"))
    front_line = forms.BooleanField(label=_("我在生产、服务一线岗位工作（一线职工/产业工人）"), required=False)
    level = forms.ChoiceField(label=_("学历层次"), choices=DegreeLevel.choices)
    mode = forms.ChoiceField(label=_("学习形式"), choices=StudyMode.choices)
    school = forms.CharField(label=_("录取学校"), max_length=100)
    major = forms.CharField(label=_("专业"), max_length=100)
    enrolled_year = forms.IntegerField(label=_("入学年份"), min_value=1990, max_value=2100)
    fees = yuan(_("学费（元）"), help_text=_("录取通知书或缴费单上的学费总额"))
    letter = forms.FileField(label=_("录取通知书"), help_text=_("拍照或PDF，不超过8 MB"))

    def __init__(self, *args: Any, programmes: list[Programme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["programme"])
        field.choices = [(p.pk, f"{p.name}（{p.org.name}）") for p in programmes]
        self.fields["enrolled_year"].initial = timezone.localdate().year

    def application_fields(self) -> ApplicationFields:
        d = self.cleaned_data
        return ApplicationFields(
            job=d["job"],
            level=d["level"],
            mode=d["mode"],
            school=d["school"],
            major=d["major"],
            enrolled_year=d["enrolled_year"],
            fees=d["fees"],
            front_line=d["front_line"],
        )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("批准")), ("reject", _("不批准"))])
    reason = forms.CharField(label=_("原因"), max_length=200, required=False)


class SubsidyForm(forms.Form):
    amount = yuan(_("补助金额（元）"))
    paid_on = forms.DateField(label=_("发放日期"), widget=DateInput())
    fund = forms.ChoiceField(label=_("资金来源"), choices=FundSource.choices, initial=FundSource.UNION_FUNDS)
    reference = forms.CharField(label=_("支付凭证号"), max_length=50, required=False)

    def __init__(self, *args: Any, amount: Decimal | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].initial = amount
        self.fields["paid_on"].initial = timezone.localdate()


class PayoutRejectForm(forms.Form):
    reason = forms.CharField(label=_("退回理由"), max_length=200)


class GraduateForm(forms.Form):
    graduated_on = forms.DateField(label=_("毕业日期"), widget=DateInput())
    certificate_no = forms.CharField(label=_("毕业证书编号"), max_length=50)
    certificate = forms.FileField(label=_("毕业证书（照片或PDF）"), required=False)

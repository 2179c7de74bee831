"""Forms of 法律援助 (workbench, the worker's phone, the lawyer's phone)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.rights.legalaid.choices import CaseOutcome, CaseStatus, CaseStepKind, ConsultationChannel, FollowUp, Topic

DATE = forms.DateInput(attrs={"type": "date"})
ANSWER_FOLLOW_UPS = [(FollowUp.NONE.value, FollowUp.NONE.label), (FollowUp.CALL_BACK.value, FollowUp.CALL_BACK.label)]


def amount(label: Any, *, required: bool = False) -> forms.DecimalField:
    """Yuan with fen; a negative amount is refused by the service in its own words."""
    return forms.DecimalField(label=label, required=required, max_digits=12, decimal_places=2)


class YearUnderForm(forms.Form):
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class CaseFilterForm(YearUnderForm):
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("申请人或单位")}))
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *CaseStatus.choices])
    topic = forms.ChoiceField(required=False, choices=[("", _("全部类型")), *Topic.choices])
    overdue = forms.BooleanField(required=False, label=_("仅看逾期"))


class ConsultationFilterForm(YearUnderForm):
    channel = forms.ChoiceField(required=False, choices=[("", _("全部渠道")), *ConsultationChannel.choices])
    topic = forms.ChoiceField(required=False, choices=[("", _("全部类别")), *Topic.choices])
    follow_up = forms.ChoiceField(required=False, choices=[("", _("全部跟进")), *FollowUp.choices])


class _CaseFieldsForm(forms.Form):
    topic = forms.ChoiceField(label=_("纠纷类型"), choices=Topic.choices)
    summary = forms.CharField(label=_("申请事项"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    claim_amount = amount(_("涉及金额（元）"))
    employer_uscc = forms.CharField(
        label=_("用人单位统一社会信用代码"), required=False, max_length=18, help_text=_("本辖区已登记的单位可填代码")
    )
    employer_name = forms.CharField(label=_("用人单位名称"), required=False, max_length=200)


class CaseNewForm(_CaseFieldsForm):
    org = OrgPickerField(label=_("所属工会（职工所在工会）"), perm=Perm.RIGHTS)
    id_number = forms.CharField(label=_("申请人证件号码"), max_length=30)
    helping = forms.CharField(
        label=_("协办工会（可不填）"), required=False, max_length=100, help_text=_("异地维权服务站等协办单位的工会编码")
    )

    field_order = ["org", "id_number", "helping", "topic", "summary", "claim_amount", "employer_uscc", "employer_name"]


class ToCaseForm(_CaseFieldsForm):
    id_number = forms.CharField(
        label=_("咨询人证件号码"), required=False, max_length=30, help_text=_("咨询时未登记证件号码的须填写")
    )


class ConsultationNewForm(forms.Form):
    org = OrgPickerField(label=_("受理工会"), perm=Perm.RIGHTS)
    channel = forms.ChoiceField(
        label=_("咨询渠道"), choices=[c for c in ConsultationChannel.choices if c[0] != ConsultationChannel.ONLINE]
    )
    station = forms.TypedChoiceField(label=_("服务阵地"), required=False, coerce=int, empty_value=None)
    appointment = forms.IntegerField(label=_("律师预约编号"), required=False, min_value=1)
    id_number = forms.CharField(label=_("咨询人证件号码"), required=False, max_length=30)
    name = forms.CharField(label=_("咨询人姓名"), required=False, max_length=50)
    mobile = forms.CharField(label=_("联系电话"), required=False, max_length=20)
    topic = forms.ChoiceField(label=_("咨询类别"), choices=Topic.choices)
    question = forms.CharField(label=_("咨询问题"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(
        label=_("简要解答"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up = forms.ChoiceField(label=_("后续跟进"), choices=ANSWER_FOLLOW_UPS)
    call_back_on = forms.DateField(label=_("回访日期"), required=False, widget=DATE)

    def __init__(self, *args: Any, stations: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["station"].choices = [("", _("（不在服务阵地）")), *stations]  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("简要解答"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.ChoiceField(label=_("后续跟进"), choices=ANSWER_FOLLOW_UPS)
    call_back_on = forms.DateField(label=_("回访日期"), required=False, widget=DATE)


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("不予援助理由"), required=False, max_length=200)


class AssignForm(forms.Form):
    provider = forms.TypedChoiceField(label=_("工会律师"), required=False, coerce=int, empty_value=None)
    firm = forms.CharField(label=_("或签约律所"), required=False, max_length=100)

    def __init__(self, *args: Any, lawyers: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", "—"), *lawyers]  # type: ignore[attr-defined]


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("代理事项"), choices=CaseStepKind.choices)
    on = forms.DateField(label=_("日期"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("情况记录"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("结案结果"), required=False, choices=[("", "—"), *CaseOutcome.choices])
    recovered = amount(_("挽回金额（元）"))
    outcome_note = forms.CharField(
        label=_("结案情况（职工可见）"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    closed_on = forms.DateField(label=_("结案日期"), required=False, widget=DATE)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("工会内部备注"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AskForm(forms.Form):
    """The worker's question in 我的."""

    topic = forms.ChoiceField(label=_("咨询类别"), choices=Topic.choices)
    question = forms.CharField(
        label=_("您的问题"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5, "placeholder": _("如：公司拖欠三个月工资，怎么办？")}),
    )

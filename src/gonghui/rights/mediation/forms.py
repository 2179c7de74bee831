"""Forms of 劳动争议调解 (workbench and the worker's phone)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.form_fields import yuan
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn
from gonghui.rights.mediation.choices import REFERRALS, Body, ClaimKind, DisputeSource, PanelKind, Status
from gonghui.rights.mediation.outcomes import PaymentIn

DATE = forms.DateInput(attrs={"type": "date"})
_SPLIT = re.compile(r"[\s,，、;；:：]+")


def parse_workers(text: str) -> list[WorkerIn]:
    """One worker a line: 姓名 and 身份证号码, separated by a space or a comma."""
    out = []
    for line in (text or "").splitlines():
        parts = [p for p in _SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        out.append(WorkerIn(name=parts[0], id_number=parts[1] if len(parts) > 1 else ""))
    return out


def parse_payments(text: str) -> list[PaymentIn]:
    """One instalment a line: a date (2025-01-20) and an amount."""
    out = []
    for n, line in enumerate((text or "").splitlines(), start=1):
        parts = [p for p in _SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        try:
            due = dt.date.fromisoformat(parts[0].replace("/", "-"))
            amount = Decimal(parts[1].replace("元", "")) if len(parts) > 1 else None
        except (ValueError, InvalidOperation):
            due, amount = None, None
        if due is None or amount is None:
            raise ValidationError(_("第 %(n)s 行：请按“日期 金额”填写，如 2025-01-20 5000。") % {"n": n})
        out.append(PaymentIn(amount=amount, due_on=due))
    return out


class DisputeFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=50, widget=forms.TextInput(attrs={"placeholder": _("用人单位")}))
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *Status.choices])
    source = forms.ChoiceField(required=False, choices=[("", _("全部来源")), *DisputeSource.choices])
    collective = forms.BooleanField(required=False, label=_("集体争议"))
    escalated = forms.BooleanField(required=False, label=_("上报本会的"))
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2100, widget=forms.NumberInput(attrs={"placeholder": _("年度")})
    )
    under = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


class _ClaimsForm(forms.Form):
    wages = yuan(ClaimKind.WAGES.label, required=False)
    overtime = yuan(ClaimKind.OVERTIME.label, required=False)
    social_insurance = yuan(ClaimKind.SOCIAL_INSURANCE.label, required=False)
    injury = yuan(ClaimKind.INJURY.label, required=False)
    termination = yuan(ClaimKind.TERMINATION.label, required=False)

    def claims(self) -> list[ClaimIn]:
        d = self.cleaned_data
        return [ClaimIn(kind=k, amount=d[k]) for k in ClaimKind.values if d.get(k) is not None]


class DisputeForm(_ClaimsForm):
    org = OrgPickerField(label=_("受理工会"), perm=Perm.RIGHTS)
    enterprise = forms.CharField(label=_("用人单位统一社会信用代码"), max_length=30)
    # A worker applies in 我的; an arrears report becomes a dispute when the union diverts it.
    source = forms.ChoiceField(
        label=_("来源"),
        choices=[c for c in DisputeSource.choices if c[0] not in (DisputeSource.WORKER, DisputeSource.ARREARS)],
    )
    court_ref = forms.CharField(label=_("委派或转来文号"), max_length=60, required=False)
    received_on = forms.DateField(label=_("受理日期"), required=False, widget=DATE)
    summary = forms.CharField(label=_("争议事由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    workers = forms.CharField(
        label=_("职工当事人"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每行一人：姓名 身份证号码"),
    )
    field_order = ["org", "enterprise", "source", "court_ref", "received_on", "summary", "workers"]


class AcceptForm(forms.Form):
    enterprise = forms.CharField(label=_("用人单位统一社会信用代码"), max_length=30)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=500, required=False)


class PartiesForm(forms.Form):
    workers = forms.CharField(
        label=_("增加职工当事人"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一人：姓名 身份证号码"),
    )  # fmt: skip


class AssignForm(forms.Form):
    panel = forms.IntegerField(label=_("调解组织"))
    mediator = forms.IntegerField(label=_("主持调解员"), required=False)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("调解日期"), widget=DATE)
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    mediator = forms.IntegerField(label=_("调解员"), required=False)
    minutes = forms.CharField(label=_("调解笔录"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class AgreementForm(forms.Form):
    terms = forms.CharField(label=_("协议内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    amount = yuan(_("协议金额（元）"))
    signed_on = forms.DateField(label=_("签订日期"), widget=DATE)
    worker_signatory = forms.CharField(label=_("职工方签字人"), max_length=50, required=False)
    worker_confirmed_on = forms.DateField(label=_("职工方确认日期"), required=False, widget=DATE)
    enterprise_signatory = forms.CharField(label=_("用人单位签字人"), max_length=50, required=False)
    enterprise_confirmed_on = forms.DateField(label=_("用人单位确认日期"), required=False, widget=DATE)
    payments = forms.CharField(
        label=_("支付安排"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("每行一期：支付期限 金额，如 2025-01-20 5000；各期之和须等于协议金额"),
    )  # fmt: skip

    def clean_payments(self) -> list[PaymentIn]:
        return parse_payments(self.cleaned_data.get("payments", ""))


class ReferForm(forms.Form):
    to = forms.ChoiceField(label=_("转往"), choices=[(s.value, s.label) for s in REFERRALS])
    note = forms.CharField(label=_("说明"), max_length=500, required=False)


class JudicialApplyForm(forms.Form):
    court = forms.CharField(label=_("法院"), max_length=100)
    applied_on = forms.DateField(label=_("申请日期"), widget=DATE)


class JudicialDecideForm(forms.Form):
    decision = forms.ChoiceField(label=_("裁定"), choices=[("confirmed", _("确认有效")), ("refused", _("不予确认"))])
    decided_on = forms.DateField(label=_("裁定日期"), widget=DATE)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class PaidForm(forms.Form):
    payment = forms.IntegerField()
    paid_on = forms.DateField(label=_("支付日期"), widget=DATE)


class PanelForm(forms.Form):
    org = OrgPickerField(label=_("所属工会"), perm=Perm.RIGHTS)
    name = forms.CharField(label=_("名称"), max_length=100)
    kind = forms.ChoiceField(label=_("类型"), choices=PanelKind.choices)
    place = forms.CharField(label=_("调解地点"), max_length=200, required=False)


class MediatorForm(forms.Form):
    panel = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("姓名"), max_length=50)
    body = forms.ChoiceField(label=_("所在单位类别"), choices=Body.choices)
    title = forms.CharField(label=_("单位和职务"), max_length=100, required=False)


class SettingForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.RIGHTS)
    collective_min = forms.IntegerField(label=_("集体争议起点人数"), min_value=2, max_value=100)


class ApplyForm(forms.Form):
    """The worker's own application in 我的."""

    enterprise_name = forms.CharField(label=_("用人单位名称"), max_length=200)
    kind = forms.ChoiceField(label=_("主要请求"), choices=ClaimKind.choices)
    amount = yuan(_("请求金额（元）"), required=False)
    summary = forms.CharField(label=_("争议经过和请求"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))

    def claims(self) -> list[ClaimIn]:
        d = self.cleaned_data
        return [ClaimIn(kind=d["kind"], amount=d["amount"])] if d.get("amount") is not None else []

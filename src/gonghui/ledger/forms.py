"""Workbench forms of the ledger. They parse input only; the rules are in ledger.payouts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput


class PayoutForm(forms.Form):
    """The maker's entry; the recipient comes from the file or member the page was opened from."""

    kind = forms.ChoiceField(label=_("帮扶类别"), choices=PayoutKind.choices)
    fund = forms.ChoiceField(label=_("资金来源"), choices=FundSource.choices)
    campaign = forms.TypedChoiceField(label=_("所属活动"), required=False, coerce=int, empty_value=None)
    paid_on = forms.DateField(label=_("发放日期"), widget=DateInput())
    amount = yuan(_("金额（元）"), required=False)
    goods = forms.CharField(label=_("物资"), required=False, max_length=100)
    goods_value = yuan(_("物资折价（元）"), required=False)
    reference = forms.CharField(label=_("支付凭证号"), required=False, max_length=50)
    override_reason = forms.CharField(
        label=_("重复发放理由"), required=False, max_length=200, help_text=_("同一活动中再次向同一人发放同类帮扶时填写")
    )

    def __init__(self, *args: Any, campaigns: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [("", _("不属于活动")), *campaigns]  # type: ignore[attr-defined]

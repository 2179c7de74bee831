"""Workbench forms of the ledger. They parse input only; the rules are in ledger.payouts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import CampaignKind
from gonghui.common.form_fields import yuan
from gonghui.common.widgets import DateInput
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.selectors import PayoutFilters
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.models import OrgNode


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


class PayoutFilterForm(SpanForm):
    """The payout list's filters (the 帮扶发放 figures' drill-down): `start`/`end` bound the 发放日期; the view
    reads `under`, the union whose subtree made the payouts."""

    start = forms.DateField(label=_("发放日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("发放日期到"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *PayoutStatus.choices])
    kind = forms.ChoiceField(label=_("帮扶类别"), required=False, choices=[("", _("全部类别")), *PayoutKind.choices])
    campaign = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    in_campaign = forms.CharField(required=False, max_length=5, widget=forms.HiddenInput)  # "1": made in campaigns
    # Made in campaigns of one kind (the 四季送 figures' 发放金额 of a kind).
    campaign_kind = forms.ChoiceField(
        required=False, choices=[("", ""), *CampaignKind.choices], widget=forms.HiddenInput
    )

    def filters(self, under: OrgNode | None) -> PayoutFilters:
        d = self.cleaned_data
        start, end = self.span()
        return PayoutFilters(
            campaign=d["campaign"],
            status=d["status"],
            under=under,
            paid_from=start,
            paid_to=end,
            kind=d["kind"],
            in_campaign=flag(d["in_campaign"]),
            campaign_kind=d["campaign_kind"],
        )

"""Forms of member cards, merchants, their staff and vouchers (workbench)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import (
    CardKind,
    CardStatus,
    MerchantCategory,
    MerchantStatus,
    Validity,
    VoucherAudience,
    VoucherKind,
    VoucherPeriod,
    VoucherStatus,
)
from gonghui.benefits.merchants import MerchantFields
from gonghui.benefits.models import CardProduct, Merchant
from gonghui.benefits.services import ProductFields
from gonghui.benefits.vouchers import VoucherFields
from gonghui.common.widgets import DateInput
from gonghui.members.choices import EmploymentForm
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm


class ProductForm(forms.Form):
    org = OrgPickerField(label=_("发卡工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(
        label=_("卡名"), max_length=50, help_text=_("如：商南县工会会员服务卡、旅游年卡、汇工融通卡")
    )
    kind = forms.ChoiceField(label=_("类型"), choices=CardKind.choices)
    validity = forms.ChoiceField(label=_("有效期"), choices=Validity.choices)
    months = forms.IntegerField(label=_("有效月数"), min_value=1, max_value=120, initial=12)
    eligible_org = OrgPickerField(
        label=_("面向工会"), perm=Perm.VIEW, required=False, help_text=_("留空则面向发卡工会及其下级工会的会员")
    )
    employment_form = forms.ChoiceField(
        label=_("限定对象"), choices=[("", _("不限")), *EmploymentForm.choices], required=False
    )
    price = forms.DecimalField(label=_("价格（元）"), min_value=0, max_digits=8, decimal_places=2, initial=0)
    bank_name = forms.CharField(label=_("合作银行"), max_length=50, required=False, help_text=_("联名银行卡必填"))
    benefits = forms.CharField(
        label=_("权益说明"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    self_apply = forms.BooleanField(label=_("会员可在“我的”申请"), required=False, initial=True)

    def product_fields(self, eligible: Any) -> ProductFields:
        d = self.cleaned_data
        return ProductFields(
            name=d["name"],
            kind=d["kind"],
            validity=d["validity"],
            months=d["months"],
            eligible_org=eligible,
            employment_form=d["employment_form"],
            price=d["price"],
            bank_name=d["bank_name"],
            benefits=d["benefits"],
            self_apply=d["self_apply"],
        )


class IssueForm(forms.Form):
    under = OrgPickerField(
        label=_("发给哪个工会的会员"), perm=Perm.ORG_EDIT, required=False, help_text=_("留空则发给该卡面向的全部会员")
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("发卡")), ("reject", _("不通过"))])
    reason = forms.CharField(label=_("原因"), max_length=200, required=False)
    bank_last4 = forms.CharField(label=_("银行卡号后四位"), max_length=4, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=200)


class CardFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=30, widget=forms.TextInput(attrs={"placeholder": _("姓名或卡号")}))
    status = forms.ChoiceField(required=False, choices=[("", _("全部状态")), *CardStatus.choices])


class HeldCardsForm(SpanForm):
    """The card page's drill-down (the 会员卡 figures, `held` carried hidden): the cards members of a union's
    subtree hold, by card product; `start`/`end` bound a card's 生效日期 (the day 新发会员卡 counts by),
    `status` and the product's `kind` narrow them."""

    start = forms.DateField(label=_("生效日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("生效日期到"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *CardStatus.choices])
    kind = forms.ChoiceField(label=_("卡种类型"), required=False, choices=[("", _("全部类型")), *CardKind.choices])
    held = forms.BooleanField(required=False, widget=forms.HiddenInput)


class MerchantFilterForm(SpanForm):
    """The merchant list's filters (the 特惠商户 figure's drill-down): `start`/`end` ask for the merchants whose
    agreement covers those days (`end` alone: that day, as the figure counts the merchants under agreement at
    a period's end); the view reads `under`, the union whose subtree signed them."""

    start = forms.DateField(label=_("协议期涵盖从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("协议期涵盖到"), required=False, widget=DateInput())
    category = forms.ChoiceField(
        label=_("类别"), required=False, choices=[("", _("全部类别")), *MerchantCategory.choices]
    )
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *MerchantStatus.choices])


class RedemptionFilterForm(SpanForm):
    """The redemption list's filters (the 优惠核销 figures' drill-down): `start`/`end` bound the day of the
    redemption, the day the figures count by; `merchant` (a merchant page's link) is carried hidden."""

    start = forms.DateField(label=_("核销日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("核销日期到"), required=False, widget=DateInput())
    merchant = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class TakenFilterForm(SpanForm):
    """The voucher page's drill-down (the 消费券 figures): `start`/`end` bound the day a voucher was taken, the
    day every 消费券 figure counts by; `status` says which of them the total counts (since used, since expired)."""

    start = forms.DateField(label=_("领取日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("领取日期到"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("统计"),
        required=False,
        choices=[("", _("会员领取")), (VoucherStatus.REDEEMED, _("已使用")), (VoucherStatus.EXPIRED, _("过期退回"))],
    )


class MerchantForm(forms.Form):
    org = OrgPickerField(label=_("签约工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("商户名称"), max_length=100)
    uscc = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    category = forms.ChoiceField(label=_("类别"), choices=MerchantCategory.choices)
    address = forms.CharField(label=_("地址"), max_length=200)
    agreement_from = forms.DateField(label=_("协议起"), widget=DateInput())
    agreement_until = forms.DateField(label=_("协议止"), widget=DateInput())
    lat = forms.DecimalField(
        label=_("纬度"),
        required=False,
        max_digits=9,
        decimal_places=6,
        help_text=_("选填，WGS-84（手机定位的坐标），如 33.531200；填写后显示在“附近服务站”地图上"),
    )
    lng = forms.DecimalField(
        label=_("经度"), required=False, max_digits=9, decimal_places=6, help_text=_("选填，如 110.882200")
    )

    def merchant_fields(self) -> MerchantFields:
        d = self.cleaned_data
        return MerchantFields(
            name=d["name"],
            uscc=d["uscc"],
            category=d["category"],
            address=d["address"],
            agreement_from=d["agreement_from"],
            agreement_until=d["agreement_until"],
            lat=d["lat"],
            lng=d["lng"],
        )


class TermForm(forms.Form):
    product = forms.ModelChoiceField(label=_("卡种"), queryset=CardProduct.objects.none())
    percent_off = forms.DecimalField(label=_("优惠比例（%）"), min_value=0, max_value=100, decimal_places=2)
    text = forms.CharField(label=_("优惠内容"), max_length=200)

    def __init__(self, *args: Any, products: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products  # type: ignore[attr-defined]


class StaffForm(forms.Form):
    name = forms.CharField(label=_("店员姓名"), max_length=50)
    mobile = forms.CharField(label=_("手机号码"), max_length=20, help_text=_("店员用这个手机号接收验证码登录收银台"))


class VoucherForm(forms.Form):
    org = OrgPickerField(label=_("发放工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("名称"), max_length=50, help_text=_("如：2026年夏季清凉券"))
    kind = forms.ChoiceField(label=_("券种"), choices=VoucherKind.choices)
    face_value = forms.DecimalField(label=_("面额（元）"), min_value=0, max_digits=8, decimal_places=2)
    min_spend = forms.DecimalField(label=_("使用门槛（元）"), min_value=0, max_digits=8, decimal_places=2, initial=0)
    audience = forms.ChoiceField(label=_("发放对象"), choices=VoucherAudience.choices)
    eligible_org = OrgPickerField(
        label=_("面向工会"), perm=Perm.VIEW, required=False, help_text=_("留空则面向发放工会及其下级工会的会员")
    )
    period = forms.ChoiceField(label=_("限领周期"), choices=VoucherPeriod.choices)
    per_period = forms.IntegerField(label=_("每人每周期限领张数"), min_value=1, max_value=10, initial=1)
    starts_on = forms.DateField(label=_("开始日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结束日期"), widget=DateInput())
    valid_days = forms.IntegerField(label=_("领取后有效天数"), min_value=1, max_value=366, initial=1)
    budget = forms.IntegerField(label=_("预算张数"), min_value=1, max_value=10_000_000)
    merchants = forms.ModelMultipleChoiceField(
        label=_("可用商户"), queryset=Merchant.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, merchants: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["merchants"].queryset = merchants  # type: ignore[attr-defined]

    def voucher_fields(self, eligible: Any) -> VoucherFields:
        d = self.cleaned_data
        keys = ("name", "kind", "face_value", "min_spend", "audience", "period", "per_period")
        return VoucherFields(
            **{k: d[k] for k in keys},
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            valid_days=d["valid_days"],
            budget=d["budget"],
            eligible_org=eligible,
        )


class CardListForm(forms.Form):
    file = forms.FileField(
        label=_("发卡名单"),
        help_text=_("xlsx、xls 或 csv，须有“姓名”“身份证号”两列；联名银行卡另须“银行卡号后四位”"),
    )

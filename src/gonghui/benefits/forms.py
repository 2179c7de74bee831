"""Forms of member cards (workbench)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import CardKind, CardStatus, MerchantCategory, Validity
from gonghui.benefits.merchants import MerchantFields
from gonghui.benefits.models import CardProduct
from gonghui.benefits.services import ProductFields
from gonghui.common.widgets import DateInput
from gonghui.members.choices import EmploymentForm
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


class MerchantForm(forms.Form):
    org = OrgPickerField(label=_("签约工会"), perm=Perm.ORG_EDIT)
    name = forms.CharField(label=_("商户名称"), max_length=100)
    uscc = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    category = forms.ChoiceField(label=_("类别"), choices=MerchantCategory.choices)
    address = forms.CharField(label=_("地址"), max_length=200)
    agreement_from = forms.DateField(label=_("协议起"), widget=DateInput())
    agreement_until = forms.DateField(label=_("协议止"), widget=DateInput())

    def merchant_fields(self) -> MerchantFields:
        d = self.cleaned_data
        return MerchantFields(
            name=d["name"],
            uscc=d["uscc"],
            category=d["category"],
            address=d["address"],
            agreement_from=d["agreement_from"],
            agreement_until=d["agreement_until"],
        )


class TermForm(forms.Form):
    product = forms.ModelChoiceField(label=_("卡种"), queryset=CardProduct.objects.none())
    percent_off = forms.DecimalField(label=_("优惠比例（%）"), min_value=0, max_value=100, decimal_places=2)
    text = forms.CharField(label=_("优惠内容"), max_length=200)

    def __init__(self, *args: Any, products: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products  # type: ignore[attr-defined]

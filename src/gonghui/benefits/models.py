"""会员普惠: card products a union offers, the members' cards, and 特惠商户 with their discount terms."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import LIVE, CardKind, CardStatus, MerchantCategory, MerchantStatus, Validity
from gonghui.members.choices import EmploymentForm
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode


class CardProduct(models.Model):
    """A card a union offers its members (会员服务卡, 旅游年卡, a co-branded bank card such as 汇工融通卡)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("发卡工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("卡名"), max_length=50)
    kind = models.CharField(_("类型"), max_length=12, choices=CardKind.choices)
    validity = models.CharField(_("有效期"), max_length=8, choices=Validity.choices, default=Validity.CALENDAR_YEAR)
    months = models.PositiveSmallIntegerField(_("有效月数"), default=12)
    # Who may hold it: active members of this union's subtree (the issuer's when empty), optionally one group.
    eligible_org = models.ForeignKey(
        OrgNode, verbose_name=_("面向工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    employment_form = models.CharField(_("限定对象"), max_length=16, choices=EmploymentForm.choices, blank=True)
    price = models.DecimalField(_("价格（元）"), max_digits=8, decimal_places=2, default=0)
    bank_name = models.CharField(_("合作银行"), max_length=50, blank=True)
    benefits = models.TextField(_("权益说明"), blank=True)
    self_apply = models.BooleanField(_("会员可在“我的”申请"), default=True)
    is_active = models.BooleanField(_("在发"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("卡种")
        verbose_name_plural = _("卡种")
        constraints = [models.UniqueConstraint(fields=["org", "name"], name="benefits_product_name_per_union")]

    def __str__(self) -> str:
        return self.name

    @property
    def audience(self) -> OrgNode:
        return self.eligible_org or self.org


class MemberCard(models.Model):
    product = models.ForeignKey(CardProduct, verbose_name=_("卡种"), on_delete=models.PROTECT, related_name="cards")
    person = models.ForeignKey(Person, verbose_name=_("持卡人"), on_delete=models.PROTECT, related_name="cards")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    # The holder's union when the card was applied for or issued: counts per union roll up from here.
    org = models.ForeignKey(OrgNode, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("卡号"), max_length=16, unique=True)
    bank_last4 = models.CharField(_("银行卡号后四位"), max_length=4, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=CardStatus.choices)
    valid_from = models.DateField(_("生效日期"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    reason = models.CharField(_("说明"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("申请/发卡时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("会员卡")
        verbose_name_plural = _("会员卡")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "person"], condition=Q(status__in=LIVE), name="benefits_card_one_live_per_product"
            ),
        ]
        indexes = [
            models.Index(fields=["product", "status"]),
            models.Index(fields=["org", "status"]),
            models.Index(fields=["status", "valid_until"]),
        ]

    def __str__(self) -> str:
        return self.number


class Merchant(models.Model):
    """A 特惠商户 signed by a union: members of the union's cards get its discount while the agreement runs."""

    org = models.ForeignKey(OrgNode, verbose_name=_("签约工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("商户名称"), max_length=100)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18)
    category = models.CharField(_("类别"), max_length=12, choices=MerchantCategory.choices)
    address = models.CharField(_("地址"), max_length=200)
    lat = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    lng = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    agreement_from = models.DateField(_("协议起"))
    agreement_until = models.DateField(_("协议止"))
    status = models.CharField(_("状态"), max_length=10, choices=MerchantStatus.choices, default=MerchantStatus.PENDING)
    reason = models.CharField(_("说明"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("特惠商户")
        verbose_name_plural = _("特惠商户")
        constraints = [
            models.UniqueConstraint(fields=["org", "uscc"], name="benefits_merchant_once_per_union"),
            models.CheckConstraint(
                condition=Q(agreement_until__gte=models.F("agreement_from")), name="benefits_merchant_agreement"
            ),
        ]
        indexes = [models.Index(fields=["status", "category"])]

    def __str__(self) -> str:
        return self.name


class MerchantTerm(models.Model):
    """What a card product's holders get at a merchant: a discount in percent off, and the terms in words."""

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="terms")
    product = models.ForeignKey(CardProduct, verbose_name=_("卡种"), on_delete=models.PROTECT, related_name="+")
    percent_off = models.DecimalField(_("优惠比例（%）"), max_digits=5, decimal_places=2)
    text = models.CharField(_("优惠内容"), max_length=200)

    class Meta:
        verbose_name = _("优惠条款")
        verbose_name_plural = _("优惠条款")
        constraints = [
            models.UniqueConstraint(fields=["merchant", "product"], name="benefits_term_once_per_product"),
            models.CheckConstraint(
                condition=Q(percent_off__gt=0, percent_off__lte=100), name="benefits_term_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return self.text

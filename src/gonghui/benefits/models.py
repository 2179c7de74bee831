"""会员普惠: card products a union offers, the members' cards, 特惠商户 with their discount terms and staff,
vouchers, and every redemption at a merchant."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import (
    LIVE,
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
from gonghui.campaigns.models import Campaign
from gonghui.common.masking import PIIKind
from gonghui.common.money import money
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.ledger.models import Payout
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


class MerchantStaff(models.Model):
    """A merchant's cashier, registered by the union with a name and mobile; signs in with a phone code."""

    merchant = models.ForeignKey(Merchant, verbose_name=_("商户"), on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("姓名"), max_length=50)
    mobile = PIIField(_("手机号码"), kind=PIIKind.MOBILE)
    mobile_hmac = BlindIndexField(source="mobile", purpose="mobile")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="merchant_staff"
    )
    is_active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("商户店员")
        verbose_name_plural = _("商户店员")
        constraints = [models.UniqueConstraint(fields=["merchant", "mobile_hmac"], name="benefits_staff_once")]
        indexes = [models.Index(fields=["mobile_hmac"], name="benefits_staff_mobile")]

    def __str__(self) -> str:
        return self.name


class VoucherCampaign(models.Model):
    """消费券/清凉券: vouchers a union hands its members by rule, a quota per member and period, within a budget."""

    org = models.ForeignKey(OrgNode, verbose_name=_("发放工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("券种"), max_length=10, choices=VoucherKind.choices)
    face_value = money(_("面额（元）"))
    min_spend = money(_("使用门槛（元）"), default=0)
    audience = models.CharField(_("发放对象"), max_length=10, choices=VoucherAudience.choices)
    eligible_org = models.ForeignKey(
        OrgNode, verbose_name=_("面向工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("限领周期"), max_length=8, choices=VoucherPeriod.choices, default=VoucherPeriod.DAY)
    per_period = models.PositiveSmallIntegerField(_("每人每周期限领张数"), default=1)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    valid_days = models.PositiveSmallIntegerField(_("领取后有效天数"), default=1)
    budget = models.PositiveIntegerField(_("预算张数"))
    # Vouchers issued and not expired: moved only by a conditional UPDATE under the check below, so a
    # rush never overspends; an expired voucher gives its place back.
    issued = models.PositiveIntegerField(default=0)
    merchants = models.ManyToManyField(Merchant, verbose_name=_("可用商户"), related_name="voucher_campaigns")
    # Union money: the campaign whose budget pays the merchants (settled through the aid ledger).
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("资金所属帮扶活动"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(_("发放中"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("消费券活动")
        verbose_name_plural = _("消费券活动")
        constraints = [
            models.CheckConstraint(condition=Q(issued__lte=models.F("budget")), name="benefits_voucher_budget"),
            models.CheckConstraint(condition=Q(face_value__gt=0), name="benefits_voucher_face_value"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="benefits_voucher_dates"),
            models.CheckConstraint(condition=Q(per_period__gte=1), name="benefits_voucher_per_period"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def audience_org(self) -> OrgNode:
        return self.eligible_org or self.org


class Voucher(models.Model):
    """One voucher of one member for one period; `seq` numbers the member's vouchers in the period."""

    campaign = models.ForeignKey(VoucherCampaign, on_delete=models.PROTECT, related_name="vouchers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="vouchers")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("券号"), max_length=16, unique=True)
    period_start = models.DateField(_("周期"))
    seq = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(_("状态"), max_length=10, choices=VoucherStatus.choices, default=VoucherStatus.ISSUED)
    issued_at = models.DateTimeField(_("领取时间"))
    expires_at = models.DateTimeField(_("失效时间"))
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)
    # The ledger payout that paid the merchant for it (union money only; see vouchers.voucher_settle).
    settled_by = models.ForeignKey(Payout, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("消费券")
        verbose_name_plural = _("消费券")
        constraints = [
            # One member, one voucher per period (or `per_period` of them): held by the database.
            models.UniqueConstraint(fields=["campaign", "person", "period_start", "seq"], name="benefits_voucher_quota")
        ]
        indexes = [
            models.Index(fields=["campaign", "status"]),
            models.Index(fields=["status", "expires_at"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self) -> str:
        return self.number


class Redemption(models.Model):
    """A member's discount at a merchant: the card's terms, a voucher, or both; recorded once per key."""

    # A till inserts one row per sale, so every index costs: the composite indexes below serve the reads
    # (a merchant's, a member's, a union's records by time), and the foreign keys get none of their own.
    merchant = models.ForeignKey(
        Merchant, verbose_name=_("商户"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    staff = models.ForeignKey(
        MerchantStaff,
        verbose_name=_("收银员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    card = models.ForeignKey(
        MemberCard,
        verbose_name=_("会员卡"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    # At most one sale per voucher: a unique index over the rows that have one (see Meta).
    voucher = models.ForeignKey(
        Voucher,
        verbose_name=_("消费券"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redemptions",
        db_index=False,
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="redemptions", db_index=False)
    org = models.ForeignKey(OrgNode, on_delete=models.PROTECT, related_name="+", db_index=False)  # member's union
    # The scanner's idempotency key: a retry after a lost answer finds the first record instead of a second.
    key = models.CharField(max_length=64)
    amount_before = money(_("原价（元）"))
    amount_after = money(_("实付（元）"))
    discount = money(_("优惠（元）"))
    created_at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("优惠核销")
        verbose_name_plural = _("优惠核销")
        constraints = [
            models.UniqueConstraint(fields=["merchant", "key"], name="benefits_redemption_once_per_key"),
            models.UniqueConstraint(
                fields=["voucher"], condition=Q(voucher__isnull=False), name="benefits_redemption_voucher_once"
            ),
            models.CheckConstraint(
                condition=Q(amount_after__gte=0, amount_after__lte=models.F("amount_before")),
                name="benefits_redemption_amounts",
            ),
            models.CheckConstraint(
                condition=Q(card__isnull=False) | Q(voucher__isnull=False), name="benefits_redemption_has_basis"
            ),
        ]
        indexes = [
            models.Index(fields=["merchant", "created_at"]),
            models.Index(fields=["person", "created_at"]),
            models.Index(fields=["org", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.merchant_id} {self.discount}"

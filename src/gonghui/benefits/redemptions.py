"""Redemption at a 特惠商户: the cashier scans the member's e-card, the platform says what the member may have
(the best discount of a valid card the merchant honours, and the member's vouchers usable there) and
records the sale once.

Guards, each in the database where a rush could beat a read: a voucher is spent by a conditional UPDATE
(issued → redeemed) and can back one redemption only (a one-to-one column); a retried request with the
same idempotency key finds the first record (a unique (merchant, key) index), so a cashier whose network
dropped mid-sale never records it twice. The e-card token is signed and short-lived (members.card).
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.benefits.choices import CardStatus, VoucherStatus
from gonghui.benefits.merchants import merchant_serves, merchant_terms
from gonghui.benefits.models import MemberCard, Merchant, MerchantStaff, Redemption, Voucher
from gonghui.benefits.redeem_fastpath import card_sale
from gonghui.common.masking import mask_text
from gonghui.members.card import CardInvalid, card_claim
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000")


@dataclass(frozen=True)
class Holder:
    membership_id: int
    person_id: int
    org_id: int
    label: str  # 李** · 测试基层工会 · DF-0001: enough for the cashier, never a full name, ID or mobile


@dataclass(frozen=True)
class CardOffer:
    card_id: int
    product: str
    percent_off: Decimal
    text: str


@dataclass
class Offer:
    holder: Holder
    card: CardOffer | None
    vouchers: list[Voucher] = field(default_factory=list)


def _holder(token: str) -> Holder:
    try:
        membership_id = card_claim(token)
    except CardInvalid as exc:
        raise ValidationError({"token": str(exc)}) from exc
    row = (
        Membership.objects.filter(pk=membership_id, status=MembershipStatus.ACTIVE)
        .values_list("person_id", "org_id", "person__name", "org__name", "member_no")
        .first()
    )
    if row is None:
        raise ValidationError({"token": _("该会员卡已失效（会籍不在册）。")})
    person_id, org_id, name, org_name, member_no = row
    return Holder(membership_id, person_id, org_id, f"{mask_text(name)} · {org_name} · {member_no}")


def _serving(merchant: Merchant) -> None:
    if not merchant_serves(merchant):
        raise ValidationError(_("本店不在与工会的协议期内或已暂停合作，不能核销会员优惠。"))


def _best_card(merchant: Merchant, person_id: int) -> CardOffer | None:
    """The member's valid card with the largest discount at this merchant (only cards it has terms for)."""
    terms = merchant_terms(merchant.pk)
    if not terms:
        return None
    held = MemberCard.objects.filter(
        person_id=person_id, status=CardStatus.ACTIVE, valid_until__gte=timezone.localdate()
    ).values_list("pk", "product_id")
    offers = [CardOffer(card_id, *terms[product]) for card_id, product in held if product in terms]
    return max(offers, key=lambda o: o.percent_off, default=None)


def _card_sale(staff: MerchantStaff, token: str, before: Decimal, key: str) -> Redemption | None:
    """The commonest sale in one prepared statement on PostgreSQL (redeem_fastpath); None for the general path."""
    try:
        membership_id = card_claim(token)
    except CardInvalid:
        return None  # the general path says why
    return card_sale(
        staff=staff, membership_id=membership_id, before=before, key=key, today=timezone.localdate(), now=timezone.now()
    )


def usable_vouchers(merchant: Merchant, person_id: int) -> QuerySet[Voucher]:
    return (
        Voucher.objects.filter(
            person_id=person_id,
            status=VoucherStatus.ISSUED,
            expires_at__gt=timezone.now(),
            campaign__merchants=merchant,
        )
        .select_related("campaign")
        .order_by("expires_at")
    )


def redemption_offer(*, merchant: Merchant, token: str) -> Offer:
    """What the scanned member may have here; a clear reason when nothing."""
    _serving(merchant)
    holder = _holder(token)
    offer = Offer(holder, _best_card(merchant, holder.person_id), list(usable_vouchers(merchant, holder.person_id)))
    if offer.card is None and not offer.vouchers:
        raise ValidationError({"token": _("该会员没有可在本店使用的有效会员卡或消费券。")})
    return offer


def parse_amount(raw: object) -> Decimal:
    try:
        amount = Decimal(str(raw).strip())
        if not amount.is_finite() or amount.adjusted() > 6:
            raise InvalidOperation
        amount = amount.quantize(CENT)
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({"amount": _("请填写消费金额（元），如 88.50。")}) from exc
    if not (Decimal(0) < amount <= MAX_AMOUNT):
        raise ValidationError({"amount": _("消费金额须大于 0 且不超过 100 万元。")})
    return amount


def _check_key(key: str) -> str:
    key = key.strip()
    if not (8 <= len(key) <= 64 and key.isascii() and key.isprintable()):
        raise ValidationError({"key": _("缺少有效的核销请求编号，请刷新页面后重试。")})
    return key


def _spend_voucher(voucher_id: int, merchant: Merchant, person_id: int, amount: Decimal) -> Voucher:
    voucher = usable_vouchers(merchant, person_id).filter(pk=voucher_id).first()
    if voucher is None:
        raise ValidationError({"voucher": _("该券已使用、已过期或不能在本店使用。")})
    if amount < voucher.campaign.min_spend:
        raise ValidationError({"voucher": _("消费满 %(min)s 元才能使用该券。") % {"min": voucher.campaign.min_spend}})
    now = timezone.now()
    spent = Voucher.objects.filter(pk=voucher.pk, status=VoucherStatus.ISSUED, expires_at__gt=now).update(
        status=VoucherStatus.REDEEMED, used_at=now
    )
    if not spent:  # another till spent it between the read and this write
        raise ValidationError({"voucher": _("该券已使用、已过期或不能在本店使用。")})
    return voucher


def _amounts(before: Decimal, card: CardOffer | None, voucher: Voucher | None) -> Decimal:
    after = before
    if card is not None:
        after -= (before * card.percent_off / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    if voucher is not None:
        after -= voucher.campaign.face_value
    return max(after, Decimal(0))


def redemption_record(
    *,
    staff: MerchantStaff,
    token: str,
    amount: object,
    key: str,
    voucher_id: int | None = None,
    use_card: bool = True,
) -> Redemption:
    """Record one sale with the member's discount. The same key again returns the first record unchanged:
    the unique (merchant, key) index refuses the second insert, so the common path reads nothing first."""
    merchant = staff.merchant
    key = _check_key(key)
    try:
        before = parse_amount(amount)
        _serving(merchant)
        if use_card and voucher_id is None:
            fast = _card_sale(staff, token, before, key)
            if fast is not None:
                return fast
        holder = _holder(token)
        card = _best_card(merchant, holder.person_id) if use_card else None
        if card is None and voucher_id is None:
            raise ValidationError({"token": _("该会员没有可在本店使用的有效会员卡或消费券。")})
        # A voucher's spend and the record commit together; a card-only sale is one INSERT on its own.
        with transaction.atomic() if voucher_id or connection.in_atomic_block else nullcontext():
            voucher = _spend_voucher(voucher_id, merchant, holder.person_id, before) if voucher_id else None
            after = _amounts(before, card, voucher)
            return Redemption.objects.create(
                merchant=merchant,
                staff=staff,
                card_id=card.card_id if card else None,
                voucher=voucher,
                person_id=holder.person_id,
                org_id=holder.org_id,
                key=key,
                amount_before=before,
                amount_after=after,
                discount=before - after,
                created_at=timezone.now(),
            )
    except (IntegrityError, ValidationError):
        # A retry of a recorded sale (the till lost the answer; its token may have aged meanwhile, the
        # voucher is spent): the first record stands, and this attempt's writes were rolled back.
        done = Redemption.objects.filter(merchant=merchant, key=key).first()
        if done is None:
            raise
        return done

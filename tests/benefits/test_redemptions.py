"""Redemption at a 特惠商户: what a scanned e-card may have, the amounts recorded, the guards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from gonghui.benefits import merchants, redemptions, services, vouchers
from gonghui.benefits.choices import VoucherStatus
from gonghui.benefits.merchant_staff import merchant_staff_add
from gonghui.benefits.models import Redemption, Voucher
from gonghui.members.card import card_token
from gonghui.members.choices import MembershipStatus
from tests.benefits.conftest import Shop, cool_vouchers, sign_shop
from tests.factories import make_member


def _record(shop: Shop, amount: str = "100", key: str = "key-00000001", **kw: object) -> Redemption:
    return redemptions.redemption_record(staff=shop.cashier, token=shop.token(), amount=amount, key=key, **kw)


def test_a_valid_card_gets_the_merchants_discount(shop: Shop) -> None:
    offer = redemptions.redemption_offer(merchant=shop.merchant, token=shop.token())
    assert offer.card is not None and offer.card.percent_off == Decimal(10)
    assert offer.holder.label.startswith("李*") and "李会员" not in offer.holder.label
    done = _record(shop, "88.50")
    assert (done.amount_before, done.discount, done.amount_after) == (
        Decimal("88.50"),
        Decimal("8.85"),
        Decimal("79.65"),
    )
    assert done.card_id == shop.card.pk and done.org_id == shop.member.org_id and done.staff == shop.cashier


def test_a_retry_with_the_same_key_records_once(shop: Shop) -> None:
    first = _record(shop)
    again = _record(shop, amount="999")  # the till resent after a lost answer; the first record stands
    assert again.pk == first.pk and again.amount_before == Decimal(100)
    assert Redemption.objects.count() == 1
    _record(shop, key="key-00000002")
    assert Redemption.objects.count() == 2


@pytest.mark.parametrize(
    ("token", "reason"),
    [("m1:forged:signature", "不是有效的会员码"), ("", "不是有效的会员码")],
)
def test_a_forged_token_is_refused(shop: Shop, token: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        redemptions.redemption_record(staff=shop.cashier, token=token, amount="10", key="key-00000001")
    assert not Redemption.objects.exists()


def test_an_old_token_is_refused(shop: Shop) -> None:
    token = shop.token()
    with override_settings(CARD_TOKEN_SECONDS=-1), pytest.raises(ValidationError, match="已过期"):
        redemptions.redemption_offer(merchant=shop.merchant, token=token)


def test_a_member_without_a_card_or_off_the_roll_is_refused(shop: Shop) -> None:
    stranger = make_member(shop.tree.union, 2)
    with pytest.raises(ValidationError, match="没有可在本店使用"):
        redemptions.redemption_offer(merchant=shop.merchant, token=card_token(stranger))
    shop.member.status = MembershipStatus.LEFT
    shop.member.save()
    with pytest.raises(ValidationError, match="会籍不在册"):
        redemptions.redemption_offer(merchant=shop.merchant, token=shop.token())


def test_another_unions_card_gets_nothing_here(shop: Shop) -> None:
    """A card the merchant has no terms for (a 泰安 card) gives no discount at this shop."""
    taian = services.card_product_create(
        actor=shop.tree.outsider, org=shop.tree.stranger, data=services.ProductFields(name="泰安卡", kind="service")
    )
    visitor = make_member(shop.tree.stranger, 3)
    card = services.card_apply(person=visitor.person, product=taian)
    services.card_decide(actor=shop.tree.outsider, card=card, approve=True)
    with pytest.raises(ValidationError, match="没有可在本店使用"):
        redemptions.redemption_offer(merchant=shop.merchant, token=card_token(visitor))
    with pytest.raises(ValidationError, match="只能为本会或上级工会"):
        merchants.merchant_term_set(
            actor=shop.tree.cadre, merchant=shop.merchant, product=taian, percent_off=Decimal(5), text="九五折"
        )


def test_a_merchant_outside_its_agreement_or_suspended_cannot_redeem(shop: Shop) -> None:
    merchants.merchant_suspend(actor=shop.tree.cadre, merchant=shop.merchant, suspend=True, reason="投诉核查")
    shop.cashier.refresh_from_db()
    with pytest.raises(ValidationError, match="协议期"):
        _record(shop)
    merchants.merchant_suspend(actor=shop.tree.cadre, merchant=shop.merchant, suspend=False)
    shop.merchant.agreement_until = timezone.localdate() - dt.timedelta(days=1)
    shop.merchant.agreement_from = shop.merchant.agreement_until - dt.timedelta(days=30)
    shop.merchant.save()
    shop.cashier.refresh_from_db()
    with pytest.raises(ValidationError, match="协议期"):
        _record(shop)
    assert not Redemption.objects.exists()


@pytest.mark.parametrize("amount", ["", "abc", "0", "-5", "1000000.01", "NaN", "Infinity", "1e9"])
def test_bad_amounts_are_refused_in_chinese(shop: Shop, amount: str) -> None:
    with pytest.raises(ValidationError, match="消费金额"):
        _record(shop, amount)
    assert not Redemption.objects.exists()


def test_a_voucher_is_spent_once_and_only_where_it_is_accepted(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], min_spend=Decimal(30))
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    with pytest.raises(ValidationError, match="满 30"):
        _record(shop, "20", voucher_id=voucher.pk)
    done = _record(shop, "50", voucher_id=voucher.pk)
    # 10 % off 50 is 5, then the 20-yuan voucher: 25 to pay.
    assert (done.discount, done.amount_after) == (Decimal(25), Decimal(25))
    voucher.refresh_from_db()
    assert voucher.status == VoucherStatus.REDEEMED
    with pytest.raises(ValidationError, match="已使用"):
        _record(shop, "50", key="key-00000002", voucher_id=voucher.pk)
    assert Redemption.objects.count() == 1


def test_a_voucher_is_refused_at_a_shop_outside_its_campaign(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant])
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    elsewhere = sign_shop(shop.tree, "商南另一家餐馆")
    cashier = merchant_staff_add(actor=shop.tree.cadre, merchant=elsewhere, name="小李", mobile="13800002222")
    with pytest.raises(ValidationError, match="不能在本店使用"):
        redemptions.redemption_record(
            staff=cashier, token=shop.token(), amount="50", key="key-00000003", voucher_id=voucher.pk
        )
    assert Voucher.objects.get(pk=voucher.pk).status == VoucherStatus.ISSUED


def test_the_voucher_alone_without_a_card(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], face_value=Decimal(50))
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    done = _record(shop, "30", voucher_id=voucher.pk, use_card=False)
    assert (done.card_id, done.discount, done.amount_after) == (None, Decimal(30), Decimal(0))  # never below zero

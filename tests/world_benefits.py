"""The benefits objects of the shared permission World (see tests/world.py): town_a's service card, with
李在册 (the member persona) holding one, and an application waiting; town_a's approved restaurant with the
merchant persona as its cashier and one redemption; a 清凉券 campaign with 李在册's voucher."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.benefits.choices import (
    CardKind,
    CardStatus,
    MerchantCategory,
    MerchantStatus,
    VoucherAudience,
    VoucherKind,
)
from gonghui.benefits.models import (
    CardProduct,
    MemberCard,
    Merchant,
    MerchantStaff,
    MerchantTerm,
    Redemption,
    VoucherCampaign,
)
from gonghui.orgs.demo import demo_uscc

PRODUCT = "大中街道会员服务卡"
VOUCHERS = "大中街道夏季清凉券"


def build_benefits(world: Any) -> SimpleNamespace:
    product = CardProduct.objects.create(
        org=world.town_a, name=PRODUCT, kind=CardKind.SERVICE, created_by=world.users["owner"]
    )
    card = MemberCard.objects.create(
        product=product,
        person=world.member.person,
        membership=world.member,
        org=world.union_a,
        number="A1B2C3D4E5F6",
        status=CardStatus.ACTIVE,
        valid_from=timezone.localdate() - dt.timedelta(days=30),
        valid_until=timezone.localdate() + dt.timedelta(days=335),
    )
    tour = CardProduct.objects.create(
        org=world.town_a, name="大中旅游年卡", kind=CardKind.TOUR, created_by=world.users["owner"]
    )
    applied = MemberCard.objects.create(
        product=tour,
        person=world.member.person,
        membership=world.member,
        org=world.union_a,
        number="F6E5D4C3B2A1",
        status=CardStatus.APPLIED,
    )
    merchant = Merchant.objects.create(
        org=world.town_a,
        name="测试特惠餐馆",
        uscc=demo_uscc("92", "320904", "测试特惠餐馆"),
        category=MerchantCategory.FOOD,
        address="大中街道",
        agreement_from=timezone.localdate() - dt.timedelta(days=30),
        agreement_until=timezone.localdate() + dt.timedelta(days=700),
        status=MerchantStatus.APPROVED,
        created_by=world.users["owner"],
    )
    MerchantTerm.objects.create(merchant=merchant, product=product, percent_off=Decimal(10), text="凭卡九折")
    cashier = MerchantStaff.objects.create(
        merchant=merchant, name="测试收银员", mobile="13600000001", user=world.users["merchant"]
    )
    redemption = Redemption.objects.create(
        merchant=merchant,
        staff=cashier,
        card=card,
        person=world.member.person,
        org=world.union_a,
        key="world-redemption-1",
        amount_before=Decimal(100),
        amount_after=Decimal(90),
        discount=Decimal(10),
        created_at=timezone.now(),
    )
    vouchers = VoucherCampaign.objects.create(
        org=world.town_a,
        name=VOUCHERS,
        kind=VoucherKind.COOL,
        face_value=Decimal(20),
        audience=VoucherAudience.ALL,
        starts_on=timezone.localdate() - dt.timedelta(days=1),
        ends_on=timezone.localdate() + dt.timedelta(days=60),
        budget=100,
        created_by=world.users["owner"],
    )
    vouchers.merchants.set([merchant])
    return SimpleNamespace(
        product=product,
        card=card,
        tour=tour,
        applied=applied,
        merchant=merchant,
        cashier=cashier,
        redemption=redemption,
        vouchers=vouchers,
    )

"""The benefits objects of the shared permission World (see tests/world.py): town_a's service card, with
李在册 (the member persona) holding one, and an application waiting."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from gonghui.benefits.choices import CardKind, CardStatus, MerchantCategory
from gonghui.benefits.models import CardProduct, MemberCard, Merchant
from gonghui.orgs.demo import demo_uscc

PRODUCT = "大中街道会员服务卡"


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
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2026, 12, 31),
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
        agreement_from=dt.date(2026, 1, 1),
        agreement_until=dt.date(2027, 12, 31),
        created_by=world.users["owner"],
    )
    return SimpleNamespace(product=product, card=card, tour=tour, applied=applied, merchant=merchant)

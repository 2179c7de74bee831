"""A 商南 shop with a cashier, the county's service card held by a member, and a day's 清凉券 (see Shop)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from gonghui.benefits import merchant_staff, merchants, services, vouchers
from gonghui.benefits.models import CardProduct, MemberCard, Merchant, MerchantStaff, VoucherCampaign
from gonghui.members.card import card_token
from gonghui.members.models import Membership
from gonghui.orgs.demo import demo_uscc
from tests.factories import Tree, make_member


def sign_shop(tree: Tree, name: str = "商南金丝峡农家乐", category: str = "food") -> Merchant:
    data = merchants.MerchantFields(
        name=name,
        uscc=demo_uscc("92", "611023", name),
        category=category,
        address="商南县城关镇",
        agreement_from=timezone.localdate() - dt.timedelta(days=30),
        agreement_until=timezone.localdate() + dt.timedelta(days=335),
    )
    shop = merchants.merchant_create(actor=tree.cadre, org=tree.county, data=data)
    return merchants.merchant_decide(actor=tree.cadre, merchant=shop, approve=True)


def cool_vouchers(tree: Tree, shops: list[Merchant], **over: object) -> VoucherCampaign:
    fields = vouchers.VoucherFields(
        name="夏季清凉券",
        kind="cool",
        face_value=Decimal("20"),
        audience="all",
        starts_on=timezone.localdate() - dt.timedelta(days=1),
        ends_on=timezone.localdate() + dt.timedelta(days=60),
        budget=100,
    )
    for key, value in over.items():
        setattr(fields, key, value)
    return vouchers.voucher_campaign_create(actor=tree.cadre, org=tree.county, data=fields, merchants=shops)


class Shop:
    """商南's shop (10 % off the service card), its cashier, and member 1 holding the card."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.merchant = sign_shop(tree)
        self.product = services.card_product_create(
            actor=tree.cadre, org=tree.county, data=services.ProductFields(name="商南县会员服务卡", kind="service")
        )
        merchants.merchant_term_set(
            actor=tree.cadre, merchant=self.merchant, product=self.product, percent_off=Decimal(10), text="凭卡九折"
        )
        self.cashier: MerchantStaff = merchant_staff.merchant_staff_add(
            actor=tree.cadre, merchant=self.merchant, name="收银员小王", mobile="13800001111"
        )
        self.member: Membership = make_member(tree.union, 1, name="李会员")
        self.card: MemberCard = self.issue(self.member)

    def issue(self, member: Membership, product: CardProduct | None = None) -> MemberCard:
        card = services.card_apply(person=member.person, product=product or self.product)
        return services.card_decide(actor=self.tree.cadre, card=card, approve=True)

    def token(self, member: Membership | None = None) -> str:
        return card_token(member or self.member)


@pytest.fixture
def shop(tree: Tree) -> Shop:
    return Shop(tree)

"""The demo's member cards and merchants: 商南's 1.7万余张 tour cards, 8,200余 service cards and 70余万元 saved."""

from __future__ import annotations

from django.utils import timezone

from gonghui.benefits.figures import benefits_figures
from gonghui.benefits.models import CardProduct, MemberCard, Merchant
from gonghui.orgs.models import OrgNode
from tests.demo.conftest import Demo


def test_the_demo_cards(demo: Demo, db: None) -> None:
    tour = CardProduct.objects.get(name="商南县工会旅游年卡")
    assert 17_000 <= MemberCard.objects.filter(product=tour, status="active").count() < 18_000  # 1.7万余张
    service = MemberCard.objects.filter(product__name="商南县工会会员服务卡", status="active").count()
    assert 8_200 <= service < 8_300  # 服务卡8200余张
    bank = MemberCard.objects.filter(product__name="汇工融通卡")
    assert bank.exists() and all(len(c.bank_last4) == 4 for c in bank)
    # 商南's 23 merchants and the story's "优惠额累计70余万元", computed from the redemptions
    shangnan = OrgNode.objects.get(code="shangnan")
    assert Merchant.objects.filter(org=shangnan, status="approved").count() == 23
    figures = {f.key: f.value for f in benefits_figures(shangnan, timezone.localdate().year)}
    assert 700_000 <= figures["discount_total"] < 702_000

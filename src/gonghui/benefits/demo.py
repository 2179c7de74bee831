"""Demo member cards (seed_demo). Safe to run twice: products are made once, issuing skips card holders.

商南 issues its 会员服务卡 and 旅游年卡 to its members (the story's 17,000 and 8,200 cards need a roster that
size; the demo issues to the members it has); 柳市 offers the 汇工融通卡, a co-branded bank card kept with
the last four digits only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gonghui.benefits import services
from gonghui.benefits.choices import CardKind
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode


def _product(admin: Any, code: str, data: services.ProductFields) -> CardProduct:
    org = OrgNode.objects.get(code=code)
    found = CardProduct.objects.filter(org=org, name=data.name).first()
    return found or services.card_product_create(actor=admin, org=org, data=data)


def load_demo_benefits(admin: Any) -> int:
    before = MemberCard.objects.count()
    service = _product(
        admin,
        "shangnan",
        services.ProductFields(
            name="商南县工会会员服务卡", kind=CardKind.SERVICE, benefits="特惠商户吃、穿、住、行消费享会员折扣"
        ),
    )
    tour = _product(
        admin,
        "shangnan",
        services.ProductFields(
            name="商南县工会旅游年卡", kind=CardKind.TOUR, price=Decimal(60), benefits="金丝峡等县内景区全年不限次游览"
        ),
    )
    services.cards_issue_by_rule(actor=admin, product=service)
    services.cards_issue_by_rule(actor=admin, product=tour)
    bank = _product(
        admin,
        "liushi",
        services.ProductFields(
            name="汇工融通卡", kind=CardKind.COBRAND, bank_name="乐清农商银行", benefits="一张卡享受全年普惠服务"
        ),
    )
    for n, membership in enumerate(Membership.objects.filter(org__code="ls-huanghua", status="active")[:5]):
        if not MemberCard.objects.filter(product=bank, person=membership.person).exists():
            card = services.card_apply(person=membership.person, product=bank)
            services.card_decide(actor=admin, card=card, approve=True, bank_last4=f"{3100 + n}")
    return MemberCard.objects.count() - before

"""Demo member cards (seed_demo). Safe to run twice: products are made once, issuing skips card holders.

商南 issues its 旅游年卡 to its members and 会员服务卡 to those who took it (the story's 1.7万余张 and 8200余张:
the roster is topped up to hold them) and signs 23 特惠商户 whose generated redemptions add up to the
story's 70余万元 of discounts; 柳市 offers the 汇工融通卡, a co-branded bank card kept with the last four
digits only.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.benefits import merchants, services
from gonghui.benefits.choices import CardKind
from gonghui.benefits.models import CardProduct, MemberCard, Merchant, MerchantStaff, MerchantTerm, Redemption
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership
from gonghui.orgs.demo import demo_uscc
from gonghui.orgs.models import OrgNode


def _product(admin: Any, code: str, data: services.ProductFields) -> CardProduct:
    org = OrgNode.objects.get(code=code)
    found = CardProduct.objects.filter(org=org, name=data.name).first()
    return found or services.card_product_create(actor=admin, org=org, data=data)


TOUR_CARDS = 17_200  # the story's "旅游年卡1.7万余张"
SERVICE_CARDS = 8_230  # and "服务卡8200余张"


def _shangnan_roster() -> None:
    """商南's roster topped up so that the story's cards have holders (made once, spread over its unions)."""
    root = OrgNode.objects.get(code="shangnan")
    active = Membership.objects.filter(org__path__startswith=root.path, status="active").count()
    if active >= TOUR_CARDS:
        return
    unions = list(OrgNode.objects.filter(path__startswith=root.path, kind="grassroots").order_by("path")) or [root]
    people = list(dict.fromkeys(demo_people("sn-card", TOUR_CARDS - active + 50, root.region_id)))
    share = -(-len(people) // len(unions))
    for n, union in enumerate(unions):
        demo_members(people[n * share : (n + 1) * share], union)


def _service_cards(admin: Any, service: CardProduct) -> None:
    """The members who took the service card (applied in 我的, approved): the earliest SERVICE_CARDS of 商南."""
    have = MemberCard.objects.filter(product=service).count()
    if have >= SERVICE_CARDS:
        return
    start, until = services.validity_for(service, timezone.localdate())
    holders = MemberCard.objects.filter(product=service).values("person_id")
    rows = (
        Membership.objects.filter(org__path__startswith=service.org.path, status="active")
        .exclude(person_id__in=holders)
        .order_by("pk")
        .values_list("pk", "person_id", "org_id")[: SERVICE_CARDS - have]
    )
    MemberCard.objects.bulk_create(
        [
            MemberCard(
                product=service,
                person_id=person,
                membership_id=membership,
                org_id=org,
                number=services.new_card_number(),
                status="active",
                valid_from=start,
                valid_until=until,
                decided_by=admin,
            )
            for membership, person, org in rows
        ],
        batch_size=2_000,
    )


def load_demo_benefits(admin: Any) -> int:
    before = MemberCard.objects.count()
    _shangnan_roster()
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
    _service_cards(admin, service)
    if not MemberCard.objects.filter(product=tour).exists():  # once: later demos' new members apply themselves
        services.cards_issue_by_rule(actor=admin, product=tour)
    bank = _product(
        admin,
        "liushi",
        services.ProductFields(
            name="汇工融通卡", kind=CardKind.COBRAND, bank_name="乐清农商银行", benefits="一张卡享受全年普惠服务"
        ),
    )
    for n, membership in enumerate(
        Membership.objects.filter(org__code="ls-huanghua", status="active").order_by("pk")[:5]
    ):
        if not MemberCard.objects.filter(product=bank, person=membership.person).exists():
            card = services.card_apply(person=membership.person, product=bank)
            services.card_decide(actor=admin, card=card, approve=True, bank_last4=f"{3100 + n}")
    load_demo_merchants(admin, service, tour)
    return MemberCard.objects.count() - before


# 商南's 23 特惠商户 on 吃穿住行游购医教, around the county seat (WGS-84), with the card discounts they give.
SHOPS = [
    ("商南县金丝峡农家乐", "food", 10),
    ("商南县城关镇老街羊肉泡馍馆", "food", 12),
    ("商南县茶乡人家餐厅", "food", 10),
    ("商南县鹿城快餐店", "food", 8),
    ("商南县丹江鱼馆", "food", 10),
    ("商南县富水服装店", "clothing", 15),
    ("商南县劳保工装专营店", "clothing", 20),
    ("商南县鞋城", "clothing", 12),
    ("商南县金丝大峡谷宾馆", "lodging", 20),
    ("商南县鹿城快捷酒店", "lodging", 15),
    ("商南县城乡公交公司", "travel", 10),
    ("商南县顺达驾校", "travel", 8),
    ("商南县汽车维修服务中心", "travel", 10),
    ("商南县金丝峡景区", "tourism", 30),
    ("商南县闯王寨景区", "tourism", 30),
    ("商南县太吉河生态旅游区", "tourism", 25),
    ("商南县惠民超市", "shopping", 5),
    ("商南县茶叶专营店", "shopping", 10),
    ("商南县家电城", "shopping", 6),
    ("商南县康泰大药房", "medical", 8),
    ("商南县口腔诊所", "medical", 15),
    ("商南县职工书屋文具店", "education", 10),
    ("商南县技能培训学校", "education", 20),
]
SEAT = (33.5312, 110.8822)  # 商南县城 (WGS-84)
DISCOUNT_TARGET = Decimal(700_000)  # the story's "优惠额累计70余万元"


def _shop(admin: Any, org: OrgNode, index: int, name: str, category: str) -> Merchant:
    found = Merchant.objects.filter(org=org, name=name).first()
    if found is not None:
        return found
    today = timezone.localdate()
    data = merchants.MerchantFields(
        name=name,
        uscc=demo_uscc("92", "611023", name),
        category=category,
        address=f"商南县城关街道{index + 1}号",
        agreement_from=today.replace(year=today.year - 2, month=1, day=1),
        agreement_until=today.replace(year=today.year + 1, month=12, day=31),
        lat=Decimal(str(round(SEAT[0] + (index % 5 - 2) * 0.004, 6))),
        lng=Decimal(str(round(SEAT[1] + (index // 5 - 2) * 0.005, 6))),
    )
    shop = merchants.merchant_create(actor=admin, org=org, data=data)
    shop = merchants.merchant_decide(actor=admin, merchant=shop, approve=True)
    MerchantStaff.objects.create(merchant=shop, name=f"收银员{index + 1}", mobile=f"135{index + 1:08d}")
    return shop


def _redemptions(shops: list[tuple[Merchant, int]], cards: list[tuple[int, int, int]]) -> None:
    """Two years of member discounts at the shops, adding up to a little over DISCOUNT_TARGET."""
    rng = random.Random(611023)  # noqa: S311 - demo data, not security
    now, rows, total, n = timezone.now(), [], Decimal(0), 0
    while total < DISCOUNT_TARGET and cards:
        shop, percent = shops[n % len(shops)]
        card_id, person_id, org_id = cards[rng.randrange(len(cards))]
        before = Decimal(rng.randrange(40, 1200))
        discount = (before * percent / 100).quantize(Decimal("0.01"))
        at = now - dt.timedelta(days=rng.randrange(0, 700), minutes=rng.randrange(0, 720))
        rows.append(
            Redemption(
                merchant=shop,
                card_id=card_id,
                person_id=person_id,
                org_id=org_id,
                key=f"demo-{n:07d}",
                amount_before=before,
                amount_after=before - discount,
                discount=discount,
                created_at=at,
            )
        )
        total, n = total + discount, n + 1
    rows.sort(key=lambda r: r.created_at)  # recorded in the order they happened, as tills do
    Redemption.objects.bulk_create(rows, batch_size=2_000)


def load_demo_merchants(admin: Any, service: CardProduct, tour: CardProduct) -> int:
    """商南's 23 merchants with their terms and a cashier each, and the redemptions behind 70余万元."""
    org = OrgNode.objects.get(code="shangnan")
    before = Merchant.objects.filter(org=org).count()
    shops = []
    for index, (name, category, percent) in enumerate(SHOPS):
        shop = _shop(admin, org, index, name, category)
        product = tour if category == "tourism" else service
        MerchantTerm.objects.get_or_create(
            merchant=shop,
            product=product,
            defaults={"percent_off": Decimal(percent), "text": f"凭{product.name}优惠{percent}%"},
        )
        shops.append((shop, percent))
    if not Redemption.objects.filter(merchant__org=org).exists():
        cards = list(
            MemberCard.objects.filter(product__in=[service, tour], status="active").values_list(
                "pk", "person_id", "org_id"
            )
        )
        _redemptions(shops, cards)
    return Merchant.objects.filter(org=org).count() - before

"""Anomalies a union looks at: one card at many merchants within minutes; a merchant far above its peers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gonghui.benefits import anomalies
from gonghui.benefits.models import Merchant, Redemption
from tests.benefits.conftest import Shop, sign_shop
from tests.factories import make_member


def _sale(shop: Shop, merchant: Merchant, at: dt.datetime, key: str, member_seq: int = 1) -> None:
    member = shop.member if member_seq == 1 else make_member(shop.tree.union, member_seq)
    Redemption.objects.create(
        merchant=merchant,
        card=shop.card,
        person=member.person,
        org=member.org,
        key=key,
        amount_before=Decimal(50),
        amount_after=Decimal(45),
        discount=Decimal(5),
        created_at=at,
    )


def test_one_card_at_three_shops_in_ten_minutes(shop: Shop) -> None:
    shops = [shop.merchant, sign_shop(shop.tree, "商南二号店"), sign_shop(shop.tree, "商南三号店")]
    now = timezone.now()
    for i, merchant in enumerate(shops):
        _sale(shop, merchant, now - dt.timedelta(minutes=9 - 4 * i), f"burst-{i:04d}")
    found = anomalies.card_bursts(shop.tree.cadre)
    assert [(b.person_id, b.merchants) for b in found] == [(shop.member.person_id, 3)]
    assert "李会员" not in found[0].label
    assert anomalies.card_bursts(shop.tree.outsider) == []  # another union's cadre sees none of it


def test_spread_out_use_is_not_flagged(shop: Shop) -> None:
    shops = [shop.merchant, sign_shop(shop.tree, "商南二号店"), sign_shop(shop.tree, "商南三号店")]
    now = timezone.now()
    for i, merchant in enumerate(shops):
        _sale(shop, merchant, now - dt.timedelta(minutes=30 * i), f"calm-{i:04d}")
    assert anomalies.card_bursts(shop.tree.cadre) == []


def test_a_merchant_far_above_its_peers(shop: Shop) -> None:
    peers = [sign_shop(shop.tree, f"商南同类餐馆{i}") for i in range(3)]
    now = timezone.now()
    for i, merchant in enumerate(peers):
        for j in range(3):
            _sale(shop, merchant, now - dt.timedelta(hours=j + 1), f"peer-{i}-{j}")
    for j in range(40):
        _sale(shop, shop.merchant, now - dt.timedelta(hours=j + 1), f"busy-{j:04d}")
    with CaptureQueriesContext(connection) as queries:
        busy = anomalies.busy_merchants(shop.tree.cadre)
    assert [(b.merchant, b.count) for b in busy] == [(shop.merchant, 40)]
    assert len(queries) <= 4  # the scope, one grouped count, one fetch of the flagged shops

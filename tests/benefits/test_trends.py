"""会员普惠's monthly trend: redemptions by the subtree's members, by month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gonghui.benefits.models import Redemption
from gonghui.benefits.trends import redemptions_by_month
from gonghui.common.figures import TRENDS
from tests.benefits.conftest import Shop
from tests.factories import make_member, today


def local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 12))


def test_redemptions_by_month_of_the_members_union(shop: Shop, django_assert_num_queries: object) -> None:
    year = today().year - 1
    other = make_member(shop.tree.other, 2, name="富水会员")
    other_card = shop.issue(other)

    def sale(key: str, member_org: object, card: object, person: object, when: dt.datetime) -> None:
        Redemption.objects.create(
            merchant=shop.merchant, card=card, person=person, org=member_org, key=key,
            amount_before=Decimal(100), amount_after=Decimal(90), discount=Decimal(10), created_at=when,
        )  # fmt: skip

    sale("a", shop.tree.union, shop.card, shop.member.person, local(year, 1, 5))
    sale("b", shop.tree.union, shop.card, shop.member.person, local(year, 1, 20))
    sale("c", shop.tree.other, other_card, other.person, local(year, 12, 31))
    sale("d", shop.tree.union, shop.card, shop.member.person, local(year + 1, 1, 1))  # next year
    with django_assert_num_queries(1):  # type: ignore[operator]
        county = redemptions_by_month(shop.tree.county, year)
    assert county == {1: 2, 12: 1}
    assert redemptions_by_month(shop.tree.other, year) == {12: 1}
    assert TRENDS["redemptions"].compute is redemptions_by_month

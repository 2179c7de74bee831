"""会员普惠 figures for any period: discounts redeemed in it and accumulated by its end, cards issued in it, and
the merchants under agreement at its end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from gonghui.benefits.figures import benefits_figures
from gonghui.benefits.models import MemberCard, Merchant, Redemption
from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.reports.periods import month_period, quarter_period, to_date_period, year_period
from tests.benefits.conftest import Shop
from tests.factories import make_member, make_org, today


def local(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 12))


@pytest.fixture
def sales(shop: Shop) -> Shop:
    """Last year (y): the union's member saved 10 on 5 and 20 January, the other union's 15 on 31 December; this
    year the union's member saved 20 on 1 January. The card took effect on 1 February last year; the shop's
    agreement runs from 1 June last year."""
    y = today().year - 1
    other = make_member(shop.tree.other, 2, name="富水会员")
    other_card = shop.issue(other)
    for key, org, card, person, when, saved in (
        ("a", shop.tree.union, shop.card, shop.member.person, local(y, 1, 5), 10),
        ("b", shop.tree.union, shop.card, shop.member.person, local(y, 1, 20), 10),
        ("c", shop.tree.other, other_card, other.person, local(y, 12, 31), 15),
        ("d", shop.tree.union, shop.card, shop.member.person, local(y + 1, 1, 1), 20),
    ):
        Redemption.objects.create(
            merchant=shop.merchant, card=card, person=person, org=org, key=key, amount_before=Decimal(100),
            amount_after=Decimal(100 - saved), discount=Decimal(saved), created_at=when,
        )  # fmt: skip
    MemberCard.objects.filter(pk=shop.card.pk).update(valid_from=dt.date(y, 2, 1))
    Merchant.objects.filter(pk=shop.merchant.pk).update(agreement_from=dt.date(y, 6, 1))
    return shop


def values(shop: Shop, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in benefits_figures(shop.tree.county, period)}


def test_discounts_in_the_period_and_accumulated_by_its_end(sales: Shop) -> None:
    y = today().year - 1
    q1 = values(sales, quarter_period(y, 1))
    assert (q1["redemptions"], q1["discount_year"], q1["discount_total"]) == (2, 20, 20)
    december = values(sales, month_period(y, 12))
    assert (december["redemptions"], december["discount_year"], december["discount_total"]) == (1, 15, 35)
    year = values(sales, year_period(y))
    assert (year["redemptions"], year["discount_year"], year["discount_total"]) == (3, 35, 35)
    now = values(sales, to_date_period(y + 1))
    assert (now["redemptions"], now["discount_year"], now["discount_total"]) == (1, 20, 55)
    assert {f.key: f.value for f in benefits_figures(sales.tree.other, year_period(y))}["discount_year"] == 15


def test_cards_issued_in_the_period_and_merchants_under_agreement_at_its_end(sales: Shop) -> None:
    y = today().year - 1
    assert (
        values(sales, quarter_period(y, 1))["cards_issued"],
        values(sales, quarter_period(y, 2))["cards_issued"],
    ) == (
        1,
        0,
    )
    assert values(sales, quarter_period(y, 1))["merchants"] == 0  # the agreement began on 1 June
    assert values(sales, year_period(y))["merchants"] == 1
    assert values(sales, to_date_period(y + 1))["merchants"] == 1


def test_what_stands_on_a_day_is_recounted(sales: Shop, django_assert_num_queries: Any) -> None:
    y = today().year - 1
    figures = {f.key: f for f in benefits_figures(sales.tree.county, year_period(y))}
    recounted = {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT}
    assert recounted == {
        "cards",
        "cards_service",
        "cards_tour",
        "cards_cobrand",
        "cards_pending",
        "merchants",
        "discount_total",
    }
    assert all(f.definition for f in figures.values()) and FIGURE_GROUPS["benefits"].periodic
    for n in range(4):
        make_org(f"新基层工会{n}", parent=sales.tree.county)
    with django_assert_num_queries(4):  # cards, merchants, redemptions, vouchers
        benefits_figures(sales.tree.county, year_period(y))

"""The 会员普惠 lists honour what the figures link with (issue 19): the card page shows the cards a union's
members hold (`held`: a status, a kind, 生效日期 between start and end); the merchant list those under agreement
on a day (`end`); the redemption list a union's members' redemptions in a period (or until its end), wherever they
shopped; the voucher page the vouchers they took in it (`status`: the total counts those since used or expired)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.benefits import merchants, services, vouchers
from gonghui.benefits.choices import CardStatus, MerchantStatus, VoucherStatus
from gonghui.benefits.figures import benefits_figures
from gonghui.benefits.models import MemberCard, Merchant, Redemption, Voucher
from gonghui.common.figures import Period
from gonghui.orgs.demo import demo_uscc
from gonghui.reports.periods import quarter_period
from tests.benefits.conftest import Shop, cool_vouchers
from tests.factories import make_member, today
from tests.orgs.drilldown import PERIODS, client_of, follow, found

PRODUCTS, MERCHANTS = reverse("benefits:products"), reverse("benefits:merchants")
REDEMPTIONS, VOUCHERS = reverse("benefits:redemptions"), reverse("benefits:vouchers")


def local(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def effective(card: MemberCard, day: dt.date, status: str = CardStatus.ACTIVE) -> MemberCard:
    MemberCard.objects.filter(pk=card.pk).update(valid_from=day, status=status)
    return card


def signed(org: Any, actor: Any, name: str, start: dt.date, until: dt.date) -> Merchant:
    data = merchants.MerchantFields(
        name=name,
        uscc=demo_uscc("92", "611023", name),
        category="food",
        address="测试路 1 号",
        agreement_from=today() - dt.timedelta(days=1),
        agreement_until=today() + dt.timedelta(days=30),
    )
    merchant = merchants.merchant_decide(
        actor=actor, merchant=merchants.merchant_create(actor=actor, org=org, data=data), approve=True
    )
    Merchant.objects.filter(pk=merchant.pk).update(agreement_from=start, agreement_until=until)
    return merchant


def sale(where: Merchant, card: MemberCard, org: Any, when: dt.datetime, saved: int) -> None:
    Redemption.objects.create(
        merchant=where, card=card, person=card.person, org=org, key=f"k{Redemption.objects.count()}",
        amount_before=Decimal(100), amount_after=Decimal(100 - saved), discount=Decimal(saved), created_at=when,
    )  # fmt: skip


@pytest.fixture
def benefits(shop: Shop) -> Shop:
    """Hand-counted, last year (y) by local time, for 商南 (城关 and 富水) and 泰安 beside it.
    Cards (held today): 城关's 1 (service, 生效 1 July) and 2 (service, 30 June), 富水's 3 (tour, 30 September
    23:30's day) active; 城关's 4 applied; 富水's 5 cancelled (生效 1 August); 富水's 6 active since today.
    Merchants: the county's shop (agreement from 1 January y, for a year from now), 城关's 小馆 (1 January to
    29 September y), 富水's pending one; 泰安's own shop.
    Redemptions: 城关 1 July 00:30 (10 yuan off), 富水 30 September 23:30 (15), 城关 at 泰安's shop 8 August (20);
    outside the quarter 城关 30 June 23:30 (7) and 1 October 00:10 (9); 泰安's member at the county's shop in
    August (30); 城关 today (5).
    Vouchers taken: 城关's 1 on 2 July (used), 2 on 2 August (expired), 富水's 3 on 30 September 23:30; 城关's 4 on
    30 June 23:30; 泰安's on 3 August; 富水's 6 today."""
    t, y = shop.tree, today().year - 1
    tour = services.card_product_create(
        actor=t.cadre, org=t.county, data=services.ProductFields(name="商南县旅游年卡", kind="tour")
    )
    members = {n: make_member(t.union if n in (1, 2, 4) else t.other, n) for n in (2, 3, 4, 5, 6)} | {1: shop.member}
    effective(shop.card, dt.date(y, 7, 1))
    effective(shop.issue(members[2]), dt.date(y, 6, 30))
    effective(shop.issue(members[3], tour), dt.date(y, 9, 30))
    services.card_apply(person=members[4].person, product=shop.product)
    effective(shop.issue(members[5]), dt.date(y, 8, 1), CardStatus.CANCELLED)
    shop.issue(members[6])
    Merchant.objects.filter(pk=shop.merchant.pk).update(agreement_from=dt.date(y, 1, 1))
    signed(t.union, t.cadre, "城关小馆", dt.date(y, 1, 1), dt.date(y, 9, 29))
    pending = signed(t.other, t.cadre, "富水小馆", dt.date(y, 1, 1), dt.date(y + 1, 12, 31))
    Merchant.objects.filter(pk=pending.pk).update(status=MerchantStatus.PENDING)
    theirs = signed(t.stranger, t.outsider, "泰安小馆", dt.date(y, 1, 1), dt.date(y + 1, 12, 31))
    stranger = make_member(t.stranger, 9)
    stranger_card = MemberCard.objects.create(
        product=shop.product, person=stranger.person, membership=stranger, org=t.stranger, number="TA0000000009",
        status=CardStatus.ACTIVE, valid_from=dt.date(y, 7, 1),
    )  # fmt: skip
    card3 = MemberCard.objects.get(person=members[3].person)
    for where, card, org, when, saved in (
        (shop.merchant, shop.card, t.union, local(dt.date(y, 7, 1), 0, 30), 10),
        (shop.merchant, card3, t.other, local(dt.date(y, 9, 30), 23, 30), 15),
        (theirs, shop.card, t.union, local(dt.date(y, 8, 8)), 20),
        (shop.merchant, shop.card, t.union, local(dt.date(y, 6, 30), 23, 30), 7),
        (shop.merchant, shop.card, t.union, local(dt.date(y, 10, 1), 0, 10), 9),
        (shop.merchant, stranger_card, t.stranger, local(dt.date(y, 8, 9)), 30),
        (shop.merchant, shop.card, t.union, local(today(), 0, 5), 5),
    ):
        sale(where, card, org, when, saved)
    campaign = cool_vouchers(t, [shop.merchant])
    for n, when, status in (
        (1, local(dt.date(y, 7, 2)), VoucherStatus.REDEEMED),
        (2, local(dt.date(y, 8, 2)), VoucherStatus.EXPIRED),
        (3, local(dt.date(y, 9, 30), 23, 30), VoucherStatus.ISSUED),
        (4, local(dt.date(y, 6, 30), 23, 30), VoucherStatus.ISSUED),
        (5, local(dt.date(y, 8, 3)), VoucherStatus.ISSUED),
        (6, local(today(), 0, 5), VoucherStatus.ISSUED),
    ):
        voucher = vouchers.voucher_take(campaign=campaign, membership=members[n])
        Voucher.objects.filter(pk=voucher.pk).update(issued_at=when, status=status)
    Voucher.objects.filter(person=members[5].person).update(org=t.stranger)  # as if 泰安's member took it
    return shop


YUAN = {"discount_year", "discount_total"}


@pytest.mark.parametrize("period", PERIODS.values(), ids=PERIODS.keys())
def test_each_figures_link_lists_what_the_figure_counts(benefits: Shop, period: Any) -> None:
    span: Period = period()
    t, client = benefits.tree, client_of(benefits.tree.cadre)
    for org in (t.county, t.union, t.other):
        for figure in benefits_figures(org, span):
            page = follow(client, figure.url)
            if figure.key in YUAN:  # the redemptions summed, and their sum
                assert f"优惠合计 {figure.value:,.2f} 元" in page, (figure.key, org.name, figure.url)
            else:
                assert found(page) == figure.value, (figure.key, org.name, figure.url)


def test_the_quarters_figures_are_the_hand_counted_ones(benefits: Shop) -> None:
    q3 = quarter_period(today().year - 1, 3)
    county = {f.key: f.value for f in benefits_figures(benefits.tree.county, q3)}
    assert county == {
        "cards": 4,  # 1, 2, 3 and 6, today
        "cards_service": 3,
        "cards_tour": 1,
        "cards_cobrand": 0,
        "cards_issued": 3,  # 1, 3 and the cancelled 5
        "cards_pending": 1,
        "merchants": 1,
        "redemptions": 3,
        "discount_year": Decimal(45),
        "discount_total": Decimal(52),
        "vouchers_issued": 3,
        "vouchers_redeemed": 1,
        "vouchers_expired": 1,
    }


def test_the_redemptions_of_a_unions_members_wherever_they_shopped(benefits: Shop) -> None:
    t, y = benefits.tree, today().year - 1
    page = follow(client_of(t.cadre), REDEMPTIONS, under=t.union.code, start=f"{y}-07-01", end=f"{y}-09-30")
    assert found(page) == 2 and "泰安小馆" in page  # 泰安's shop, shown but not linked: not the county's to open
    assert f'href="/benefits/merchants/{Merchant.objects.get(name="泰安小馆").pk}/"' not in page
    # The whole scope is paged by key and not counted (one more with every sale): its rows are
    everything = follow(client_of(t.cadre), REDEMPTIONS)
    assert 'id="found"' not in everything
    assert _sales(everything) == 7  # at the county's shop (泰安's member too) and by its members anywhere
    assert _sales(follow(client_of(t.outsider), REDEMPTIONS)) == 2  # at 泰安's shop, and by 泰安's member


def _sales(page: str) -> int:
    """The rows of the redemption table."""
    body = page.split('id="redemptions"', 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr><td>")  # the empty table's one row is <tr><td colspan=…>


def test_a_search_keeps_the_drill_down(benefits: Shop) -> None:
    q3, t = quarter_period(today().year - 1, 3), benefits.tree
    figure = next(f for f in benefits_figures(t.county, q3) if f.key == "cards_issued")
    page = follow(client_of(t.cadre), figure.url)
    assert f'name="under" value="{t.county.code}"' in page and 'name="held" value="1"' in page
    assert f'name="start" value="{q3.start.isoformat()}"' in page


def test_the_lists_without_a_drill_down_are_as_before(benefits: Shop) -> None:
    client = client_of(benefits.tree.cadre)
    assert 'id="products"' in follow(client, PRODUCTS, under=benefits.tree.county.code)  # the county's products
    assert found(follow(client, MERCHANTS)) == 3 and found(follow(client, MERCHANTS, status="approved")) == 2


@pytest.mark.parametrize("url", [PRODUCTS, MERCHANTS, REDEMPTIONS, VOUCHERS])
def test_a_union_outside_the_scope_is_refused(benefits: Shop, url: str) -> None:
    t = benefits.tree
    response = client_of(t.outsider).get(url, {"under": t.county.code, "held": "1", "start": "2025-01-01"})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    assert client_of(t.union_cadre).get(url, {"under": t.other.code, "held": "1"}).status_code == 404


BAD = [
    ({"start": "2026-13-40"}, "有效的日期"),
    ({"start": "2026-05-01", "end": "2026-04-01"}, "截止日期不能早于起始日期"),
]


@pytest.mark.parametrize(("params", "error"), BAD)
@pytest.mark.parametrize("url", [f"{PRODUCTS}?held=1", MERCHANTS, REDEMPTIONS, VOUCHERS])
def test_bad_dates_list_nothing_and_say_why(benefits: Shop, url: str, params: dict[str, str], error: str) -> None:
    page = follow(client_of(benefits.tree.cadre), url, under=benefits.tree.county.code, **params)
    assert error in page and 'id="filter-errors"' in page and found(page) == 0


def test_the_redemption_lists_queries_do_not_grow(benefits: Shop, django_assert_max_num_queries: Any) -> None:
    t, client = benefits.tree, client_of(benefits.tree.cadre)
    url = f"{REDEMPTIONS}?under={t.county.code}"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(10):
        sale(benefits.merchant, benefits.card, t.union, local(today(), 1, n), 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 16

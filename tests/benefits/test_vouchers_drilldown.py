"""The voucher page honours what the 消费券 figures link with (issue 19): with `under` (in scope) and a period's
bounds it shows the vouchers the union's members took, by campaign, and their totals, which are the figures."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from gonghui.benefits import vouchers
from gonghui.benefits.figures import benefits_figures
from gonghui.reports.periods import to_date_period
from tests.benefits.conftest import Shop, cool_vouchers
from tests.factories import make_member, today
from tests.orgs.drilldown import bounds, client_of, follow, found

LIST = reverse("benefits:vouchers")


@pytest.fixture
def taken(shop: Shop) -> Shop:
    """The county's 夏季清凉券: 城关's member 1 and member 2 took one each (member 2's has expired), 富水's
    member 3 took one."""
    campaign = cool_vouchers(shop.tree, [shop.merchant])
    late = vouchers.voucher_take(campaign=campaign, membership=make_member(shop.tree.union, 2))
    vouchers.vouchers_expire(now=late.expires_at)
    vouchers.voucher_take(campaign=campaign, membership=shop.member)
    vouchers.voucher_take(campaign=campaign, membership=make_member(shop.tree.other, 3))
    return shop


def test_the_figures_link_lists_the_vouchers_they_count(taken: Shop) -> None:
    t, client = taken.tree, client_of(taken.tree.cadre)
    period = to_date_period(today().year)
    figures = {f.key: f for f in benefits_figures(t.county, period)}
    page = follow(client, figures["vouchers_issued"].url, **bounds(period))
    assert found(page) == figures["vouchers_issued"].value == 3
    assert f"过期退回 {figures['vouchers_expired'].value} 张" in page and "夏季清凉券" in page
    union = follow(client, f"{LIST}?under={t.union.code}")
    assert found(union) == 2 and "其中已使用 0 张，过期退回 1 张" in union  # 富水's member is not 城关's
    assert "新建消费券活动" in follow(client, LIST) and 'id="vouchers-taken"' not in follow(client, LIST)


def test_a_union_outside_the_scope_is_refused(taken: Shop) -> None:
    response = client_of(taken.tree.outsider).get(LIST, {"under": taken.tree.county.code})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
    union_cadre = client_of(taken.tree.union_cadre)
    assert union_cadre.get(LIST, {"under": taken.tree.other.code}).status_code == 404


def test_bad_dates_list_nothing(taken: Shop) -> None:
    page = follow(client_of(taken.tree.cadre), f"{LIST}?under={taken.tree.county.code}", start="2026-02-01", end="1")
    assert "有效的日期" in page and found(page) == 0


def test_the_pages_queries_do_not_grow(taken: Shop, django_assert_max_num_queries: Any) -> None:
    client, url = client_of(taken.tree.cadre), f"{LIST}?under={taken.tree.county.code}"
    client.get(url)
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    campaign = cool_vouchers(taken.tree, [taken.merchant], name="第二期清凉券")
    for n in range(10):
        vouchers.voucher_take(campaign=campaign, membership=make_member(taken.tree.other, 10 + n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 13

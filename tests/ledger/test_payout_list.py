"""The payout list honours what the 帮扶发放 figures link with (issue 19): a union's subtree, the status, the
period's 发放日期, a kind, those made in campaigns; what it lists adds up to the figure. Against the hand-counted
ledger of tests/ledger/figures_fixtures.py (甲 a and 乙 b under the county, 丙 s under the sibling county)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.figures import ledger_figures
from gonghui.ledger.models import Payout
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, year_period
from tests.factories import UserFactory, grant, today
from tests.ledger.figures_fixtures import Ledger, build_ledger
from tests.orgs.drilldown import bounds, client_of, follow, found
from tests.orgs.figures_fixtures import figure_tree

LIST = reverse("ledger:payouts")


@pytest.fixture
def ledger(db: None) -> Ledger:
    return build_ledger(figure_tree())


@pytest.fixture
def cadre(ledger: Ledger) -> Any:
    user = UserFactory(username="f-city-finance")
    grant(user, ledger.tree.city, Role.FINANCE)
    return user


def rows(page: str) -> int:
    return len(re.findall(r"data-payout=", page))


def more(org: OrgNode, n: int, maker: Any) -> None:
    """`n` more approved payouts of 1 yuan each to the union's enterprise, on 1 August of the figures' year."""
    enterprise = Enterprise.objects.filter(union=org).first()
    for _n in range(n):
        Payout.objects.create(
            org=org,
            enterprise=enterprise,
            kind=PayoutKind.OTHER,
            amount=Decimal(1),
            fund=FundSource.UNION_FUNDS,
            paid_on=dt.date(today().year - 1, 8, 1),
            status=PayoutStatus.APPROVED,
            maker=maker,
        )


def test_a_childs_figures_link_lists_the_payouts_they_count(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    year = year_period(t.year)
    figures = {f.key: f for f in ledger_figures(t.county, year)}
    page = follow(client, figures["ledger_payouts"].url, **bounds(year))
    assert found(page) == rows(page) == figures["ledger_payouts"].value == 5
    assert "5,500.00" in page and f"{figures['ledger_amount'].value:,}" == "5,500.00"
    assert "物资 200.00 元" in page and "受助职工 3 人" in page  # ledger_goods, ledger_people
    assert "职工606" not in page  # 丙's payout, in the sibling county


def test_the_list_narrows_to_the_union_and_leaves_out_its_sibling(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    page = follow(client, f"{LIST}?under={t.a.code}", status=PayoutStatus.APPROVED, **bounds(year_period(t.year)))
    assert found(page) == 3 and "2,000.00" in page  # 1,000 + goods 200 + 800 (an enterprise)
    assert "职工603" not in page  # 乙's medical aid
    assert found(follow(client, f"{LIST}?under={t.a.code}")) == 6  # all statuses, the year before too
    whole = follow(client, f"{LIST}?status=approved", **bounds(year_period(t.year)))
    assert found(whole) == 6  # the city's scope: the sibling county's payout too


def test_a_quarter_a_kind_and_campaigns_narrow_as_the_figures_count(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    under = f"{LIST}?under={t.county.code}&status=approved"
    q1 = quarter_period(t.year, 1)
    page = follow(client, under, **bounds(q1))
    figures = {f.key: f.value for f in ledger_figures(t.county, q1)}
    assert found(page) == figures["ledger_payouts"] == 2 and "1,500.00" in page
    year = bounds(year_period(t.year))
    medical = follow(client, under, kind=PayoutKind.MEDICAL, **year)
    assert found(medical) == 1 and "3,000.00" in medical
    campaigns = follow(client, under, in_campaign=1, **year)
    assert found(campaigns) == 3 and "1,700.00" in campaigns  # ledger_campaign_amount
    pending = {f.key: f for f in ledger_figures(t.county, year_period(t.year))}["ledger_pending"]
    assert found(follow(client, pending.url)) == pending.value == 1


@pytest.mark.parametrize("code", ["f-sibling", "no-such-union"])
def test_a_union_outside_the_scope_is_refused_not_widened(ledger: Ledger, code: str) -> None:
    county_cadre = UserFactory(username="f-county-finance")
    grant(county_cadre, ledger.tree.county, Role.FINANCE)
    response = client_of(county_cadre).get(LIST, {"under": code, "status": "approved"})
    assert response.status_code == 404
    page = response.content.decode()
    assert f"找不到“{code}”，或它不在您的管理范围内。" in page and "data-payout" not in page


def test_bad_dates_list_nothing_and_say_why(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    page = follow(client, f"{LIST}?under={t.county.code}", start=f"{t.year}-12-31", end=f"{t.year}-01-01")
    assert "截止日期不能早于起始日期。" in page and found(page) == rows(page) == 0
    page = follow(client, f"{LIST}?under={t.county.code}", start="2026-02-30")
    assert "有效的日期" in page and found(page) == 0


def test_the_pager_keeps_the_drill_down(ledger: Ledger, cadre: Any) -> None:
    t = ledger.tree
    more(t.a, 50, cadre)
    page = follow(client_of(cadre), f"{LIST}?under={t.county.code}&status=approved", **bounds(year_period(t.year)))
    assert found(page) == 55 and rows(page) == 50
    kept = f"?under={t.county.code}&amp;status=approved&amp;start={t.year}-01-01&amp;end={t.year}-12-31"
    assert f"{kept}&amp;page=2" in page  # page 2 is the same drill-down's


def test_the_lists_queries_do_not_grow_with_its_rows(
    ledger: Ledger, cadre: Any, django_assert_max_num_queries: Any
) -> None:
    t, client = ledger.tree, client_of(cadre)
    url = f"{LIST}?under={t.county.code}&status=approved&start={t.year}-01-01&end={t.year}-12-31"
    client.get(url)  # the session, the user's roles: warm
    with django_assert_max_num_queries(9) as few:
        client.get(url)
    more(t.a, 20, cadre)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = follow(client, url)
    assert found(page) == 25

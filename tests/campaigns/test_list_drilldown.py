"""The campaign list honours what the 四季送 figures and the over-budget alert link with (issue 19): a union's
subtree (`under`, in scope), a kind, a year, the campaigns running in a period (start, end) and those whose
approved payouts exceed their budget (`over_budget`). On the hand-counted ledger of
tests/ledger/figures_fixtures.py (冬送温暖 by the county, 夏送清凉 by 甲, 春送岗位 by the sibling county's 丙)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.figures import campaign_figures
from gonghui.campaigns.models import Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.alerts import alerts_at
from gonghui.reports.periods import quarter_period, year_period
from tests.factories import UserFactory, grant, today
from tests.ledger.figures_fixtures import Ledger, build_ledger, campaign
from tests.orgs.drilldown import bounds, client_of, follow, found
from tests.orgs.figures_fixtures import figure_tree, person

LIST = reverse("campaigns:list")


@pytest.fixture
def ledger(db: None) -> Ledger:
    return build_ledger(figure_tree())


@pytest.fixture
def cadre(ledger: Ledger) -> Any:
    user = UserFactory(username="f-city-reader")
    grant(user, ledger.tree.city, Role.READONLY)
    return user


def spend(host: OrgNode, budget: int, paid: list[int], maker: Any) -> Campaign:
    """A campaign of this year with `budget`, and approved payouts of `paid` yuan by its host."""
    c = campaign(host, CampaignKind.SPECIAL, today().year, (1, 12), budget)
    for n, amount in enumerate(paid):
        Payout.objects.create(
            org=host,
            person=person(900 + 10 * c.pk + n),
            campaign=c,
            kind=PayoutKind.CONDOLENCE,
            amount=Decimal(amount),
            fund=FundSource.UNION_FUNDS,
            paid_on=dt.date(today().year, 1, 1),
            status=PayoutStatus.APPROVED,
            maker=maker,
        )
    return c


@pytest.mark.parametrize("period", [lambda y: year_period(y), lambda y: quarter_period(y, 3)])
def test_the_held_figures_list_the_campaigns_they_count(ledger: Ledger, cadre: Any, period: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    span = period(t.year)
    held = [f for f in campaign_figures(t.county, span) if f.key.endswith("_held")]
    assert len(held) == len(CampaignKind) + 1
    for figure in held:
        page = follow(client, figure.url, **bounds(span))
        assert found(page) == figure.value, (figure.key, figure.url)
        assert "丙基层工会" not in page  # 丙's 春送岗位, in the sibling county
    everything = follow(client, f"{LIST}?under={t.county.code}")
    assert found(everything) == 3  # with the county's 专项慰问 of the year before


def test_a_union_lists_its_own_campaigns_and_a_year(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    page = follow(client, f"{LIST}?under={t.a.code}")
    assert found(page) == 1 and f"{t.year}年夏送清凉" in page and f"{t.year}年冬送温暖" not in page  # the county's
    assert found(follow(client, f"{LIST}?under={t.county.code}", year=t.year)) == 2
    assert found(follow(client, LIST, year=t.year)) == 3  # the city's scope: 丙's 春送岗位 too


def test_the_over_budget_alert_lists_the_campaigns_it_counts(ledger: Ledger, cadre: Any) -> None:
    t, maker = ledger.tree, UserFactory(username="f-payer")
    spend(t.a, 1000, [600, 500], maker)  # 1,100 given against 1,000: over
    spend(t.b, 1000, [600, 400], maker)  # exactly the budget: not over
    spend(t.s, 500, [800], maker)  # over, in the sibling county
    client = client_of(cadre)
    alert = {a.key: a for a in alerts_at(cadre, t.county)}["overspent_campaigns"]
    page = follow(client, alert.url)
    assert found(page) == alert.count == 1 and "超过预算" in page and "甲基层工会" in page
    everywhere = {a.key: a for a in alerts_at(cadre, None)}["overspent_campaigns"]
    assert found(follow(client, everywhere.url)) == everywhere.count == 2


@pytest.mark.parametrize("code", ["f-s", "no-such-union"])
def test_a_union_outside_the_scope_is_refused(ledger: Ledger, code: str) -> None:
    county = UserFactory(username="f-county-reader")
    grant(county, ledger.tree.county, Role.READONLY)
    response = client_of(county).get(LIST, {"under": code, "over_budget": "1"})
    assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()


def test_bad_input_lists_nothing_and_says_why(ledger: Ledger, cadre: Any) -> None:
    client = client_of(cadre)
    page = follow(client, f"{LIST}?under=f-county", year="二〇二五")
    assert "输入整数。" in page and found(page) == 0
    page = follow(client, f"{LIST}?under=f-county", kind="autumn")
    assert "选择一个有效的选项" in page and found(page) == 0


def test_the_lists_queries_do_not_grow(ledger: Ledger, cadre: Any, django_assert_max_num_queries: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    url = f"{LIST}?under={t.county.code}&year={today().year}&over_budget=1"
    maker = UserFactory(username="f-payer")
    spend(t.a, 100, [200], maker)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(10):
        spend(t.b, 100, [150 + n, 10], maker)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 11

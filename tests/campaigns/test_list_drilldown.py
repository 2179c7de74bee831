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
from gonghui.campaigns.models import Campaign, JobFair
from gonghui.common.figures import Period
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.alerts import alerts_at
from gonghui.reports.periods import quarter_period, to_date_period
from tests.factories import UserFactory, grant, today
from tests.ledger.figures_fixtures import Ledger, build_ledger, campaign
from tests.ledger.test_payout_list import stated
from tests.orgs.drilldown import client_of, follow, found
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


@pytest.fixture
def finance(ledger: Ledger) -> Any:
    """A city cadre who sees the campaigns and the payouts (the amounts' and people's links are the ledger's)."""
    user = UserFactory(username="f-city-finance")
    grant(user, ledger.tree.city, Role.FINANCE)
    return user


@pytest.fixture
def this_year(ledger: Ledger) -> Ledger:
    """Today: 甲 pays 300 in the county's 冬送温暖 of this year and 80 in its own 春送岗位, where it holds a job fair
    offering 40 jobs; 丙 (the sibling county) holds one offering 60 in its own."""
    t, maker, day = ledger.tree, UserFactory(username="f-payer"), today()
    winter = campaign(t.county, CampaignKind.WINTER_WARMTH, day.year, (1, 12), 1000)
    spring = campaign(t.a, CampaignKind.SPRING_JOBS, day.year, (1, 12), 500)
    for n, (c, amount) in enumerate(((winter, 300), (spring, 80))):
        Payout.objects.create(
            org=t.a,
            person=person(630 + n),
            campaign=c,
            kind=PayoutKind.LIVING,
            amount=Decimal(amount),
            fund=FundSource.UNION_FUNDS,
            paid_on=day,
            status=PayoutStatus.APPROVED,
            maker=maker,
        )
    JobFair.objects.create(campaign=spring, held_on=day, place="甲镇广场", jobs_offered=40)
    sibling = campaign(t.s, CampaignKind.SPRING_JOBS, day.year, (1, 12), 500)
    JobFair.objects.create(campaign=sibling, held_on=day, place="丙镇广场", jobs_offered=60)
    return ledger


def each_figure_lists_what_it_counts(client: Any, org: OrgNode, period: Period, foreign: str) -> dict[str, Any]:
    """Follows each figure's own link (nothing added): the campaign list holds the campaigns held, the payout
    list states what they gave and reached, the campaign list of the fairs states the fairs and their jobs."""
    figures = campaign_figures(org, period)
    for figure in figures:
        page = follow(client, figure.url)
        assert foreign not in page, (figure.key, figure.url)
        if figure.key.endswith("_amount"):
            assert stated(page)["value"] == figure.value, (figure.key, figure.url)
        elif figure.key.endswith("_people"):
            assert stated(page)["people"] == figure.value, (figure.key, figure.url)
        elif figure.key == "campaigns_jobs_offered":
            assert f"提供岗位 {figure.value} 个" in page, figure.url
        else:
            assert found(page) == figure.value, (figure.key, figure.url)
    return {f.key: f.value for f in figures}


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_each_figure_of_a_quarter_lists_what_it_counts(ledger: Ledger, finance: Any, quarter: int) -> None:
    t, client = ledger.tree, client_of(finance)
    counted = each_figure_lists_what_it_counts(client, t.county, quarter_period(t.year, quarter), "丙基层工会")
    expected = {
        1: {"campaigns_held": 1, "campaigns_winter_warmth_amount": 1500, "campaigns_people": 1},
        2: {"campaigns_held": 0, "campaigns_amount": 0},
        3: {"campaigns_summer_cool_held": 1, "campaigns_summer_cool_amount": 200, "campaigns_summer_cool_people": 1},
        4: {"campaigns_held": 0, "campaigns_job_fairs": 0},
    }[quarter]
    assert {key: counted[key] for key in expected} == expected
    city = each_figure_lists_what_it_counts(client, t.city, quarter_period(t.year, quarter), "职工999")
    assert (city["campaigns_job_fairs"], city["campaigns_jobs_offered"]) == ((1, 120) if quarter == 1 else (0, 0))


def test_each_figure_of_the_year_so_far_lists_what_it_counts(this_year: Ledger, finance: Any) -> None:
    t, client = this_year.tree, client_of(finance)
    counted = each_figure_lists_what_it_counts(client, t.county, to_date_period(today().year), "丙镇广场")
    assert (counted["campaigns_held"], counted["campaigns_amount"], counted["campaigns_people"]) == (2, 380, 2)
    assert (counted["campaigns_spring_jobs_amount"], counted["campaigns_winter_warmth_people"]) == (80, 1)
    assert (counted["campaigns_job_fairs"], counted["campaigns_jobs_offered"]) == (1, 40)


def test_the_fairs_link_lists_the_campaigns_that_held_them(this_year: Ledger, finance: Any) -> None:
    t, client = this_year.tree, client_of(finance)
    fairs = {f.key: f for f in campaign_figures(t.city, to_date_period(today().year))}["campaigns_job_fairs"]
    page = follow(client, fairs.url)
    assert found(page) == fairs.value == 2 and "提供岗位 100 个（2 项活动）" in page and "招聘会举办日期从" in page


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
    page = follow(client, f"{LIST}?under=f-county&fairs=1", start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0


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

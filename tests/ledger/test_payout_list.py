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
from gonghui.campaigns.choices import CampaignKind
from gonghui.common.figures import Period
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.figures import ledger_figures
from gonghui.ledger.models import Payout
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Role
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from gonghui.reports.selectors import link_for_union
from tests.factories import UserFactory, grant, today
from tests.ledger.figures_fixtures import Ledger, build_ledger, campaign
from tests.orgs.drilldown import bounds, client_of, follow, found
from tests.orgs.figures_fixtures import figure_tree, person

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


def stated(page: str) -> dict[str, Decimal]:
    """What the list says its payouts add up to (its "共 N 笔…" line): n, value, goods, people, enterprises."""
    line = re.search(r'id="found">([^<]*)', page)
    assert line is not None
    numbers = [Decimal(n.replace(",", "")) for n in re.findall(r"[\d,]+(?:\.\d+)?", line.group(1))]
    return dict(zip(("n", "value", "goods", "people", "enterprises"), numbers, strict=True))


def measure(key: str) -> str:
    """Which of the list's totals a figure is."""
    if key in ("ledger_payouts", "ledger_pending"):
        return "n"
    return {"ledger_goods": "goods", "ledger_people": "people", "ledger_enterprises": "enterprises"}.get(key, "value")


@pytest.fixture
def this_year(ledger: Ledger) -> Ledger:
    """Today: 甲 pays 300 (生活救助) in this year's 冬送温暖 and has 10 waiting; 乙 gives an enterprise goods worth
    50; the sibling county's 丙 pays 70."""
    t, maker, day = ledger.tree, UserFactory(username="f-payer"), today()
    winter = campaign(t.county, CampaignKind.WINTER_WARMTH, day.year, (1, 12), 1000)
    worker, firm = person(620), Enterprise.objects.filter(union=t.a).first()
    for org, kind, amount, fields in (
        (t.a, PayoutKind.LIVING, 300, {"person": worker, "campaign": winter}),
        (t.a, PayoutKind.LIVING, 10, {"person": worker, "status": PayoutStatus.PENDING}),
        (t.b, PayoutKind.GOODS, 0, {"enterprise": firm, "goods_value": Decimal(50), "goods": "米面油"}),
        (t.s, PayoutKind.LIVING, 70, {"person": person(621)}),
    ):
        Payout.objects.create(
            org=org,
            kind=kind,
            amount=Decimal(amount),
            fund=FundSource.UNION_FUNDS,
            paid_on=day,
            maker=maker,
            **{"status": PayoutStatus.APPROVED, **fields},
        )
    return ledger


def each_figure_lists_what_it_counts(client: Any, org: OrgNode, period: Period) -> dict[str, Any]:
    """Follows each figure's own link (nothing added): the list's totals are the figure."""
    figures = ledger_figures(org, period)
    for figure in figures:
        page = follow(client, figure.url)
        assert stated(page)[measure(figure.key)] == figure.value, (figure.key, figure.url, stated(page))
        assert found(page) == rows(page)  # what the list states is what it lists
        assert "职工606" not in page and "职工621" not in page  # the sibling county's
    return {f.key: f.value for f in figures}


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_each_figure_of_a_quarter_lists_the_payouts_it_counts(ledger: Ledger, cadre: Any, quarter: int) -> None:
    t = ledger.tree
    counted = each_figure_lists_what_it_counts(client_of(cadre), t.county, quarter_period(t.year, quarter))
    expected = {
        1: {"ledger_payouts": 2, "ledger_kind_condolence": 500, "ledger_campaign_amount": 1500, "ledger_people": 1},
        2: {"ledger_amount": 3800, "ledger_kind_medical": 3000, "ledger_enterprises": 1, "ledger_campaign_amount": 0},
        3: {"ledger_goods": 200, "ledger_kind_goods": 200, "ledger_campaign_amount": 200},
        4: {"ledger_payouts": 0, "ledger_pending": 1},
    }[quarter]
    assert {key: counted[key] for key in expected} == expected


def test_each_figure_of_the_year_so_far_lists_the_payouts_it_counts(this_year: Ledger, cadre: Any) -> None:
    t = this_year.tree
    counted = each_figure_lists_what_it_counts(client_of(cadre), t.county, to_date_period(today().year))
    assert (counted["ledger_payouts"], counted["ledger_amount"], counted["ledger_goods"]) == (2, 350, 50)
    assert (counted["ledger_campaign_amount"], counted["ledger_kind_living"]) == (300, 300)
    assert counted["ledger_pending"] == 2  # today's 10 and last year's 999, waiting whatever their day
    assert (counted["ledger_people"], counted["ledger_enterprises"]) == (1, 1)
    b = each_figure_lists_what_it_counts(client_of(cadre), t.b, to_date_period(today().year))
    assert (b["ledger_payouts"], b["ledger_kind_goods"], b["ledger_campaign_amount"]) == (1, 50, 0)


def test_a_childs_figures_link_lists_the_payouts_they_count(ledger: Ledger, cadre: Any) -> None:
    t, client = ledger.tree, client_of(cadre)
    year = year_period(t.year)
    figures = {f.key: f for f in ledger_figures(t.county, year)}
    page = follow(client, figures["ledger_payouts"].url)
    assert found(page) == rows(page) == figures["ledger_payouts"].value == 5
    assert found(follow(client, link_for_union(figures["ledger_payouts"].url, t.county, t.b))) == 2  # b's cell
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
    page = follow(client, f"{LIST}?under={t.county.code}&in_campaign=1", start="2026-13-40", campaign_kind="x")
    assert "有效的日期" in page and "选择一个有效的选项" in page and found(page) == 0


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

"""发放 figures and the monthly payouts, against the hand-counted ledger of tests/ledger/figures_fixtures.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.figures import ALL_KINDS, Paid
from gonghui.common.figures import FIGURE_GROUPS, TRENDS, Rollup
from gonghui.ledger.figures import amount_by_month, campaign_paid, ledger_figures, payouts_by_month
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import month_period, quarter_period, year_period
from tests.factories import make_org
from tests.ledger.figures_fixtures import Ledger, build_ledger
from tests.orgs.figures_fixtures import figure_tree


@pytest.fixture
def ledger(db: None) -> Ledger:
    return build_ledger(figure_tree())


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in ledger_figures(org, period)}


def test_approved_payouts_of_the_subtree_by_paid_date(ledger: Ledger) -> None:
    t = ledger.tree
    year = values(t.county, year_period(t.year))
    assert (year["ledger_payouts"], year["ledger_amount"], year["ledger_goods"]) == (5, Decimal("5500.00"), 200)
    assert year["ledger_kind_living"] == 1000 and year["ledger_kind_condolence"] == 500
    assert (year["ledger_kind_medical"], year["ledger_kind_goods"], year["ledger_kind_other"]) == (3000, 200, 800)
    assert year["ledger_kind_study"] == 0
    assert year["ledger_campaign_amount"] == 1700
    assert (year["ledger_enterprises"], year["ledger_pending"]) == (1, 1)
    q1 = values(t.county, quarter_period(t.year, 1))
    assert (q1["ledger_payouts"], q1["ledger_amount"], q1["ledger_people"]) == (2, 1500, 1)
    assert values(t.county, month_period(t.year, 1))["ledger_payouts"] == 1
    assert values(t.county, t.year - 1)["ledger_payouts"] == 1  # 31 December the year before
    assert values(t.city, year_period(t.year))["ledger_payouts"] == 6  # with the sibling county's


def test_a_person_helped_by_two_unions_is_one_person_at_the_parent(ledger: Ledger) -> None:
    t = ledger.tree
    year = year_period(t.year)
    assert (values(t.a, year)["ledger_people"], values(t.b, year)["ledger_people"]) == (2, 2)
    assert values(t.county, year)["ledger_people"] == 3  # P1 was paid by a and by b
    figures = {f.key: f for f in ledger_figures(t.county, year)}
    assert figures["ledger_people"].rollup == Rollup.RECOUNT and figures["ledger_amount"].rollup == Rollup.SUM
    assert all(f.definition for f in figures.values())
    assert "under=f-county" in figures["ledger_amount"].url and "status=approved" in figures["ledger_amount"].url
    assert FIGURE_GROUPS["ledger"].periodic


def test_what_campaigns_gave_by_kind_for_the_campaigns_app(ledger: Ledger, django_assert_num_queries: Any) -> None:
    t = ledger.tree
    with django_assert_num_queries(2):
        paid = campaign_paid(t.county, year_period(t.year))
    assert paid == {
        CampaignKind.WINTER_WARMTH: Paid(Decimal("1500.00"), 1),
        CampaignKind.SUMMER_COOL: Paid(Decimal("200.00"), 1),
        ALL_KINDS: Paid(Decimal("1700.00"), 2),
    }


def test_monthly_payouts_are_one_grouped_query_each(ledger: Ledger, django_assert_num_queries: Any) -> None:
    t = ledger.tree
    with django_assert_num_queries(1):
        amounts = amount_by_month(t.county, t.year)
    assert amounts == {1: 1000, 2: 500, 4: 3000, 5: 800, 7: 200}
    with django_assert_num_queries(1):
        assert payouts_by_month(t.county, t.year) == {1: 1, 2: 1, 4: 1, 5: 1, 7: 1}
    assert TRENDS["ledger_amount"].compute is amount_by_month and TRENDS["ledger_payouts"].unit == "笔"


def test_the_figures_are_one_query_however_many_unions(ledger: Ledger, django_assert_num_queries: Any) -> None:
    for n in range(5):
        make_org(f"新基层工会{n}", parent=ledger.tree.county)
    with django_assert_num_queries(1):
        ledger_figures(ledger.tree.county, year_period(ledger.tree.year))

"""四季送 figures per campaign kind, against the hand-counted ledger of tests/ledger/figures_fixtures.py."""

from __future__ import annotations

from typing import Any

import pytest

from gonghui.campaigns import figures as campaign_figures
from gonghui.campaigns.figures import campaign_figures as compute
from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period, year_period
from tests.factories import make_org
from tests.ledger.figures_fixtures import Ledger, build_ledger
from tests.orgs.figures_fixtures import figure_tree


@pytest.fixture
def ledger(db: None) -> Ledger:
    return build_ledger(figure_tree())


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in compute(org, period)}


def test_campaigns_held_and_what_they_gave_by_kind(ledger: Ledger) -> None:
    t = ledger.tree
    year = values(t.county, year_period(t.year))
    assert (year["campaigns_held"], year["campaigns_winter_warmth_held"], year["campaigns_summer_cool_held"]) == (
        2,
        1,
        1,
    )
    assert year["campaigns_special_held"] == 0  # the year before
    assert (year["campaigns_winter_warmth_amount"], year["campaigns_winter_warmth_people"]) == (1500, 1)
    assert (year["campaigns_summer_cool_amount"], year["campaigns_summer_cool_people"]) == (200, 1)
    assert (year["campaigns_amount"], year["campaigns_people"]) == (1700, 2)
    assert (year["campaigns_autumn_study_amount"], year["campaigns_autumn_study_people"]) == (0, 0)
    assert (year["campaigns_job_fairs"], year["campaigns_jobs_offered"]) == (0, 0)  # the fair was the sibling's
    city = values(t.city, year_period(t.year))
    assert (city["campaigns_held"], city["campaigns_spring_jobs_held"], city["campaigns_jobs_offered"]) == (3, 1, 120)


def test_a_quarter_counts_the_campaigns_running_in_it(ledger: Ledger) -> None:
    t = ledger.tree
    q1 = values(t.county, quarter_period(t.year, 1))
    assert (q1["campaigns_held"], q1["campaigns_winter_warmth_amount"], q1["campaigns_summer_cool_held"]) == (
        1,
        1500,
        0,
    )
    q3 = values(t.county, quarter_period(t.year, 3))
    assert (q3["campaigns_held"], q3["campaigns_summer_cool_amount"]) == (1, 200)


def test_the_budgets_are_the_target_of_a_year(ledger: Ledger) -> None:
    t = ledger.tree
    figures = {f.key: f for f in compute(t.county, year_period(t.year))}
    assert figures["campaigns_amount"].target == 15_000  # not the year before's 专项慰问
    assert figures["campaigns_winter_warmth_amount"].target == 10_000
    assert figures["campaigns_summer_cool_amount"].target == 5_000
    assert figures["campaigns_autumn_study_amount"].target is None  # no budget set
    assert {f.key: f for f in compute(t.a, year_period(t.year))}["campaigns_amount"].target == 5_000
    quarter = {f.key: f for f in compute(t.county, quarter_period(t.year, 1))}
    assert quarter["campaigns_winter_warmth_amount"].target is None  # a budget is for the year


def test_what_is_recounted_and_what_each_says(ledger: Ledger) -> None:
    figures = compute(ledger.tree.county, year_period(ledger.tree.year))
    assert {f.key for f in figures if f.rollup == Rollup.RECOUNT} == {
        "campaigns_people",
        *(f"campaigns_{k}_people" for k in ("spring_jobs", "summer_cool", "autumn_study", "winter_warmth", "special")),
    }
    by_key = {f.key: f for f in figures}
    assert "冬送温暖" in str(by_key["campaigns_winter_warmth_amount"].definition)
    assert "kind=winter_warmth" in by_key["campaigns_winter_warmth_held"].url
    assert all(f.definition and "under=f-county" in f.url for f in figures)
    assert FIGURE_GROUPS["campaigns"].periodic


def test_without_the_ledger_the_money_is_not_counted(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(campaign_figures, "_paid_readers", [])
    year = values(ledger.tree.county, year_period(ledger.tree.year))
    assert year["campaigns_amount"] is None and year["campaigns_people"] is None and year["campaigns_held"] == 2


def test_a_few_queries_however_many_unions(ledger: Ledger, django_assert_num_queries: Any) -> None:
    for n in range(5):
        make_org(f"新基层工会{n}", parent=ledger.tree.county)
    with django_assert_num_queries(4):  # campaigns, job fairs, and the ledger's two
        compute(ledger.tree.county, year_period(ledger.tree.year))

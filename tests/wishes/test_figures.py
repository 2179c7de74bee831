"""微心愿 figures: posted, on the wall, claimed, come true and their value, per union subtree and year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.reports.periods import month_period, quarter_period, year_period
from gonghui.wishes.figures import wishes_figures
from gonghui.wishes.models import Wish
from tests.factories import Tree, today
from tests.wishes.factories import make_wish


def test_the_figures_count_the_subtree_and_link_to_the_list(tree: Tree) -> None:
    make_wish(tree.union, tree.cadre, status="pending")
    make_wish(tree.union, tree.cadre, status="open")
    make_wish(tree.union, tree.cadre, status="claimed")
    make_wish(tree.union, tree.cadre, status="fulfilled", value=Decimal("99.5"))
    make_wish(tree.other, tree.cadre, status="received", value=Decimal(200))
    make_wish(tree.stranger, tree.cadre, status="received", value=Decimal(300))
    year = timezone.localdate().year
    county = {f.key: f for f in wishes_figures(tree.county, year)}
    assert county["wishes_posted"].value == 5
    assert county["wishes_open"].value == 1
    assert county["wishes_claimed"].value == 3
    assert county["wishes_fulfilled"].value == 2
    assert county["wishes_value"].value == Decimal("299.5")
    assert county["wishes_fulfilled"].url.endswith(
        f"under={tree.county.code}&start={year}-01-01&end={year}-12-31&status=done"
    )
    assert all(f.definition for f in county.values())
    union = {f.key: f.value for f in wishes_figures(tree.union, year)}
    assert union["wishes_posted"] == 4 and union["wishes_value"] == Decimal("99.5")
    assert wishes_figures(tree.county, year - 1)[0].value == 0
    assert "wishes" in FIGURE_GROUPS


def test_wishes_count_in_the_period_they_were_posted(tree: Tree, django_assert_num_queries: Any) -> None:
    """Last year: wishes posted on 10 March (come true, 100), 20 March (open) and 2 July (come true, 50)."""
    y = today().year - 1
    for status, posted, value in (("fulfilled", (3, 10), 100), ("open", (3, 20), 120), ("received", (7, 2), 50)):
        wish = make_wish(tree.union, tree.cadre, status=status, value=Decimal(value))
        Wish.objects.filter(pk=wish.pk).update(created_at=timezone.make_aware(dt.datetime(y, *posted, 9)))

    def values(period: Any) -> dict[str, Any]:
        return {f.key: f.value for f in wishes_figures(tree.county, period)}

    q1, q3 = values(quarter_period(y, 1)), values(quarter_period(y, 3))
    assert (q1["wishes_posted"], q1["wishes_open"], q1["wishes_fulfilled"], q1["wishes_value"]) == (2, 1, 1, 100)
    assert (q3["wishes_posted"], q3["wishes_fulfilled"], q3["wishes_value"]) == (1, 1, 50)
    assert values(month_period(y, 3)) == q1 and values(year_period(y))["wishes_posted"] == 3
    assert FIGURE_GROUPS["wishes"].periodic
    assert {f.key for f in wishes_figures(tree.county, y) if f.rollup == Rollup.RECOUNT} == {"wishes_open"}
    with django_assert_num_queries(1):
        wishes_figures(tree.county, year_period(y))

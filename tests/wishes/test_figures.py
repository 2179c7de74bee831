"""微心愿 figures: posted, on the wall, claimed, come true and their value, per union subtree and year."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS
from gonghui.wishes.figures import wishes_figures
from tests.factories import Tree
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
    assert county["wishes_fulfilled"].url.endswith(f"under={tree.county.code}&year={year}&status=done")
    assert all(f.definition for f in county.values())
    union = {f.key: f.value for f in wishes_figures(tree.union, year)}
    assert union["wishes_posted"] == 4 and union["wishes_value"] == Decimal("99.5")
    assert wishes_figures(tree.county, year - 1)[0].value == 0
    assert "wishes" in FIGURE_GROUPS

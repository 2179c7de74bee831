"""职代会和厂务公开: which figures add up over the children and which a parent recounts (ADR 0019): the representatives
are those of each enterprise's latest congress (a stock), and shares never add up."""

from __future__ import annotations

from types import SimpleNamespace

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from tests.factories import today


def test_what_a_parent_recounts(db: None) -> None:
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = FIGURE_GROUPS["democracy"].compute(nowhere, today().year)
    recounted = {f.key for f in figures if f.rollup == Rollup.RECOUNT}
    expected = {"democracy_reps"} | {f.key for f in figures if f.key.startswith(("democracy_share_",))}
    assert recounted == expected and len(expected) > 1

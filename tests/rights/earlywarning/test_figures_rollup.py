"""劳动关系预警: which figures add up over the children and which a parent recounts (ADR 0019): each level's
enterprises and the open warnings stand on the day of the last recompute."""

from __future__ import annotations

from types import SimpleNamespace

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from tests.factories import today


def test_what_a_parent_recounts(db: None) -> None:
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = FIGURE_GROUPS["earlywarning"].compute(nowhere, today().year)
    recounted = {f.key for f in figures if f.rollup == Rollup.RECOUNT}
    expected = {"earlywarning_open"} | {f.key for f in figures if f.key.startswith(("earlywarning_level_",))}
    assert recounted == expected and len(expected) > 1

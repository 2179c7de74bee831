"""职工培训: which figures add up over the children and which a parent recounts (ADR 0019): 参训人数 counts a
person once however many classes they attended, in however many unions."""

from __future__ import annotations

from types import SimpleNamespace

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from tests.factories import today


def test_what_a_parent_recounts(db: None) -> None:
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = FIGURE_GROUPS["training"].compute(nowhere, today().year)
    recounted = {f.key for f in figures if f.rollup == Rollup.RECOUNT}
    assert recounted == {"training_people"} and figures

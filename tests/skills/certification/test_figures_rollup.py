"""技能等级认定: which figures add up over the children and which a parent recounts (ADR 0019): the pilot enterprises
stand on a day, and a person certified in two unions' batches is one person."""

from __future__ import annotations

from types import SimpleNamespace

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from tests.factories import today


def test_what_a_parent_recounts(db: None) -> None:
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = FIGURE_GROUPS["certification"].compute(nowhere, today().year)
    recounted = {f.key for f in figures if f.rollup == Rollup.RECOUNT}
    assert recounted == {"certification_people", "certification_pilots"} and figures

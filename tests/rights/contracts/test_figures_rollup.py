"""集体合同: which figures add up over the children and which a parent recounts (ADR 0019): an enterprise covered by
a regional and its own contract counts once, and what expires within 90 days stands on today."""

from __future__ import annotations

from types import SimpleNamespace

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from tests.factories import today


def test_what_a_parent_recounts(db: None) -> None:
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = FIGURE_GROUPS["contracts"].compute(nowhere, today().year)
    recounted = {f.key for f in figures if f.rollup == Rollup.RECOUNT}
    assert recounted == {"contracts_workers", "contracts_enterprises", "contracts_expiring"} and figures

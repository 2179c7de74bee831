"""A small tree (tests/factories.Tree: 商南县总工会 with two grassroots unions, 泰安 beside it) whose 劳模工匠助企行
figures are set by hand: the desk's figure group is replaced for the test by one that reads `Desk.values`, so a
test knows every number the report must say and can change them before writing it again."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.conf import LazySettings

from gonghui.common.figures import FIGURE_GROUPS, Figure, FigureGroup, Period
from gonghui.reports.periods import period_key, to_date_period
from tests.factories import Tree, today

STORY = {
    "experts": 30,
    "needs_solved": 62,
    "enterprises_helped": 22,
    "service_events": 24,
    "workers_trained": 310,
    "benefit": Decimal("5022000.00"),
}
UNITS = {
    "experts": "人",
    "enterprises_helped": "家",
    "service_events": "场",
    "workers_trained": "人次",
    "benefit": "元",
}


@dataclass
class Desk:
    tree: Tree
    values: dict[str, Any] = field(default_factory=lambda: dict(STORY))

    @property
    def period(self) -> str:
        """This year so far, as a key (2026-ytd)."""
        return period_key(to_date_period(today().year, today()))


@pytest.fixture
def desk(tree: Tree, monkeypatch: pytest.MonkeyPatch, settings: LazySettings) -> Desk:
    settings.GONGHUI_FIGURES_FRESH_SECONDS = 0  # every read counts again: a test changes the figures between reads
    state = Desk(tree=tree)

    def compute(org: Any, period: Period) -> list[Figure]:
        return [
            Figure(
                key, f"{key}的名称", value, UNITS.get(key, "个"), f"/experts/needs/?under={org.code}", f"{key}的口径"
            )
            for key, value in state.values.items()
        ]

    group = FigureGroup(key="desk", title="劳模工匠助企行", compute=compute, order=30, periodic=True)
    monkeypatch.setitem(FIGURE_GROUPS, "desk", group)
    return state

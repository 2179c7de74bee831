"""The permission walk's dashboard and 大屏 objects (ADR 0019): the union the cases open (town_a, whose staff and
ancestors' staff may) and a period. The World already holds what the alerts count: union_a's red warning, its
collective contract ending in 60 days, a pending join application (see tests/world_*.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone


def build_reports_dashboard(world: Any) -> SimpleNamespace:
    return SimpleNamespace(
        query={"under": world.town_a.code, "period": f"{timezone.localdate().year}-ytd"},
        screen={"under": world.town_a.code},
    )

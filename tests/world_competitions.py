"""The competitions objects (劳动和技能竞赛) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_competitions(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

"""The certification objects (技能等级认定) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_certification(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

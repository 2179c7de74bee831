"""The mentoring objects (名师带徒) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_mentoring(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

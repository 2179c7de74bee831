"""The wishes objects (微心愿) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_wishes(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

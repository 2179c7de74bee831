"""The study objects (求学圆梦) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_study(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

"""The earlywarning objects (劳动关系预警) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_earlywarning(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

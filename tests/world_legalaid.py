"""The legalaid objects (法律援助) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_legalaid(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

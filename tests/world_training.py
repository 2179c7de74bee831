"""The training objects (职工培训) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_training(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

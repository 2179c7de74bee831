"""The mediation objects (劳动争议调解) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_mediation(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

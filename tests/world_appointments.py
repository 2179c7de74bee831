"""The appointments objects (预约服务) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_appointments(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

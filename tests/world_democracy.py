"""The democracy objects (职代会和厂务公开) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_democracy(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

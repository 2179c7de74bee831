"""The arrears objects (欠薪治理) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_arrears(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

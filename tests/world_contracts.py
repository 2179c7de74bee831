"""The contracts objects (集体合同) of the shared permission World (see tests/world.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_contracts(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

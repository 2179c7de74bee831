"""The permission walk's returns objects (ADR 0019)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_returns(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

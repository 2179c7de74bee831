"""The permission walk's workreport objects (ADR 0019)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_workreport(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

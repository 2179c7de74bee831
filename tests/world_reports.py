"""The permission walk's reports objects (ADR 0019)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_reports(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

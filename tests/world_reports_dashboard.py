"""The permission walk's dashboard and 大屏 objects (ADR 0019)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any


def build_reports_dashboard(world: Any) -> SimpleNamespace:
    return SimpleNamespace()

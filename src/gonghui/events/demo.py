"""Demo events from the source stories (seed_demo). Safe to run twice."""

from __future__ import annotations

from typing import Any


def load_demo_events(admin: Any) -> int:
    return 0

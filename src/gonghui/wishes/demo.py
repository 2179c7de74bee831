"""Demo 微心愿."""

from __future__ import annotations

from typing import Any


def load_demo_wishes(admin: Any) -> int:
    """Create the demo 微心愿; safe to run again. Returns how many were new."""
    return 0

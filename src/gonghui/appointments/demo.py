"""Demo 预约服务."""

from __future__ import annotations

from typing import Any


def load_demo_appointments(admin: Any) -> int:
    """Create the demo 预约服务; safe to run again. Returns how many were new."""
    return 0

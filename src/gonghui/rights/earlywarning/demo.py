"""Demo data for 劳动关系预警 from the stories."""

from __future__ import annotations

from gonghui.accounts.models import User


def load_demo_earlywarning(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    return 0

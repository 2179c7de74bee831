"""Demo data for 劳动争议调解 from the stories."""

from __future__ import annotations

from gonghui.accounts.models import User


def load_demo_mediation(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    return 0

"""Demo data for 法律援助 from the stories."""

from __future__ import annotations

from gonghui.accounts.models import User


def load_demo_legalaid(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    return 0

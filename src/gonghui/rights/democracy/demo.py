"""Demo data for 职代会和厂务公开 from the stories."""

from __future__ import annotations

from gonghui.accounts.models import User


def load_demo_democracy(admin: User) -> int:
    """Safe to re-run; returns how many new records it made."""
    return 0

"""Per-IP limit on progress look-ups, so ID + mobile pairs cannot be probed at speed."""

from __future__ import annotations

from django.core.cache import cache

PROGRESS_LIMIT_PER_HOUR = 20


def progress_lookup_allowed(ip: str | None) -> bool:
    key = f"join-progress:{ip or 'unknown'}"
    attempts = cache.get_or_set(key, 0, timeout=3600) or 0
    if attempts >= PROGRESS_LIMIT_PER_HOUR:
        return False
    cache.incr(key)
    return True

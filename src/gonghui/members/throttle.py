"""Per-IP limit on progress look-ups and public forms, so ID + mobile pairs cannot be probed at speed."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from gonghui.common.audit import client_ip

PROGRESS_LIMIT_PER_HOUR = 20


def progress_lookup_allowed(ip: str | None) -> bool:
    key = f"join-progress:{ip or 'unknown'}"
    attempts = cache.get_or_set(key, 0, timeout=3600) or 0
    if attempts >= PROGRESS_LIMIT_PER_HOUR:
        return False
    cache.incr(key)
    return True


def require_submission_slot(request: HttpRequest) -> None:
    """The same per-IP limit for the public forms that prove identity with a document and a phone."""
    if not progress_lookup_allowed(client_ip(request)):
        raise ValidationError(_("提交次数过多，请一小时后再试。"))

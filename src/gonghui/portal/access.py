"""The phone number a worker proved in this session (who may open a 我的 page is `members.worker_access`).

A verified number is kept in the session sealed (never in plain text, never in a URL) for a short while,
between the code and the first binding of the account.
"""

from __future__ import annotations

import time

from django.http import HttpRequest

from gonghui.common.pii_crypto import seal, unseal

_AAD = "portal.session.mobile"
VERIFIED_FOR_SECONDS = 15 * 60


def remember_mobile(request: HttpRequest, key: str, mobile: str) -> None:
    request.session[key] = [seal(mobile, aad=_AAD), int(time.time())]


def recalled_mobile(request: HttpRequest, key: str) -> str | None:
    """The number stored under `key` while it is fresh; None once stale or never stored."""
    stored = request.session.get(key)
    if not stored or time.time() - stored[1] > VERIFIED_FOR_SECONDS:
        return None
    return unseal(stored[0], aad=_AAD)


def forget_mobiles(request: HttpRequest) -> None:
    for key in ("portal_asked", "portal_verified"):
        request.session.pop(key, None)

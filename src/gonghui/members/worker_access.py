"""Who may open a worker's page, and the phone number a worker proved in this session.

`worker_view`: a signed-in worker whose account is bound to their own record (我的, and every domain's
page for the worker's own application). `phone_view`: anyone who proved a phone number, either a
signed-in worker (the number on record) or a visitor who typed the code sent to it: an enterprise's
contact who is no member. Both redirect to the portal's sign-in, and the permission walk knows both as
worker pages.

A verified number is kept in the session sealed (never in plain text, never in a URL) for a short while,
between the code and the first binding of the account, or the desk pages that need only the number.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from gonghui.common.access import ACCESS_ATTR, WORKER
from gonghui.common.pii_crypto import seal, unseal
from gonghui.members.identity import mobile_hmac
from gonghui.members.worker_accounts import person_of

V = TypeVar("V", bound=Callable[..., HttpResponseBase])
_AAD = "portal.session.mobile"
VERIFIED_FOR_SECONDS = 15 * 60
PHONE_ONLY = "phone"  # `for=phone` on the sign-in: the next page needs a proven number, not an account


def _worker_page(resolve: Callable[[HttpRequest], Any], attr: str, *, phone_only: bool) -> Callable[[V], V]:
    """A decorator: `resolve(request)` is set on the request as `attr`, or the visitor goes to sign in."""

    def decorate(view: V) -> V:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            found = resolve(request)
            if found is None:
                query = {"next": request.path} | ({"for": PHONE_ONLY} if phone_only else {})
                return redirect(f"{reverse('portal:signin')}?{urlencode(query)}")
            setattr(request, attr, found)
            return view(request, *args, **kwargs)

        setattr(wrapper, ACCESS_ATTR, WORKER)
        return wrapper  # type: ignore[return-value]

    return decorate


def proven_mobile_hmac(request: HttpRequest) -> str | None:
    person = person_of(request.user)
    if person is not None:
        return person.mobile_hmac
    verified = recalled_mobile(request, "portal_verified")
    return mobile_hmac(verified) if verified else None


# A signed-in worker (or staff member) with an account bound to their own record: `request.person`.
worker_view = _worker_page(lambda request: person_of(request.user), "person", phone_only=False)
# Whoever proved a phone number in this session: `request.mobile_hmac` is its blind index.
phone_view = _worker_page(proven_mobile_hmac, "mobile_hmac", phone_only=True)


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

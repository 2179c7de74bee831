"""Who may open a 我的 page: a signed-in worker whose account is bound to their own record.

Every module's worker pages (the portal's, and those a domain adds to 我的) use this one decorator, so the
permission walk knows them as worker pages.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from gonghui.common.access import ACCESS_ATTR, WORKER
from gonghui.members.worker_accounts import person_of

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def worker_view(view: V) -> V:
    """A signed-in worker (or staff member) with an account bound to their own record; else to sign-in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        person = person_of(request.user)
        if person is None:
            return redirect(f"{reverse('portal:signin')}?next={request.path}")
        request.person = person  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    setattr(wrapper, ACCESS_ATTR, WORKER)
    return wrapper  # type: ignore[return-value]

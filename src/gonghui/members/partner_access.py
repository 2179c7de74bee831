"""Pages for partners: a 特惠商户's cashier and a counsellor or lawyer, who sign in with a phone code.

A partner has no member record to bind and no password: the number they prove with the portal's code
is looked up among the domain's registered partners (the merchant's staff, the appointment providers),
and the first match gets (or reuses) a partner account of that kind. `partner_view` lets in only a
signed-in account of its kind; everyone else goes to the sign-in, which comes back to the domain's
`enter` page. A staff or worker session never opens a partner page, and a partner account never opens
anything else (see `gonghui.common.access.staff_view` and `worker_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth import login
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from gonghui.accounts.models import User, UserKind
from gonghui.accounts.services import partner_account
from gonghui.common.access import ACCESS_ATTR, PARTNER
from gonghui.members.worker_access import PHONE_ONLY, forget_mobiles

V = TypeVar("V", bound=Callable[..., HttpResponseBase])
_BACKEND = "django.contrib.auth.backends.ModelBackend"


def partner_signin_url(enter: str, kind: UserKind) -> str:
    """The portal's sign-in, asking for a proven number only (worded for `kind`), coming back to `enter`."""
    return f"{reverse('portal:signin')}?{urlencode({'next': reverse(enter), 'for': PHONE_ONLY, 'who': kind.value})}"


def partner_view(kind: UserKind, *, enter: str) -> Callable[[V], V]:
    """Only a signed-in, active account of `kind`; anyone else is sent to sign in with a phone code."""

    def decorate(view: V) -> V:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if not (user.is_authenticated and user.is_active and getattr(user, "kind", None) == kind):
                return redirect(partner_signin_url(enter, kind))
            return view(request, *args, **kwargs)

        setattr(wrapper, ACCESS_ATTR, PARTNER)
        return wrapper  # type: ignore[return-value]

    return decorate


def partner_login(request: HttpRequest, *, kind: UserKind, account: User | None, name: str) -> User:
    """Sign the partner in on `account`, creating it on first use; the caller links a new one to its row."""
    user = account if account is not None else partner_account(kind=kind, display_name=name)
    forget_mobiles(request)
    login(request, user, backend=_BACKEND)
    return user

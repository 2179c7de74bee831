"""Markers that say how a view decides access; the permission walk reads them.

Every URL pattern's view must carry one: `public_view` (no union data behind it),
`staff_view` (logged-in staff; the view itself reads and writes only through
the scope, see gonghui.orgs.scope), or WORKER (the portal's `worker_view`: a
signed-in worker's own records, nothing of anyone else's) or PARTNER (`partner_view`: a merchant's
cashier or a service provider signed in with a phone code, their own desk only). The shared permission
test fails for an
unmarked view and probes every marked staff view with owner / same-subtree /
sibling / outsider / anonymous users.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ACCESS_ATTR = "gonghui_access"
PUBLIC = "public"
STAFF = "staff"
WORKER = "worker"
PARTNER = "partner"

V = TypeVar("V", bound=Callable[..., HttpResponseBase])
F = TypeVar("F", bound=Callable[..., Any])


def public_view(view: F) -> F:
    """No union data behind it (or deliberately public, like the QR join form and its API)."""
    setattr(view, ACCESS_ATTR, PUBLIC)
    return view


def staff_view(view: V) -> V:
    """Require a logged-in, active staff user (never a worker account); the view must then use the scope."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_active or not getattr(user, "is_staff_account", False):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    setattr(wrapper, ACCESS_ATTR, STAFF)
    return wrapper  # type: ignore[return-value]


def access_of(view: Any) -> str | None:
    # Class-based views: as_view() copies attributes from the class via view_class.
    marker = getattr(view, ACCESS_ATTR, None)
    if marker is None and hasattr(view, "view_class"):
        marker = getattr(view.view_class, ACCESS_ATTR, None)
    return marker

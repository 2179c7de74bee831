"""Staff second factor: who needs it, and the middleware that sends them to verify before any staff page.

Platform administrators and whoever holds a role with full personal data, finance or staff management
sign in with a password and then a TOTP code (django-otp). Workers (phone-code sign-in) and API tokens
are outside this: a token is issued by an administrator for one integration and can be revoked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from gonghui.orgs.models import StaffRole
from gonghui.orgs.roles import Perm, roles_with

STRONG_PERMS = (Perm.PII_FULL, Perm.FINANCE, Perm.STAFF_MANAGE)
# Pages a user who still owes the second factor may open: signing in and out, the worker portal, assets.
OPEN_PREFIXES = ("/accounts/", "/h5/", "/static/", "/healthz", "/i18n/")


def strong_roles() -> set[str]:
    return {role for perm in STRONG_PERMS for role in roles_with(perm)}


def needs_second_factor(user: Any) -> bool:
    if not settings.STAFF_SECOND_FACTOR or not getattr(user, "is_authenticated", False):
        return False
    if not getattr(user, "is_staff_account", False):
        return False
    cached = user.__dict__.get("_gonghui_needs_2fa")
    if cached is None:
        cached = user.is_superuser or StaffRole.objects.filter(user=user, role__in=strong_roles()).exists()
        user.__dict__["_gonghui_needs_2fa"] = cached
    return bool(cached)


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware: an unverified user who needs the factor reaches only OPEN_PREFIXES."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        user = request.user
        owes = (
            not path.startswith(OPEN_PREFIXES)
            and not request.headers.get("Authorization")  # API tokens authenticate on their own
            and needs_second_factor(user)
            and not user.is_verified()  # type: ignore[union-attr]
        )
        if not owes:
            return self.get_response(request)
        if path.startswith("/api/"):
            return JsonResponse({"detail": _("请先完成二次验证。")}, status=401)
        return redirect(f"/accounts/2fa/?next={request.get_full_path()}")

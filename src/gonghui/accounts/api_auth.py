from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from gonghui.accounts.models import UserKind
from gonghui.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer gh_...` issued with `manage.py issue_api_token`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class StaffSessionAuth(SessionAuth):
    """Browser pages calling the API reuse the session (CSRF checked on unsafe methods); never a worker's."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and getattr(user, "is_staff_account", False) else None


API_AUTH = [TokenAuth(), StaffSessionAuth()]


class MerchantTokenAuth(HttpBearer):
    """A merchant's till: a token issued to the cashier's account (never a staff or worker token)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token, kind=UserKind.MERCHANT)
        if user is not None:
            request.user = user
        return user


class MerchantSessionAuth(SessionAuth):
    """The cashier's phone page calling the redemption operations with its session (CSRF checked)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and getattr(user, "kind", None) == UserKind.MERCHANT else None


MERCHANT_AUTH = [MerchantTokenAuth(), MerchantSessionAuth()]


def optional_staff_user(request: HttpRequest) -> Any:
    """On a public operation: the staff user behind a bearer token or a staff session, if any, else None."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return api_token_authenticate(header.removeprefix("Bearer ").strip())
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "is_staff_account", False):
        return user
    return None

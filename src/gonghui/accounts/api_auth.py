from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from gonghui.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer gh_...` issued with `manage.py issue_api_token`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


# Browser pages calling the API reuse the session (CSRF checked on unsafe methods).
API_AUTH = [TokenAuth(), SessionAuth()]

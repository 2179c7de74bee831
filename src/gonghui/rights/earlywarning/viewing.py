"""What the pages and the API share: the signed-in staff user, typed (staff_view and the API's auth have let
in only an authenticated staff account by then)."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest

from gonghui.accounts.models import User


def me(request: HttpRequest) -> User:
    return cast(User, request.user)

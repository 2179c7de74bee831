"""A password someone else has seen must be replaced: the middleware that holds the user to it, and the page.

A cadre who creates a staff account or resets its password is shown a one-time password; until the owner
chooses their own, every page but this one (and signing out) sends them here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view

OPEN_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/")


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        owes = (
            getattr(user, "password_change_required", False)
            and not request.path.startswith(OPEN_PREFIXES)
            and not request.headers.get("Authorization")  # API tokens are issued, not typed
        )
        if not owes:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("请先修改初始密码。")}, status=401)
        return redirect("accounts:password_change")


@public_view  # the user's own password: no union data behind it
@login_required
@never_cache
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.password_change_required = False
        user.save(update_fields=["password", "password_change_required"])
        update_session_auth_hash(request, user)  # stay signed in here, signed out everywhere else
        messages.success(request, _("密码已修改。"))
        return redirect("/")
    required = getattr(request.user, "password_change_required", False)
    return render(request, "accounts/password_change.html", {"form": form, "required": required})

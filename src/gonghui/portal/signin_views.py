"""Worker sign-in with a phone code, and the first binding of the account to the person on record."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial, wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from gonghui.accounts.models import User, UserKind
from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.idcard import normalize_idcard
from gonghui.common.masking import mask_mobile
from gonghui.common.pii_crypto import blind_index
from gonghui.common.ratelimits import check_rate
from gonghui.members.worker_access import PHONE_ONLY, forget_mobiles, recalled_mobile, remember_mobile
from gonghui.members.worker_accounts import (
    mobile_change_ask,
    old_number_code,
    worker_bind,
    worker_rebind_by_old_number,
    worker_sign_in_code,
    worker_verify,
)
from gonghui.portal.forms import CodeForm, IdentifyForm, MobileForm, OldNumberForm

_BACKEND = "django.contrib.auth.backends.ModelBackend"
T = TypeVar("T")


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and target.startswith("/h5/"):
        return target
    return "/h5/me/"


def _phone_only(request: HttpRequest) -> bool:
    return (request.POST.get("for") or request.GET.get("for")) == PHONE_ONLY


def _who(request: HttpRequest) -> str:
    """Who signs in with a number only (the wording of the page): a shop's cashier, a service provider, or an
    enterprise contact (empty)."""
    who = request.POST.get("who") or request.GET.get("who") or ""
    return who if who in (UserKind.MERCHANT, UserKind.PROVIDER) else ""


def _sign_in(request: HttpRequest, user: User) -> HttpResponse:
    target = _next(request)
    forget_mobiles(request)
    login(request, user, backend=_BACKEND)
    return redirect(target)


def _dev_code(mobile: str) -> str:
    """The code just sent, shown on the page only with DEBUG=1 and the console backend (never in production)."""
    if settings.DEBUG and settings.SMS_BACKEND == "console":
        return ConsoleSmsBackend.outbox.get(blind_index(mobile, purpose="mobile"), "")
    return ""


def _identities(mobile: str = "", id_number: str = "") -> dict[str, str]:
    found = {"mobile": blind_index(mobile, purpose="mobile")} if mobile else {}
    if id_number:
        found["id"] = blind_index(normalize_idcard(id_number), purpose="id")
    return found


@public_view
@never_cache
def signin(request: HttpRequest) -> HttpResponse:
    """Step 1: the number gets a code. Step 2: the code signs in, or leads to identify on first use."""
    asked = recalled_mobile(request, "portal_asked")
    mobile_form, code_form = MobileForm(), CodeForm()
    if request.method == "POST" and request.POST.get("step") == "code" and asked:
        code_form = CodeForm(request.POST)
        if code_form.is_valid():
            try:
                check_rate(request, form="signin-verify", identities=_identities(asked))
                accounts = worker_verify(mobile=asked, code=code_form.cleaned_data["code"])
            except ValidationError as exc:
                apply_validation_error(code_form, exc)
            else:
                if len(accounts) == 1:
                    return _sign_in(request, accounts[0])
                remember_mobile(request, "portal_verified", asked)
                if _phone_only(request):  # the next page needs the proven number only (an enterprise contact)
                    return redirect(_next(request))
                return redirect(f"/h5/me/identify/?next={_next(request)}")
    elif request.method == "POST":
        mobile_form = MobileForm(request.POST)
        if mobile_form.is_valid():
            mobile = mobile_form.cleaned_data["mobile"]
            try:
                check_rate(request, form="signin-code", identities=_identities(mobile))
                worker_sign_in_code(mobile=mobile, request=request)
            except ValidationError as exc:
                apply_validation_error(mobile_form, exc)
                if exc.code == "resend_pause":  # the code sent a moment ago (maybe on another tab) still works
                    remember_mobile(request, "portal_asked", mobile)
                    asked = mobile
            else:
                remember_mobile(request, "portal_asked", mobile)
                asked = mobile
    context = {
        "mobile_form": mobile_form,
        "code_form": code_form,
        "asked_masked": mask_mobile(asked) if asked else "",
        "dev_code": _dev_code(asked) if asked else "",
        "next": _next(request),
        "phone_only": _phone_only(request),
        "who": _who(request),
    }
    return render(request, "portal/signin.html", context)


def _checked_post(
    request: HttpRequest, form: Form, key: str, verified: str, act: Callable[[dict[str, Any]], T]
) -> T | None:
    """A step after the code: the posted form, counted in its buckets (client, number, ID), then `act`."""
    if request.method != "POST" or not form.is_valid():
        return None
    d = form.cleaned_data
    try:
        check_rate(request, form=key, identities=_identities(verified, d["id_number"]))
        return act(d)
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None


def _after_code(view: Callable[[HttpRequest, str], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """A step after the sign-in code: it gets the number proven in this session, or goes back to sign in."""

    @public_view
    @never_cache
    @wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        verified = recalled_mobile(request, "portal_verified")
        return redirect("portal:signin") if verified is None else view(request, verified)

    return wrapper


@_after_code
def identify(request: HttpRequest, verified: str) -> HttpResponse:
    """First sign-in on this number: the name and ID on file bind the account."""
    form = IdentifyForm(request.POST or None)
    bind = partial(worker_bind, verified_mobile=verified)
    user = _checked_post(request, form, "identify", verified, lambda d: bind(name=d["name"], id_number=d["id_number"]))
    if user is not None:
        return _sign_in(request, user)
    context = {"form": form, "verified_masked": mask_mobile(verified), "next": _next(request)}
    return render(request, "portal/identify.html", context)


@_after_code
def old_number(request: HttpRequest, verified: str) -> HttpResponse:
    """Changed numbers: a code to the number on record proves it is the same person, then the record moves."""
    form = OldNumberForm(request.POST or None)

    def confirm(d: dict[str, Any]) -> User | str:
        if d["code"]:
            return worker_rebind_by_old_number(
                verified_mobile=verified, name=d["name"], id_number=d["id_number"], code=d["code"], request=request
            )
        old_number_code(name=d["name"], id_number=d["id_number"], request=request)
        return "sent"

    outcome = _checked_post(request, form, "old-number", verified, confirm)
    if isinstance(outcome, User):
        return _sign_in(request, outcome)
    return render(request, "portal/old_number.html", {"form": form, "sent": outcome == "sent"})


@_after_code
def mobile_change(request: HttpRequest, verified: str) -> HttpResponse:
    """手机号变更申请: the union checks and confirms; the answer is the same whether anything was filed."""
    form = IdentifyForm(request.POST or None)

    def ask(d: dict[str, Any]) -> bool:
        mobile_change_ask(verified_mobile=verified, name=d["name"], id_number=d["id_number"])
        return True

    done = bool(_checked_post(request, form, "mobile-change", verified, ask))
    return render(request, "portal/mobile_change.html", {"form": form, "done": done})


@public_view
def signout(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
    return redirect("portal:home")

"""The staff second-factor page: enrol a TOTP authenticator (QR code) the first time, then type its code.

Which users must pass it is decided by orgs.second_factor (it knows the roles); this page only verifies.
"""

from __future__ import annotations

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from gonghui.common.access import ACCESS_ATTR, PUBLIC


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("验证器上的 6 位动态码"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else "/"


def current_demo_code(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


@login_required
@never_cache
def second_factor(request: HttpRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
            user=request.user, name=_("验证器"), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _why = device.verify_is_allowed()  # django-otp doubles the wait after each wrong code
        if not allowed:
            form.add_error("token", _("尝试过于频繁，请稍等几秒再输入。"))
        elif device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next(request))
        else:
            form.add_error("token", _("动态码不正确，请核对验证器上的时间后重试。"))
    context = {
        "form": form,
        "enrolling": enrolling,
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4) if enrolling else "",
        "secret": device.key if enrolling else "",
        "demo_code": current_demo_code(device) if settings.DEBUG and device.name == settings.OTP_DEMO_DEVICE else "",
        "next": _next(request),
    }
    return render(request, "accounts/second_factor.html", context)


# Reached while the second factor is still owed: it asks for the factor and shows nothing else.
setattr(second_factor, ACCESS_ATTR, PUBLIC)

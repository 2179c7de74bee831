"""The merchant's desk on a phone: the cashier signs in with a phone code, scans a member's e-card, sees what
the member may have here, records the sale with the discount, and looks back over the shop's own records.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.accounts.models import ApiToken, UserKind
from gonghui.accounts.services import api_token_issue, api_token_revoke
from gonghui.benefits.merchant_staff import staff_for_sign_in, staff_of
from gonghui.benefits.models import MerchantStaff, Redemption
from gonghui.benefits.redemptions import Offer, redemption_offer, redemption_record
from gonghui.common.paging import page_context
from gonghui.members.partner_access import partner_login, partner_view
from gonghui.members.worker_access import phone_view

ENTER = "benefits_h5:desk_enter"
desk_view = partner_view(UserKind.MERCHANT, enter=ENTER)


def _staff(request: HttpRequest) -> MerchantStaff:
    staff = staff_of(request.user)
    if staff is None:  # the cashier was removed while signed in
        raise Http404
    return staff


@phone_view
@never_cache
def enter(request: HttpRequest) -> HttpResponse:
    """After the phone code: the number's cashier row signs in (its account made on first use)."""
    staff = staff_for_sign_in(request.mobile_hmac)  # type: ignore[attr-defined]
    if staff is None:
        return render(request, "benefits/desk/not_staff.html", status=403)
    user = partner_login(request, kind=UserKind.MERCHANT, account=staff.user, name=staff.name)
    if staff.user_id is None:
        MerchantStaff.objects.filter(pk=staff.pk).update(user=user)
    return redirect("benefits_h5:desk")


def _today(staff: MerchantStaff) -> dict[str, Any]:
    return Redemption.objects.filter(merchant=staff.merchant, created_at__date=timezone.localdate()).aggregate(
        count=Count("pk"), discount=Sum("discount")
    )


@desk_view
@never_cache
def desk(request: HttpRequest) -> HttpResponse:
    staff = _staff(request)
    return render(request, "benefits/desk/home.html", {"staff": staff, "today": _today(staff)})


def _offer_page(request: HttpRequest, staff: MerchantStaff, offer: Offer, token: str, error: str = "") -> HttpResponse:
    context = {"staff": staff, "offer": offer, "token": token, "key": secrets.token_hex(16), "error": error}
    return render(request, "benefits/desk/offer.html", context)


@desk_view
@require_POST
@never_cache
def check(request: HttpRequest) -> HttpResponse:
    staff = _staff(request)
    token = request.POST.get("token", "")[:500]
    try:
        offer = redemption_offer(merchant=staff.merchant, token=token)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("benefits_h5:desk")
    return _offer_page(request, staff, offer, token)


def _voucher_id(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


@desk_view
@require_POST
def redeem(request: HttpRequest) -> HttpResponse:
    staff = _staff(request)
    token = request.POST.get("token", "")[:500]
    try:
        done = redemption_record(
            staff=staff,
            token=token,
            amount=request.POST.get("amount", "")[:20],
            key=request.POST.get("key", "")[:64],
            voucher_id=_voucher_id(request.POST.get("voucher", "")),
            use_card=request.POST.get("use_card", "1") == "1",
        )
    except ValidationError as exc:
        try:
            offer = redemption_offer(merchant=staff.merchant, token=token)
        except ValidationError:
            messages.error(request, "；".join(exc.messages))
            return redirect("benefits_h5:desk")
        return _offer_page(request, staff, offer, token, "；".join(exc.messages))
    return redirect("benefits_h5:desk_receipt", pk=done.pk)


@desk_view
@never_cache
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    staff = _staff(request)
    done = Redemption.objects.filter(merchant=staff.merchant, pk=pk).select_related("card__product").first()
    if done is None:
        raise Http404
    return render(request, "benefits/desk/receipt.html", {"staff": staff, "done": done})


@desk_view
@never_cache
def history(request: HttpRequest) -> HttpResponse:
    staff = _staff(request)
    rows = (
        Redemption.objects.filter(merchant=staff.merchant)
        .select_related("card__product", "voucher__campaign", "staff")
        .order_by("-pk")
    )
    context = {"staff": staff, "today": _today(staff), **page_context(request, rows, size=30)}
    return render(request, "benefits/desk/history.html", context)


@desk_view
@never_cache
def tills(request: HttpRequest) -> HttpResponse:
    """Tokens for the shop's till software (POST /api/v1/benefits/redemptions): issued by the cashier, shown
    once, revoked here; they stop when the union stops the cashier."""
    staff = _staff(request)
    account = staff.user
    assert account is not None  # noqa: S101 - staff_of found the row by this very account
    if request.method == "POST" and request.POST.get("revoke", "").isdigit():
        token = ApiToken.objects.filter(user=account, pk=int(request.POST["revoke"])).first()
        if token is not None:
            api_token_revoke(token=token)
        return redirect("benefits_h5:desk_tills")
    if request.method == "POST":  # issued, then shown once after the redirect: a refresh issues nothing
        request.session["till_secret"] = api_token_issue(user=account, name=_("收银机")).secret
        return redirect("benefits_h5:desk_tills")
    secret = request.session.pop("till_secret", "")
    tokens = ApiToken.objects.filter(user=account, revoked_at__isnull=True).order_by("-pk")
    return render(request, "benefits/desk/tills.html", {"staff": staff, "tokens": tokens, "secret": secret})

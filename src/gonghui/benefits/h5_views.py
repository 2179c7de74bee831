"""The worker's cards on the phone (what they hold, applying, reporting a loss), vouchers and discounts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.benefits import selectors, services
from gonghui.benefits import vouchers as vouchers_mod
from gonghui.benefits.models import Redemption, Voucher, VoucherCampaign
from gonghui.common.form_errors import flash_outcome
from gonghui.members.selectors import active_membership, live_membership
from gonghui.members.worker_access import worker_view


@worker_view
@never_cache
def cards(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    membership = live_membership(person)
    mine = list(selectors.cards_of(person)[:20])
    held = {c.product_id for c in mine if c.status in ("applied", "active", "lost")}
    offered = [p for p in selectors.products_open_to(membership) if p.pk not in held]
    return render(request, "benefits/h5/cards.html", {"cards": mine, "offered": offered, "membership": membership})


@worker_view
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    product = get_object_or_404(selectors.products_open_to(live_membership(person)), pk=pk)
    try:
        services.card_apply(person=person, product=product)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已提交办卡申请，发卡工会审核后即可使用。"))
    return redirect("benefits_h5:cards")


@worker_view
@require_POST
def report_lost(request: HttpRequest, pk: int) -> HttpResponse:
    card = selectors.card_of(request.person, pk)  # type: ignore[attr-defined]

    def lost() -> str:
        services.card_report_lost(card=card)
        return _("已挂失，请联系发卡工会补办。")

    flash_outcome(request, lost)
    return redirect("benefits_h5:cards")


@worker_view
@never_cache
def vouchers(request: HttpRequest) -> HttpResponse:
    """My vouchers, and the campaigns I may take one from today."""
    person = request.person  # type: ignore[attr-defined]
    mine = list(Voucher.objects.filter(person=person).select_related("campaign").order_by("-issued_at")[:30])
    context = {"vouchers": mine, "open": vouchers_mod.open_campaigns_for(active_membership(person))}
    return render(request, "benefits/h5/vouchers.html", context)


@worker_view
@require_POST
def voucher_take(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    campaign = get_object_or_404(VoucherCampaign, pk=pk)

    def take() -> str:
        voucher = vouchers_mod.voucher_take(campaign=campaign, membership=active_membership(person))
        return _("已领取%(name)s，请在 %(until)s 前到可用商户出示电子会员卡使用。") % {
            "name": campaign.name,
            "until": localtime(voucher.expires_at).strftime("%Y-%m-%d %H:%M"),
        }

    flash_outcome(request, take)
    return redirect("benefits_h5:vouchers")


@worker_view
@never_cache
def discounts(request: HttpRequest) -> HttpResponse:
    """Where my card and vouchers saved me money."""
    person = request.person  # type: ignore[attr-defined]
    rows = Redemption.objects.filter(person=person).select_related("merchant", "card__product", "voucher__campaign")
    total = rows.aggregate(total=Sum("discount"))["total"] or 0
    return render(request, "benefits/h5/discounts.html", {"rows": rows.order_by("-pk")[:50], "total": total})

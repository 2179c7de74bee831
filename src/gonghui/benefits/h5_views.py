"""The worker's cards on the phone: what they hold, what they may apply for, and reporting a loss."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.benefits import selectors, services
from gonghui.common.form_errors import flash_outcome
from gonghui.members.selectors import live_membership
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

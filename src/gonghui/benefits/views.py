"""Workbench pages of member cards: products, a product's cards and applications, issuing by rule, and a
card's loss, cancellation and renewal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.benefits import selectors, services
from gonghui.benefits.card_import import card_import_start
from gonghui.benefits.forms import (
    CardFilterForm,
    CardListForm,
    DecideForm,
    HeldCardsForm,
    IssueForm,
    ProductForm,
    ReasonForm,
)
from gonghui.benefits.models import CardProduct
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.drilldown import flag, kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_named, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def products(request: HttpRequest) -> HttpResponse:
    """The card products of unions in scope (of `under`'s subtree). A figure's drill-down (`held`) shows instead
    the cards the union's members hold, by product, of a status and kind and taking effect in a period (start,
    end), with the total the figure counts."""
    under, form = under_org(request), HeldCardsForm(request.GET)
    context: dict[str, Any] = {"under": under, "form": form, "held": None, "kept": kept(request, "under", "held")}
    if flag(request.GET.get("held")):
        if form.is_valid():  # input in error counts nothing, never the whole scope; the form says why
            d, (start, end) = form.cleaned_data, form.span()
            held = selectors.cards_held_for(
                request.user, under=under, status=d["status"], kind=d["kind"], start=start, end=end
            )
        else:
            held = []
        context |= {"held": held, "total": sum(h.cards for h in held)}
    else:
        context["rows"] = list(selectors.products_for(request.user, under=under)[:200])
    return render(request, "benefits/products.html", context)


@staff_view
def product_new(request: HttpRequest) -> HttpResponse:
    form = ProductForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> CardProduct:
        eligible = org_named(request, form.cleaned_data["eligible_org"], "eligible_org")
        return services.card_product_create(actor=request.user, org=org, data=form.product_fields(eligible))

    product = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权发卡。"))
    if product is not None:
        messages.success(request, _("已添加卡种。"))
        return redirect("benefits:product", pk=product.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("添加卡种")})


@staff_view
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    product = selectors.product_get_for(request.user, pk)
    filters = CardFilterForm(request.GET or None)
    d = filters.cleaned_data if filters.is_valid() else {}
    cards = selectors.cards_of_product(product, status=d.get("status", ""), q=d.get("q", ""))
    context: dict[str, Any] = {
        **page_context(request, cards),
        "product": product,
        "filters": filters,
        "pending": selectors.cards_of_product(product, status="applied")[:50],
        "by_union": selectors.counts_by_union(product),
        "can_edit": can(request.user, Perm.ORG_EDIT, product.org),
        "issue_form": IssueForm(),
        "decide_form": DecideForm(),
        "reason_form": ReasonForm(),
    }
    return render(request, "benefits/product.html", context)


@staff_view
@require_POST
def product_issue(request: HttpRequest, pk: int) -> HttpResponse:
    product = selectors.product_get_for(request.user, pk, Perm.ORG_EDIT)

    def issue(d: dict[str, Any]) -> str:
        under = org_named(request, d["under"], "under")
        n = services.cards_issue_by_rule(actor=request.user, product=product, under=under)
        return _("已发卡 %(n)s 张（已持卡的会员不重复发放）。") % {"n": n}

    form_action(request, IssueForm(request.POST), issue)
    return redirect("benefits:product", pk=pk)


@staff_view
@require_POST
def card_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    card = selectors.card_get_for(request.user, pk, Perm.ORG_EDIT)
    if action == "decide":

        def decide(d: dict[str, Any]) -> str:
            approve = d["decision"] == "approve"
            services.card_decide(
                actor=request.user, card=card, approve=approve, reason=d["reason"], bank_last4=d["bank_last4"]
            )
            return _("已发卡。") if approve else _("已退回申请。")

        form_action(request, DecideForm(request.POST), decide)
    elif action == "cancel":

        def cancel(d: dict[str, Any]) -> str:
            services.card_cancel(actor=request.user, card=card, reason=d["reason"])
            return _("已注销。")

        form_action(request, ReasonForm(request.POST), cancel)
    elif action == "lost":

        def lost() -> str:
            services.card_report_lost(card=card, actor=request.user)
            return _("已挂失。")

        flash_outcome(request, lost)
    elif action == "renew":

        def renew() -> str:
            renewed = services.card_renew(actor=request.user, card=card)
            return _("已续期至%(d)s。") % {"d": renewed.valid_until}

        flash_outcome(request, renew)
    else:
        raise Http404
    return redirect("benefits:product", pk=card.product_id)


@staff_view
def product_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue the card to an Excel list: all rows or none, an error report for the bad ones."""
    product = selectors.product_get_for(request.user, pk, Perm.ORG_EDIT)
    form = CardListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = card_import_start(actor=request.user, product=product, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("workbench:job", pk=job.pk)
    return render(request, "benefits/import.html", {"form": form, "product": product})

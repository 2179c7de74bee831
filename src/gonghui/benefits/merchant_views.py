"""Workbench pages of 特惠商户: the list, signing, a merchant's page with approval, suspension and terms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.benefits import merchants
from gonghui.benefits.forms import MerchantFilterForm, MerchantForm, ReasonForm, StaffForm, TermForm
from gonghui.benefits.models import CardProduct, Merchant
from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def merchant_list(request: HttpRequest) -> HttpResponse:
    """Merchants in scope and how many; a figure's drill-down narrows them to a union's subtree (?under=), a
    status and those whose agreement covers a day (end) or days (start, end)."""
    under, form = under_org(request), MerchantFilterForm(request.GET)
    if form.is_valid():
        d, (start, end) = form.cleaned_data, form.span()
        qs = merchants.merchants_for(
            request.user, status=d["status"], category=d["category"], under=under, start=start, end=end
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Merchant.objects.none()
    context = {
        **page_context(request, qs),
        "form": form,
        "found": qs.count(),
        "under": under,
        "kept": kept(request, "under"),
    }
    return render(request, "benefits/merchants.html", context)


@staff_view
def merchant_new(request: HttpRequest) -> HttpResponse:
    form = MerchantForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def sign(org: OrgNode) -> Merchant:
        return merchants.merchant_create(actor=request.user, org=org, data=form.merchant_fields())

    merchant = act_in_org(request, form, "org", Perm.ORG_EDIT, sign, refused=_("找不到该组织，或您无权签约商户。"))
    if merchant is not None:
        messages.success(request, _("已登记商户，待审核后生效。"))
        return redirect("benefits:merchant", pk=merchant.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("签约特惠商户")})


def _products_for(merchant: Merchant) -> Any:
    """Card products the merchant may serve: its union's and those of the unions above."""
    return CardProduct.objects.filter(org__path__in=paths_up(merchant.org.path), is_active=True).order_by("name")


@staff_view
def merchant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    merchant = merchants.merchant_get_for(request.user, pk)
    context = {
        "merchant": merchant,
        "serves": merchants.merchant_serves(merchant),
        "terms": merchant.terms.select_related("product").order_by("product__name"),
        "can_edit": can(request.user, Perm.ORG_EDIT, merchant.org),
        "can_review": can(request.user, Perm.REVIEW, merchant.org),
        "term_form": TermForm(products=_products_for(merchant)),
        "reason_form": ReasonForm(),
        "staff": merchant.staff.order_by("-is_active", "name"),
        "staff_form": StaffForm(),
    }
    return render(request, "benefits/merchant.html", context)


@staff_view
@require_POST
def merchant_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    merchant = merchants.merchant_get_for(request.user, pk)
    reason = request.POST.get("reason", "")[:200]
    if action in ("approve", "refuse"):

        def decide() -> str:
            merchants.merchant_decide(actor=request.user, merchant=merchant, approve=action == "approve", reason=reason)
            return _("已审核。")

        flash_outcome(request, decide)
    elif action in ("suspend", "resume"):

        def suspend() -> str:
            merchants.merchant_suspend(
                actor=request.user, merchant=merchant, suspend=action == "suspend", reason=reason
            )
            return _("已暂停合作。") if action == "suspend" else _("已恢复合作。")

        flash_outcome(request, suspend)
    elif action == "term":

        def term(d: dict[str, Any]) -> str:
            merchants.merchant_term_set(
                actor=request.user,
                merchant=merchant,
                product=d["product"],
                percent_off=d["percent_off"],
                text=d["text"],
            )
            return _("已保存优惠条款。")

        form_action(request, TermForm(request.POST, products=_products_for(merchant)), term)
    else:
        raise Http404
    return redirect("benefits:merchant", pk=pk)

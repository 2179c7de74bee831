"""Workbench pages of vouchers (消费券/清凉券), merchants' cashiers, redemptions and anomalies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.benefits import anomalies, merchant_staff, merchants, selectors, vouchers
from gonghui.benefits.forms import RedemptionFilterForm, StaffForm, TakenFilterForm, VoucherForm
from gonghui.benefits.models import MerchantStaff, Redemption, VoucherCampaign
from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_named, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for


@staff_view
def voucher_list(request: HttpRequest) -> HttpResponse:
    """The voucher campaigns in scope; a figure's drill-down (?under=, start, end, status) shows instead the
    vouchers the union's members took in the period, by campaign, with the total the figure counts (taken,
    since used or since expired)."""
    under, form = under_org(request), TakenFilterForm(request.GET)
    context: dict[str, Any] = {"under": under, "form": form, "taken": None, "kept": kept(request, "under")}
    if under is not None or any(request.GET.get(name) for name in ("start", "end", "status")):
        valid = form.is_valid()  # input in error counts nothing, never the whole scope; the form says why
        start, end = form.span() if valid else (None, None)
        taken = vouchers.vouchers_taken_for(request.user, under=under, start=start, end=end) if valid else []
        totals = {key: sum(getattr(t, key) for t in taken) for key in ("issued", "redeemed", "expired")}
        status = form.cleaned_data["status"] if valid else ""
        context |= {"taken": taken, "totals": totals, "status": status}
    else:
        context["rows"] = list(vouchers.voucher_campaigns_for(request.user)[:200])
    return render(request, "benefits/vouchers.html", context)


def _merchants_in_scope(request: HttpRequest) -> Any:
    return merchants.merchants_for(request.user).order_by("name")


@staff_view
def voucher_new(request: HttpRequest) -> HttpResponse:
    form = VoucherForm(request.POST or None, merchants=_merchants_in_scope(request))

    def create(org: OrgNode) -> VoucherCampaign:
        eligible = org_named(request, form.cleaned_data["eligible_org"], "eligible_org")
        return vouchers.voucher_campaign_create(
            actor=request.user,
            org=org,
            data=form.voucher_fields(eligible),
            merchants=list(form.cleaned_data["merchants"]),
        )

    campaign = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权发券。"))
    if campaign is not None:
        messages.success(request, _("已创建消费券活动。"))
        return redirect("benefits:voucher", pk=campaign.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("新建消费券活动")})


@staff_view
def voucher_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = vouchers.voucher_campaign_get_for(request.user, pk)
    shops = list(campaign.merchants.order_by("name"))
    context = {
        "campaign": campaign,
        "counts": vouchers.voucher_counts(campaign),
        "shops": [(m, *vouchers.settlement_due(campaign, m)) for m in shops],
        "can_edit": can(request.user, Perm.ORG_EDIT, campaign.org),
    }
    return render(request, "benefits/voucher.html", context)


@staff_view
@require_POST
def voucher_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    campaign = vouchers.voucher_campaign_get_for(request.user, pk)
    if action == "issue":

        def issue() -> str:
            n = vouchers.vouchers_issue_by_rule(actor=request.user, campaign=campaign)
            return _("已向 %(n)d 名会员发放本周期的券。") % {"n": n}

        flash_outcome(request, issue)
    elif action == "settle":
        merchant = get_object_or_404(campaign.merchants, pk=request.POST.get("merchant", "0") or 0)

        def settle() -> str:
            payout = vouchers.voucher_settle(actor=request.user, campaign=campaign, merchant=merchant)
            return _("已登记结算 %(amount)s 元，待财务审核。") % {"amount": payout.amount}

        flash_outcome(request, settle)
    else:
        raise Http404
    return redirect("benefits:voucher", pk=pk)


@staff_view
@require_POST
def staff_add(request: HttpRequest, pk: int) -> HttpResponse:
    merchant = merchants.merchant_get_for(request.user, pk, Perm.ORG_EDIT)

    def add(d: dict[str, Any]) -> str:
        merchant_staff.merchant_staff_add(actor=request.user, merchant=merchant, name=d["name"], mobile=d["mobile"])
        return _("已登记店员，店员可用该手机号接收验证码登录收银台。")

    form_action(request, StaffForm(request.POST), add)
    return redirect("benefits:merchant", pk=pk)


@staff_view
@require_POST
def staff_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    staff = get_object_or_404(MerchantStaff.objects.select_related("merchant__org"), pk=pk)
    merchants.merchant_get_for(request.user, staff.merchant_id, Perm.ORG_EDIT)

    def toggle() -> str:
        merchant_staff.merchant_staff_set_active(actor=request.user, staff=staff, active=not staff.is_active)
        return _("已恢复该店员。") if staff.is_active else _("已停用该店员，其登录随即失效。")

    flash_outcome(request, toggle)
    return redirect("benefits:merchant", pk=staff.merchant_id)


@staff_view
def redemption_list(request: HttpRequest) -> HttpResponse:
    """Redemptions in scope, how many and the discount they add up to; a figure's drill-down narrows them to a
    union's members (?under=) and the days of the redemptions (start, end)."""
    under, form = under_org(request), RedemptionFilterForm(request.GET)
    if form.is_valid():
        start, end = form.span()
        rows = selectors.redemptions_for(
            request.user, under=under, merchant=form.cleaned_data["merchant"], start=start, end=end
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        rows = Redemption.objects.none()
    scope = scope_for(request.user)
    context = {**page_context(request, rows), "form": form, "under": under, "kept": kept(request, "under")}
    # The total is counted on a figure's drill-down (a union or days named) and on its first page only: the
    # whole scope's redemptions, one more with every sale, are paged by key and never counted.
    named = under is not None or any(form.cleaned_data.get(k) for k in ("start", "end", "merchant"))
    if not form.is_valid() or (named and not request.GET.get("after")):  # in error: nothing listed, 0 said
        context["totals"] = selectors.redemption_totals(rows)
    context["rows"] = [(r, scope.contains(r.merchant.org)) for r in context["rows"]]
    return render(request, "benefits/redemptions.html", context)


@staff_view
def anomaly_list(request: HttpRequest) -> HttpResponse:
    context = {"bursts": anomalies.card_bursts(request.user), "busy": anomalies.busy_merchants(request.user)}
    return render(request, "benefits/anomalies.html", context)

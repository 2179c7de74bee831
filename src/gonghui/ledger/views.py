"""Workbench pages of the aid ledger: the list with approve/reject, the maker's entry form, and a campaign's page
(its coverage, charts and bulk approval, with the list tools of gonghui.campaigns)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.assistance.selectors import file_get_for
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.forms import HandPickForm, JobFairForm, RuleForm
from gonghui.campaigns.selectors import campaign_get_for, campaigns_covering
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.ledger import selectors
from gonghui.ledger.bulk import bulk_approve_start
from gonghui.ledger.coverage import Coverage, Money, campaign_coverage
from gonghui.ledger.forms import PayoutFilterForm, PayoutForm
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.orgs.drilldown import kept
from gonghui.orgs.org_field import under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def payout_list(request: HttpRequest) -> HttpResponse:
    """The payouts the user makes or checks, with what they add up to; a figure's drill-down narrows them to a
    union's subtree (?under=), a status, a period's 发放日期 (start, end), a kind, those made in campaigns."""
    under = under_org(request)
    form = PayoutFilterForm(request.GET)
    if form.is_valid():
        payouts = selectors.payouts_for(request.user, form.filters(under)).select_related("maker", "checker")
    else:  # input in error lists nothing, never the whole scope; the form says why
        payouts = Payout.objects.none()
    totals = selectors.payout_totals(payouts)
    paginator = Paginator(payouts, 50)
    paginator.count = totals.payouts  # counted with the sums already
    campaign = form.cleaned_data.get("campaign") if form.is_valid() else None
    context = {
        "page": paginator.get_page(request.GET.get("page")),
        "form": form,
        "under": under,
        "totals": totals,
        "campaign": campaign or "",
        "in_campaigns": _in_campaigns(form),
        "kept": kept(request, "under", "campaign", "in_campaign", "campaign_kind"),
    }
    return render(request, "ledger/payouts.html", context)


def _in_campaigns(form: PayoutFilterForm) -> str:
    """What the list says when it holds only payouts made in campaigns (of a kind): the figures' drill-down."""
    if not form.is_valid():
        return ""
    kind = form.cleaned_data["campaign_kind"]
    if kind:
        return _("只显示在%(kind)s活动中的发放。") % {"kind": CampaignKind(kind).label}
    return _("只显示在四季送、专项慰问等活动中的发放。") if form.filters(None).in_campaign else ""


@staff_view
def payout_new(request: HttpRequest, file_pk: int) -> HttpResponse:
    """A payout to a household on file; the campaign list holds campaigns whose subtree covers the file."""
    file = file_get_for(request.user, file_pk)
    covering = campaigns_covering(file.org, since_year=timezone.localdate().year - 1)
    campaigns = [(c.pk, f"{c.year} {c.name}") for c in covering]
    initial = {"paid_on": timezone.localdate(), "campaign": request.GET.get("campaign", "")}
    form = PayoutForm(request.POST or None, campaigns=campaigns, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            campaign = covering.get(pk=d["campaign"]) if d["campaign"] else None
            payout = aid_payout_create(
                actor=request.user,
                org=file.org,
                kind=d["kind"],
                fund=d["fund"],
                paid_on=d["paid_on"],
                amount=d["amount"] or Decimal(0),
                goods=d["goods"],
                goods_value=d["goods_value"] or Decimal(0),
                file=file,
                campaign=campaign,
                reference=d["reference"],
                override_reason=d["override_reason"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记发放，请由另一位财务人员审核后生效。"))
            for warning in payout.warnings:
                messages.warning(request, warning)
            return redirect("assistance:file", pk=file.pk)
    title = _("向 %(name)s 发放帮扶") % {"name": file.person.name}
    return render(request, "orgs/form.html", {"form": form, "title": title})


@staff_view
@require_POST
def payout_decide(request: HttpRequest, pk: int) -> HttpResponse:
    payout = selectors.payout_get_for(request.user, pk)
    try:
        if request.POST.get("decision") == "approve":
            aid_payout_approve(actor=request.user, payout=payout)
            messages.success(request, _("已审核通过。"))
        else:
            aid_payout_reject(actor=request.user, payout=payout, reason=request.POST.get("reason", ""))
            messages.success(request, _("已退回。"))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("ledger:payouts")


def _chart(coverage: Coverage, by_kind: list[tuple[Any, Money]], by_fund: list[tuple[Any, Money]]) -> dict[str, Any]:
    """What the page's charts draw (a JSON island; the script reads it, so no inline script is needed)."""
    return {
        "children": [child.name for child, _n, _t in coverage.by_child],
        "reached": [t.people + t.enterprises for _c, _n, t in coverage.by_child],
        "planned": [n for _c, n, _t in coverage.by_child],
        "value": [float(t.value) for _c, _n, t in coverage.by_child],
        "kinds": [{"name": str(label), "value": float(t.value)} for label, t in by_kind],
        "funds": [{"name": str(label), "value": float(t.value)} for label, t in by_fund],
        "labels": {"reached": _("已覆盖"), "planned": _("名单人数"), "value": _("金额与物资（元）")},
    }


@staff_view
def campaign_page(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_get_for(request.user, pk)
    under = under_org(request)  # drill down into a child union's part of the campaign
    if under is not None and not under.path.startswith(campaign.org.path):
        raise Http404
    coverage = campaign_coverage(request.user, campaign, under=under)
    kinds, funds = dict(PayoutKind.choices), dict(FundSource.choices)
    by_kind = [(kinds.get(k, k), t) for k, t in coverage.by_kind.items()]
    by_fund = [(funds.get(k, k), t) for k, t in coverage.by_fund.items()]
    context = {
        "c": campaign,
        "cov": coverage,
        "under": under,
        "root_pk": (under or campaign.org).pk,  # the host's own row in the table by union (本级)
        "by_kind": by_kind,
        "by_fund": by_fund,
        "chart": _chart(coverage, by_kind, by_fund),
        "rule_form": RuleForm(initial={"group": campaign.target_group}),
        "pick_form": HandPickForm(),
        "fairs": campaign.job_fairs.all() if campaign.kind == CampaignKind.SPRING_JOBS else None,
        "fair_form": JobFairForm(),
        "can_assist": can(request.user, Perm.ASSISTANCE, campaign.org),
        "can_check": can(request.user, Perm.FINANCE, campaign.org),
    }
    return render(request, "ledger/campaign.html", context)


@staff_view
@require_POST
def campaign_approve_all(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = campaign_get_for(request.user, pk)
    try:
        job = bulk_approve_start(actor=request.user, campaign=campaign)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("ledger:campaign", pk=pk)
    return redirect("workbench:job", pk=job.pk)

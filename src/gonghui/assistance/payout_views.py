"""Workbench pages of the aid ledger: the list with approve/reject, and the maker's entry form."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.assistance import selectors
from gonghui.assistance.choices import PayoutStatus
from gonghui.assistance.forms import PayoutForm
from gonghui.assistance.models import HomeVisit
from gonghui.assistance.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.campaigns.selectors import campaigns_covering
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error


@staff_view
def payout_list(request: HttpRequest) -> HttpResponse:
    campaign = request.GET.get("campaign", "")
    status = request.GET.get("status", "")
    if status not in PayoutStatus.values:
        status = ""
    payouts = selectors.payouts_for(
        request.user, campaign=int(campaign) if campaign.isdigit() else None, status=status
    ).select_related("maker", "checker")
    page = Paginator(payouts, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "campaign": campaign, "statuses": PayoutStatus.choices}
    return render(request, "assistance/payouts.html", context)


@staff_view
def payout_new(request: HttpRequest, file_pk: int) -> HttpResponse:
    """A payout to a household on file; the campaign list holds campaigns whose subtree covers the file."""
    file = selectors.file_get_for(request.user, file_pk)
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
    return redirect("assistance:payouts")


@staff_view
def visit_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A home-visit photo, served only to those who may see the file (media is not public)."""
    visit = HomeVisit.objects.filter(pk=pk).select_related("file").first()
    if visit is None or not visit.photo:
        raise Http404
    selectors.file_get_for(request.user, visit.file_id, request=request)
    return FileResponse(visit.photo.open("rb"), filename=visit.photo.name.rsplit("/", 1)[-1])

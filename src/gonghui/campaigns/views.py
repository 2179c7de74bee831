"""Workbench pages of campaigns: list, create, the list by rule or by hand, job fairs. A campaign's own page,
with its coverage and bulk approval, is the ledger's (ledger.views.campaign_page)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.campaigns import selectors
from gonghui.campaigns.forms import CampaignFilterForm, CampaignForm, HandPickForm, JobFairForm, RuleForm
from gonghui.campaigns.models import Campaign
from gonghui.campaigns.rules import beneficiaries_by_rule
from gonghui.campaigns.services import beneficiaries_add, campaign_create, job_fair_record
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.members.selectors import people_in_scope
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm


@staff_view
def campaign_list(request: HttpRequest) -> HttpResponse:
    """Campaigns in scope; a figure's or the alert's drill-down narrows them to a union's subtree (?under=), a
    kind, a year, a period (start, end) and those spent beyond their budget (?over_budget=1)."""
    under = under_org(request)
    form = CampaignFilterForm(request.GET)
    filters = form.filters() if form.is_valid() else None
    if filters is not None:
        campaigns = selectors.campaigns_for(request.user, under=under, **filters)
    else:  # input in error lists nothing, never the whole scope; the form says why
        campaigns = Campaign.objects.none()
    context = {
        "page": Paginator(campaigns, 50).get_page(request.GET.get("page")),
        "form": form,
        "under": under,
        "over_budget": bool(filters and filters["over_budget"]),
        "kept": kept(request, "under", "over_budget", "fairs"),
    }
    if filters is not None and filters["fairs"]:  # 春送岗位招聘会 counts the fairs, not the campaigns
        context["fair_totals"] = selectors.fair_totals(campaigns, filters["start"], filters["end"])
    return render(request, "campaigns/list.html", context)


@staff_view
def campaign_new(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = CampaignForm(request.POST or None, initial={"org": request.GET.get("org", ""), "year": today.year})

    def create(org: OrgNode) -> Campaign:
        return campaign_create(actor=request.user, org=org, **form.service_fields())

    campaign = act_in_org(
        request, form, "org", Perm.ASSISTANCE, create, refused=_("找不到该组织，或您无权在那里开展活动。")
    )
    if campaign is not None:
        return redirect("ledger:campaign", pk=campaign.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("新建普惠活动")})


@staff_view
@require_POST
def campaign_rule(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)

    def add(d: dict[str, Any]) -> str:
        added = beneficiaries_by_rule(actor=request.user, campaign=campaign, **d)
        return _("已按条件加入 %(n)d 名慰问对象。") % {"n": added}

    form_action(request, RuleForm(request.POST), add)
    return redirect("ledger:campaign", pk=pk)


@staff_view
def beneficiary_list(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    people = selectors.beneficiaries_for(request.user, campaign)
    page = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(request, "campaigns/beneficiaries.html", {"c": campaign, "page": page})


@staff_view
@require_POST
def campaign_job_fair(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)

    def record(d: dict[str, Any]) -> str:
        job_fair_record(actor=request.user, campaign=campaign, **d)
        return _("已登记招聘会。")

    form_action(request, JobFairForm(request.POST), record)
    return redirect("ledger:campaign", pk=pk)


@staff_view
@require_POST
def beneficiary_pick(request: HttpRequest, pk: int) -> HttpResponse:
    """Add people by hand: their ID numbers, one per line."""
    campaign = selectors.campaign_get_for(request.user, pk)

    def pick(d: dict[str, Any]) -> str:
        people = people_in_scope(
            request.user, d["id_numbers"].split(), campaign.org, Perm.ASSISTANCE, field="id_numbers"
        )
        added = beneficiaries_add(actor=request.user, campaign=campaign, people=people)
        return _("已加入 %(n)d 名慰问对象。") % {"n": added}

    form_action(request, HandPickForm(request.POST), pick)
    return redirect("ledger:campaign", pk=pk)

"""Workbench pages of campaigns: list, create, coverage with charts, beneficiaries by rule, bulk approval."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.assistance.bulk import bulk_approve_start
from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns import selectors
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.forms import CampaignForm, HandPickForm, JobFairForm, RuleForm
from gonghui.campaigns.models import Campaign
from gonghui.campaigns.rules import beneficiaries_by_rule
from gonghui.campaigns.selectors import Coverage, Money
from gonghui.campaigns.services import beneficiaries_add, campaign_create, job_fair_record
from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.members.selectors import people_in_scope
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def campaign_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    page = Paginator(selectors.campaigns_for(request.user, kind=kind), 50).get_page(request.GET.get("page"))
    return render(request, "campaigns/list.html", {"page": page, "kind": kind})


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
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("新建普惠活动")})


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
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    under = under_org(request)  # drill down into a child union's part of the campaign
    if under is not None and not under.path.startswith(campaign.org.path):
        raise Http404
    coverage = selectors.campaign_coverage(request.user, campaign, under=under)
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
    return render(request, "campaigns/detail.html", context)


@staff_view
@require_POST
def campaign_rule(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)

    def add(d: dict[str, Any]) -> str:
        added = beneficiaries_by_rule(actor=request.user, campaign=campaign, **d)
        return _("已按条件加入 %(n)d 名慰问对象。") % {"n": added}

    form_action(request, RuleForm(request.POST), add)
    return redirect("campaigns:detail", pk=pk)


@staff_view
@require_POST
def campaign_approve_all(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    try:
        job = bulk_approve_start(actor=request.user, campaign=campaign)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("campaigns:detail", pk=pk)
    return redirect("workbench:job", pk=job.pk)


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
    return redirect("campaigns:detail", pk=pk)


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
    return redirect("campaigns:detail", pk=pk)

"""Workbench pages of 合理化建议."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.common.paging import page_context
from gonghui.innovation.enterprise_choices import enterprises_in, org_from_form
from gonghui.innovation.models import Proposal
from gonghui.innovation.proposals import selectors
from gonghui.innovation.proposals import services as proposals
from gonghui.innovation.proposals.forms import ProposalDecisionForm, ProposalFilterForm, ProposalForm
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can


@staff_view
def proposal_list(request: HttpRequest) -> HttpResponse:
    """The proposals in scope; a figure's drill-down narrows them to a union's subtree (?under=), the days they
    were made in (start, end) and a status (adopted, implemented since or not; implemented)."""
    under = under_org(request)
    form = ProposalFilterForm(request.GET)
    # input in error lists nothing, never the whole scope; the form says why
    qs = selectors.proposals_listed(request.user, form.filters(under)) if form.is_valid() else Proposal.objects.none()
    context = {**page_context(request, qs), "form": form, "under": under, "found": qs.count()}
    return render(request, "innovation/proposals.html", context)


@staff_view
def proposal_new(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(
        request.POST or None,
        enterprises=enterprises_in(request, org_from_form(request)),
        initial={"org": request.GET.get("org", "")},
    )

    def submit(org: OrgNode) -> Proposal:
        d = form.cleaned_data
        return proposals.proposal_submit(
            actor=request.user,
            org=org,
            enterprise=d["enterprise"],
            proposer_name=d["proposer_name"],
            title=d["title"],
            content=d["content"],
            expected_effect=d["expected_effect"],
        )

    proposal = act_in_org(request, form, "org", Perm.ORG_EDIT, submit, refused=_("找不到该组织，或您无权登记建议。"))
    if proposal is not None:
        messages.success(request, _("已登记合理化建议。"))
        return redirect("innovation:proposal", pk=proposal.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记合理化建议")})


@staff_view
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = selectors.proposal_get_for(request.user, pk)
    can_decide = can(request.user, Perm.REVIEW, proposal.org)
    return render(
        request, "innovation/proposal.html", {"p": proposal, "can_decide": can_decide, "form": ProposalDecisionForm()}
    )


@staff_view
@require_POST
def proposal_act(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = selectors.proposal_get_for(request.user, pk)

    def act(d: dict[str, Any]) -> str:
        action = d["action"]
        if action == "route":
            proposals.proposal_route(actor=request.user, proposal=proposal)
        elif action in ("adopt", "decline"):
            proposals.proposal_decide(
                actor=request.user, proposal=proposal, adopt=action == "adopt", reason=d["reason"]
            )
        else:
            if d.get("implemented_on") is None:
                raise ValidationError(_("请填写实施日期。"))
            proposals.proposal_implement(
                actor=request.user,
                proposal=proposal,
                implemented_on=d["implemented_on"],
                value_saved=d.get("value_saved") or Decimal(0),
                evidence=d["evidence"],
            )
        return _("已保存。")

    form_action(request, ProposalDecisionForm(request.POST), act)
    return redirect("innovation:proposal", pk=proposal.pk)

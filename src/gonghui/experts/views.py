"""Workbench pages of the help desk: the expert pool, needs with ranked recommendations, dispatch, records."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.experts import invitations, selectors, services
from gonghui.experts.forms import (
    CadreNeedForm,
    ExpertForm,
    NeedFilterForm,
    ReasonForm,
    RecordedConfirmForm,
    RecordForm,
)
from gonghui.experts.models import Expert, Invitation, Need
from gonghui.experts.recommend import recommend
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode, Region
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.selectors import enterprise_in_scope


@staff_view
def pool(request: HttpRequest) -> HttpResponse:
    qs = selectors.experts_for(request.user, q=request.GET.get("q", ""))
    under = under_org(request)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    context = {
        **page_context(request, qs.order_by("-pk")),
        "found": qs.count(),
        "under": under,
        "kept": kept(request, "under"),  # a search within a union's pool stays within it
        "q": request.GET.get("q", ""),
        "invitations": invitations.invitations_for(request.user)[:50],
    }
    return render(request, "experts/pool.html", context)


@staff_view
def expert_new(request: HttpRequest) -> HttpResponse:
    form = ExpertForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def enrol(org: OrgNode) -> Expert | Invitation:
        d = form.cleaned_data
        region = Region.objects.filter(code=d["region_code"].strip()).first()
        if region is None:
            raise ValidationError({"region_code": _("行政区划代码无效。")})
        profile = services.ExpertProfile(
            kind=d["kind"],
            specialties=form.tags(),
            region=region,
            honor=d["honor"],
            bio=d["bio"],
            industry=d["industry"],
            max_load=d["max_load"],
            available=d["available"],
            is_front_line=d["is_front_line"],
        )
        return invitations.expert_add(
            actor=request.user, org=org, id_number=d["id_number"], name=d["name"], profile=profile
        )

    added = act_in_org(request, form, "org", Perm.ORG_EDIT, enrol, refused=_("找不到该组织，或您无权管理其专家库。"))
    if isinstance(added, Invitation):
        messages.success(request, INVITED)
        return redirect("experts:pool")
    if added is not None:
        messages.success(request, _("已加入专家库。"))
        return redirect("experts:pool")
    return render(request, "orgs/form.html", {"form": form, "title": _("加入助企专家库")})


# The same words whether the person is on record elsewhere or not at all.
INVITED = gettext_lazy("该职工不在本级工会管理范围内的会员名册中，已发出邀请：本人在手机“我的”中接受后加入专家库。")


@staff_view
@require_POST
def invitation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(invitations.invitations_for(request.user), pk=pk)

    def withdraw() -> str:
        invitations.invitation_withdraw(actor=request.user, invitation=invitation)
        return _("已撤回邀请。")

    flash_outcome(request, withdraw)
    return redirect("experts:pool")


@staff_view
def need_list(request: HttpRequest) -> HttpResponse:
    """The needs in scope; a figure's drill-down narrows them to a union's subtree (?under=) and the days they
    were posted or closed in, or those open at a period's end (start, end, dated), and a status."""
    under = under_org(request)
    form = NeedFilterForm(request.GET)
    if form.is_valid():
        d = form.cleaned_data
        start, end = form.span()
        qs = selectors.needs_for(
            request.user,
            status=d["status"],
            overdue=d["overdue"],
            q=d["q"],
            under=under,
            year=d["year"],
            start=start,
            end=end,
            dated=d["dated"],
        )
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Need.objects.none()
    context = {**page_context(request, qs), "form": form, "under": under, "found": qs.count()}
    return render(request, "experts/needs.html", {**context, "kept": kept(request, "dated")})


@staff_view
def need_new(request: HttpRequest) -> HttpResponse:
    form = CadreNeedForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def post(org: OrgNode) -> Need:
        uscc = form.cleaned_data["enterprise_uscc"]
        enterprise = enterprise_in_scope(request.user, uscc, org, Perm.ORG_EDIT, field="enterprise_uscc")
        return services.need_post(actor=request.user, enterprise=enterprise, text=form.need_text(), org=org)

    need = act_in_org(request, form, "org", Perm.ORG_EDIT, post, refused=_("找不到该组织，或您无权受理需求。"))
    if need is not None:
        messages.success(request, _("已登记企业需求。"))
        return redirect("experts:need", pk=need.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记企业需求")})


@staff_view
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = selectors.need_get_for(request.user, pk)
    can_act = can(request.user, Perm.ORG_EDIT, need.org)
    ranked = recommend(need) if can_act and need.status in ("open", "dispatched") else []
    experts = Expert.objects.select_related("person", "org").in_bulk([r.expert_id for r in ranked])
    dispatches = need.dispatches.select_related("expert__person").prefetch_related("records")
    context = {
        "need": need,
        "recommendations": [(experts[r.expert_id], r) for r in ranked if r.expert_id in experts],
        "dispatches": dispatches,
        "can_act": can_act,
        "record_form": RecordForm(),
        "reason_form": ReasonForm(),
        "confirm_form": RecordedConfirmForm(),
    }
    return render(request, "experts/need.html", context)


@staff_view
@require_POST
def need_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    need = selectors.need_get_for(request.user, pk)

    def close(d: dict[str, Any]) -> str:
        if action == "escalate":
            services.need_escalate(actor=request.user, need=need, reason=d["reason"])
            return _("已上报上级工会。")
        services.need_close_unresolved(actor=request.user, need=need, reason=d["reason"])
        return _("已办结（未解决）。")

    def dispatch() -> str:
        expert = selectors.expert_get_for(request.user, int(request.POST.get("expert", "0") or 0))
        sent = services.dispatch_expert(actor=request.user, need=need, expert=expert)
        return _("已派单给%(name)s。") % {"name": sent.expert.person.name}

    def confirm(d: dict[str, Any]) -> str:
        services.need_confirm_recorded(actor=request.user, need=need, **d)
        return _("已代企业登记确认。")

    if action == "dispatch":
        flash_outcome(request, dispatch)
    elif action == "confirm":
        form_action(request, RecordedConfirmForm(request.POST), confirm)
    else:
        form_action(request, ReasonForm(request.POST), close)
    return redirect("experts:need", pk=need.pk)


@staff_view
@require_POST
def dispatch_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    dispatch = selectors.dispatch_get_for(request.user, pk)

    def record(d: dict[str, Any]) -> str:
        services.service_record_add(
            actor=request.user, dispatch=dispatch, **{**d, "benefit_yuan": d.get("benefit_yuan") or 0}
        )
        return _("已登记服务记录。")

    def complete() -> str:
        services.dispatch_complete(actor=request.user, dispatch=dispatch)
        return _("服务已完成，等待企业确认。")

    if action == "complete":
        flash_outcome(request, complete)
    else:
        form_action(request, RecordForm(request.POST), record)
    return redirect("experts:need", pk=dispatch.need_id)

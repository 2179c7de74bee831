"""Workbench pages of proposals (合理化建议), innovation studios, selections and honors, and the figures page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.common.paging import page_context
from gonghui.innovation import proposals, selections, selectors, studios
from gonghui.innovation.choices import NominationStatus, RoundKind
from gonghui.innovation.forms import (
    AchievementForm,
    NominationForm,
    ProposalDecisionForm,
    ProposalFilterForm,
    ProposalForm,
    RateForm,
    RoundForm,
    StarRuleForm,
    StudioForm,
)
from gonghui.innovation.models import Nomination, Proposal, SelectionRound, Studio
from gonghui.members.selectors import person_in_scope
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, scope_for
from gonghui.orgs.selectors import enterprises_for, org_pick_for


def _enterprises_in(request: HttpRequest, org: OrgNode | None) -> Any:
    return enterprises_for(request.user, union=org) if org is not None else Enterprise.objects.none()


def _org_from_form(request: HttpRequest) -> OrgNode | None:
    code = (request.POST.get("org") or request.GET.get("org") or "").strip().lower()
    org = OrgNode.objects.filter(code=code).first() if code else None
    return org if org is not None and scope_for(request.user).contains(org) else None


# 合理化建议 ------------------------------------------------------------------------------------------


@staff_view
def proposal_list(request: HttpRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    qs = selectors.proposals_for(request.user)
    under = under_org(request)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if d.get("status"):
        qs = qs.filter(status=d["status"])
    if d.get("year"):
        qs = qs.filter(submitted_at__year=d["year"])
    return render(request, "innovation/proposals.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def proposal_new(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(
        request.POST or None,
        enterprises=_enterprises_in(request, _org_from_form(request)),
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


# 创新工作室 ------------------------------------------------------------------------------------------


@staff_view
def studio_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.studios_for(request.user)
    under = under_org(request)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    stars = request.GET.get("stars", "")
    if stars.isdigit():
        qs = qs.filter(stars=int(stars))
    return render(request, "innovation/studios.html", {"studios": qs[:500], "under": under})


@staff_view
def star_rule(request: HttpRequest) -> HttpResponse:
    """A federation's yearly star rule for the studios in its subtree."""
    form = StarRuleForm(
        request.POST or None, initial={"org": request.GET.get("org", ""), "year": timezone.localdate().year}
    )

    def save(org: OrgNode) -> Any:
        return studios.star_rule_set(actor=request.user, org=org, year=form.cleaned_data["year"], **form.rule())

    rule = act_in_org(request, form, "org", Perm.REVIEW, save, refused=_("找不到该组织，或您无权制定规则。"))
    if rule is not None:
        messages.success(request, _("已保存 %(year)d 年度星级评定规则。") % {"year": rule.year})
        return redirect("innovation:studios")
    return render(request, "orgs/form.html", {"form": form, "title": _("星级评定规则")})


@staff_view
def studio_new(request: HttpRequest) -> HttpResponse:
    form = StudioForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def register(org: OrgNode) -> Studio:
        d = form.cleaned_data
        leader = person_in_scope(request.user, d["leader_id_number"], org, Perm.ORG_EDIT, field="leader_id_number")
        return studios.studio_register(
            actor=request.user,
            org=org,
            name=d["name"],
            level=d["level"],
            kind=d["kind"],
            leader=leader,
            field=d["field"],
            leader_title=d["leader_title"],
            named_on=d["named_on"],
        )

    studio = act_in_org(request, form, "org", Perm.ORG_EDIT, register, refused=_("找不到该组织，或您无权登记工作室。"))
    if studio is not None:
        messages.success(request, _("已登记创新工作室。"))
        return redirect("innovation:studio", pk=studio.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记创新工作室")})


@staff_view
def studio_detail(request: HttpRequest, pk: int) -> HttpResponse:
    studio = selectors.studio_get_for(request.user, pk)
    context = {
        "studio": studio,
        "achievements": studio.achievements.all()[:200],
        "ratings": studio.ratings.select_related("rated_by"),
        "achievement_form": AchievementForm(),
        "rate_form": RateForm(initial={"year": timezone.localdate().year}),
        "can_edit": can(request.user, Perm.ORG_EDIT, studio.org),
        "can_rate": can(request.user, Perm.REVIEW, studio.org),
    }
    return render(request, "innovation/studio.html", context)


@staff_view
@require_POST
def studio_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    studio = selectors.studio_get_for(request.user, pk)

    def add(d: dict[str, Any]) -> str:
        studios.achievement_add(actor=request.user, studio=studio, **{**d, "value_yuan": d.get("value_yuan") or 0})
        return _("已登记成果。")

    def rate(d: dict[str, Any]) -> str:
        rating = studios.studio_rate(actor=request.user, studio=studio, year=d["year"], assessment=d["assessment"])
        return _("%(year)d 年度评定：%(score)s 分，%(stars)d 星。") % {
            "year": rating.year,
            "score": rating.score,
            "stars": rating.stars,
        }

    if action == "rate":
        form_action(request, RateForm(request.POST), rate)
    else:
        form_action(request, AchievementForm(request.POST), add)
    return redirect("innovation:studio", pk=studio.pk)


# 评选与荣誉 ------------------------------------------------------------------------------------------


@staff_view
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = selectors.rounds_for(request.user)
    return render(request, "innovation/rounds.html", {"rounds": rounds})


@staff_view
def round_new(request: HttpRequest) -> HttpResponse:
    form = RoundForm(
        request.POST or None, initial={"org": request.GET.get("org", ""), "year": timezone.localdate().year}
    )

    def create(org: OrgNode) -> SelectionRound:
        d = form.cleaned_data
        return selections.round_open(
            actor=request.user,
            kind=d["kind"],
            org=org,
            year=d["year"],
            name=d["name"],
            quota=d["quota"],
            title=d["title"],
            notice_days=d["notice_days"],
            criteria=selections.ENTERPRISE_CRITERIA if d["kind"] == RoundKind.INNOVATIVE_ENTERPRISE else None,
        )

    round_ = act_in_org(request, form, "org", Perm.REVIEW, create, refused=_("找不到该组织，或您无权发起评选。"))
    if round_ is not None:
        messages.success(request, _("已发起评选。"))
        return redirect("innovation:round", pk=round_.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("发起评选")})


@staff_view
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for(request.user, pk)
    nominations = selectors.nominations_for(request.user, round_)
    context = {
        "round": round_,
        "nominations": nominations,
        "form": NominationForm(enterprises=enterprises_for(request.user, union=round_.org)),
        "can_decide": can(request.user, Perm.REVIEW, round_.org),
        "selected": round_.nominations.filter(status=NominationStatus.SELECTED).count(),
    }
    return render(request, "innovation/round.html", context)


@staff_view
@require_POST
def round_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    round_ = selectors.round_get_for(request.user, pk)
    try:
        if action == "nominate":
            _nominate(request, round_)
        elif action == "top":
            n = selections.round_select_top(actor=request.user, round_=round_)
            messages.success(request, _("已按得分选定 %(n)d 个。") % {"n": n})
        elif action == "notice":
            selections.round_notice(actor=request.user, round_=round_)
            messages.success(request, _("已公示。"))
        elif action == "publish":
            n = selections.round_publish(actor=request.user, round_=round_)
            messages.success(request, _("已发布，授予 %(n)d 个。") % {"n": n})
        else:
            nomination = get_object_or_404(round_.nominations, pk=request.POST.get("nomination"))
            if action == "withdraw":
                selections.nomination_withdraw(
                    actor=request.user, nomination=nomination, reason=request.POST.get("note", "")
                )
            else:
                selections.nomination_decide(
                    actor=request.user,
                    nomination=nomination,
                    select=action == "select",
                    note=request.POST.get("note", ""),
                )
            messages.success(request, _("已保存。"))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect("innovation:round", pk=round_.pk)


def _nominate(request: HttpRequest, round_: SelectionRound) -> None:
    form = NominationForm(request.POST, enterprises=enterprises_for(request.user, union=round_.org))
    if not form.is_valid():
        raise ValidationError([f"{form.fields[k].label}：{e}" for k, errors in form.errors.items() for e in errors])
    d = form.cleaned_data
    nominated_by = org_pick_for(request.user, d["nominated_by"], Perm.ORG_EDIT)
    person = (
        person_in_scope(request.user, d["id_number"], nominated_by, Perm.ORG_EDIT) if d["kind"] == "person" else None
    )
    selections.nominate(
        actor=request.user,
        round_=round_,
        nominated_by=nominated_by,
        kind=d["kind"],
        person=person,
        enterprise=d["enterprise"],
        team_name=d["team_name"],
        is_front_line=d["is_front_line"],
        deeds=d["deeds"],
        scores=d["scores"] or {},
    )
    messages.success(request, _("已推荐。"))


@staff_view
def honor_list(request: HttpRequest) -> HttpResponse:
    """Conferred honors in scope: the drill-down of the honor figures."""
    qs = scope_for(request.user).filter(
        Nomination.objects.filter(status=NominationStatus.AWARDED).select_related(
            "round__title", "person", "enterprise", "nominated_by"
        ),
        "nominated_by",
    )
    under = under_org(request)
    if under is not None:
        qs = qs.filter(nominated_by__path__startswith=under.path)
    year, level = request.GET.get("year", ""), request.GET.get("level", "")
    if year.isdigit():
        qs = qs.filter(awarded_on__year=int(year))
    if level:
        qs = qs.filter(round__title__level=level)
    if request.GET.get("front_line"):
        qs = qs.filter(is_front_line=True)
    if request.GET.get("model_worker"):
        qs = qs.filter(round__title__is_model_worker=True)
    if request.GET.get("kind"):
        qs = qs.filter(round__kind=request.GET["kind"])
    return render(request, "innovation/honors.html", {"rows": qs.order_by("-awarded_on", "pk")[:500], "under": under})


# 统计 ------------------------------------------------------------------------------------------------

"""Workbench pages of innovation studios and their star rules."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.innovation.models import Studio
from gonghui.innovation.studios import selectors
from gonghui.innovation.studios import services as studios
from gonghui.innovation.studios.forms import AchievementForm, RateForm, StarRuleForm, StudioFilterForm, StudioForm
from gonghui.members.selectors import person_in_scope
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can

STUDIOS_SHOWN = 500  # the list shows the newest; its total counts them all


@staff_view
def studio_list(request: HttpRequest) -> HttpResponse:
    """The studios in scope; a figure's drill-down narrows them to a union's subtree (?under=), those on the
    roll at the period's end (end) and a number of stars."""
    under = under_org(request)
    form = StudioFilterForm(request.GET)
    if form.is_valid():
        d = form.cleaned_data
        qs = selectors.studios_listed(request.user, under=under, stars=d["stars"], standing=d["end"])
    else:  # input in error lists nothing, never the whole scope; the form says why
        qs = Studio.objects.none()
    context = {"studios": qs[:STUDIOS_SHOWN], "found": qs.count(), "form": form, "under": under}
    return render(request, "innovation/studios.html", {**context, "kept": kept(request, "under")})


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

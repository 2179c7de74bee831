"""Workbench pages of 劳动和技能竞赛: the list, setting up a competition, its page (stages, quotas, the
state changes, the results on notice and objections), and the figures' drill-down page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_from_form, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.competitions import results, selectors, services
from gonghui.skills.competitions.choices import EntryStatus
from gonghui.skills.competitions.figures import entries_in
from gonghui.skills.competitions.forms import (
    CompetitionForm,
    FilterForm,
    ObjectionResolveForm,
    QuotaForm,
    StageForm,
    local_default,
    year_of,
)
from gonghui.skills.competitions.models import Competition, Entry, Objection


@staff_view
def competition_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.competitions_for(
        request.user, under=under, year=d.get("year"), kind=d.get("kind", ""), status=d.get("status", "")
    ).annotate(entries_n=Count("entries", filter=Q(entries__status=EntryStatus.ENTERED)))
    return render(request, "competitions/list.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def competition_new(request: HttpRequest) -> HttpResponse:
    initial = {"org": request.GET.get("org", ""), "starts_at": local_default(30), "ends_at": local_default(31)}
    form = CompetitionForm(request.POST or None, initial=initial)

    def create(org: OrgNode) -> Competition:
        return services.competition_create(actor=acting_user(request), org=org, data=form.fields_in())

    competition = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该工会，或您无权主办竞赛。"))
    if competition is not None:
        messages.success(request, _("已创建竞赛，请设置赛段和评分表，然后开放报名。"))
        return redirect("competitions:detail", pk=competition.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("举办劳动和技能竞赛")})


@staff_view
def competition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.competition_get_for(request.user, pk)
    organiser = selectors.is_organiser(request.user, competition)
    context: dict[str, Any] = {
        "competition": competition,
        "organiser": organiser,
        "stages": list(selectors.stages_of(competition)),
        "quotas": list(competition.quotas.select_related("org").order_by("org__path")[:200]),
        "entries_n": selectors.entries_for(request.user, competition).filter(status=EntryStatus.ENTERED).count(),
        "awards": list(selectors.awards_of(competition)[:200]),
        "objections": list(selectors.objections_of(competition)[:100]) if organiser else [],
        "stage_form": StageForm(initial={"scores_needed": 1}),
        "quota_form": QuotaForm(),
        "objection_form": ObjectionResolveForm(),
    }
    return render(request, "competitions/detail.html", context)


@staff_view
@require_POST
def competition_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    competition = selectors.competition_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    simple = {
        "open": (services.competition_open, _("已开放报名，各基层工会可以报名。")),
        "start": (services.competition_start, _("报名已截止，第一个赛段开始评分。")),
    }
    if action in simple:
        service, done = simple[action]

        def change() -> str:
            service(actor=actor, competition=competition)
            return str(done)

        flash_outcome(request, change)
    elif action == "publish":

        def publish() -> str:
            n = results.competition_publish(actor=actor, competition=competition)
            return _("结果已公示，%(n)s人在获奖名单上；公示期内可提出异议。") % {"n": n}

        flash_outcome(request, publish)
    elif action == "confirm":

        def confirm() -> str:
            n = results.competition_confirm(actor=actor, competition=competition)
            return _("已确认获奖并颁发证书%(n)s张。") % {"n": n}

        flash_outcome(request, confirm)
    elif action == "stage":

        def add(d: dict[str, Any]) -> str:
            stage = services.stage_add(actor=actor, competition=competition, **d)
            return _("已增加赛段“%(name)s”，请设置评分表。") % {"name": stage.name}

        form_action(request, StageForm(request.POST), add)
    elif action == "quota":

        def quota(d: dict[str, Any]) -> str:
            try:
                org = org_from_form(request, d["org"])
            except (Http404, PermissionDenied):
                raise ValidationError(_("找不到该工会，或它不在您的管理范围内。")) from None
            services.quota_set(actor=actor, competition=competition, org=org, places=d["places"])
            return _("已设置%(org)s的名额。") % {"org": org.name}

        form_action(request, QuotaForm(request.POST), quota)
    elif action == "objection":
        objection = get_object_or_404(Objection, pk=request.POST.get("objection") or 0, competition=competition)

        def resolve(d: dict[str, Any]) -> str:
            results.objection_resolve(
                actor=actor, objection=objection, upheld=d["decision"] == "uphold", resolution=d["resolution"]
            )
            return _("已处理异议。")

        form_action(request, ObjectionResolveForm(request.POST), resolve)
    else:
        raise Http404
    return redirect("competitions:detail", pk=pk)


@staff_view
def figures_page(request: HttpRequest) -> HttpResponse:
    """What the figures count, for the ?under= union (or the user's scope) and ?year=: each competition held
    with its entries and participants, and the entries per entering union."""
    under = under_org(request)
    year = year_of(request.GET)
    held = selectors.competitions_for(request.user, under=under, year=year).filter(
        org__in=scope_for(request.user).orgs().values("pk")
    )
    held = held.annotate(
        entries_n=Count("entries", filter=Q(entries__status=EntryStatus.ENTERED), distinct=True),
        people_n=Count("entries__members", distinct=True),
    )
    entries = scope_for(request.user).filter(Entry.objects.filter(competition__year=year, status=EntryStatus.ENTERED))
    if under is not None:
        entries = entries.filter(entries_in(under, year))
    by_union = (
        entries.values("org__code", "org__name")
        .annotate(n=Count("pk", distinct=True), people=Count("members", distinct=True))
        .order_by("-n", "org__name")[:200]
    )
    context = {"under": under, "year": year, "held": list(held[:300]), "by_union": list(by_union)}
    return render(request, "competitions/figures.html", context)

"""Workbench pages of 名师带徒: the pairs (list, pair a mentor and an apprentice, a pair's page with its
milestones, both sides' evaluations, competition results and closing) and the roster of mentors."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import form_action
from gonghui.common.paging import page_context
from gonghui.members.selectors import person_in_scope
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.certification.occupations import occupation_by_code
from gonghui.skills.certification.selectors import current_level
from gonghui.skills.mentoring import progress, selectors, services
from gonghui.skills.mentoring.forms import (
    CloseForm,
    EvaluationForm,
    MentorForm,
    MilestoneDoneForm,
    MilestoneForm,
    PairFilterForm,
    PairForm,
    ResultsForm,
)
from gonghui.skills.mentoring.models import Mentor, Pair


@staff_view
def pair_list(request: HttpRequest) -> HttpResponse:
    form = PairFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.pairs_for(
        request.user,
        status=d.get("status", ""),
        under=under,
        year=d.get("year"),
        closed=d.get("closed"),
        promoted=bool(d.get("promoted")),
        q=d.get("q", ""),
    )
    return render(request, "mentoring/pairs.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def pair_new(request: HttpRequest) -> HttpResponse:
    mentors = list(selectors.mentors_for(request.user)[:300])
    form = PairForm(request.POST or None, mentors=mentors, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Pair:
        d = form.cleaned_data
        actor = acting_user(request)
        mentor = next(m for m in mentors if m.pk == d["mentor"])
        data = services.PairFields(
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            goals=d["goals"],
            occupation=occupation_by_code(d["occupation"]) if d["occupation"] else None,
            mode=d["mode"],
            school=d["school"],
            school_mentor=d["school_mentor"],
            stipend=d["stipend"] or Decimal(0),
        )
        apprentice = person_in_scope(actor, d["id_number"], org, Perm.ORG_EDIT)
        return services.pair_create(actor=actor, org=org, mentor=mentor, apprentice=apprentice, data=data)

    pair = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该工会，或您无权结对。"))
    if pair is not None:
        messages.success(request, _("已结对，请添加带徒节点。"))
        return redirect("mentoring:pair", pk=pair.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("师徒结对")})


@staff_view
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = selectors.pair_get_for(request.user, pk)
    level = current_level(pair.apprentice, pair.occupation_id) if pair.occupation_id else None
    context: dict[str, Any] = {
        "pair": pair,
        "milestones": list(selectors.milestones_of(pair)),
        "evaluations": list(selectors.evaluations_of(pair)),
        "level_now": level,
        "can_edit": can(request.user, Perm.ORG_EDIT, pair.org),
        "milestone_form": MilestoneForm(),
        "evaluation_form": EvaluationForm(),
        "close_form": CloseForm(),
        "results_form": ResultsForm(initial={"competition_results": pair.competition_results}),
    }
    return render(request, "mentoring/pair.html", context)


@staff_view
@require_POST
def pair_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    pair = selectors.pair_get_for(request.user, pk)
    actor = acting_user(request)
    if action == "milestone":

        def add(d: dict[str, Any]) -> str:
            progress.milestone_add(actor=actor, pair=pair, title=d["title"], due_on=d["due_on"])
            return _("已添加带徒节点。")

        form_action(request, MilestoneForm(request.POST), add)
    elif action == "done":

        def done(d: dict[str, Any]) -> str:
            milestone = selectors.milestones_of(pair).filter(pk=d["milestone"]).first()
            if milestone is None:
                raise Http404
            progress.milestone_done(actor=actor, milestone=milestone, done_on=d["done_on"], note=d["note"])
            return _("节点已完成。")

        form_action(request, MilestoneDoneForm(request.POST), done)
    elif action == "evaluate":

        def evaluate(d: dict[str, Any]) -> str:
            progress.evaluation_record(
                actor=actor,
                pair=pair,
                direction=d["direction"],
                stage=d["stage"],
                score=d["score"],
                remarks=d["remarks"],
            )
            return _("已录入评价。")

        form_action(request, EvaluationForm(request.POST), evaluate)
    elif action == "results":

        def results(d: dict[str, Any]) -> str:
            services.results_record(actor=actor, pair=pair, competition_results=d["competition_results"])
            return _("已保存竞赛成绩。")

        form_action(request, ResultsForm(request.POST), results)
    elif action == "close":

        def close(d: dict[str, Any]) -> str:
            completed = d["outcome"] == "completed"
            services.pair_close(
                actor=actor,
                pair=pair,
                completed=completed,
                closed_on=d["closed_on"],
                note=d["note"],
                competition_results=d["competition_results"] or pair.competition_results,
            )
            return _("已出师。") if completed else _("已解除师徒关系。")

        form_action(request, CloseForm(request.POST), close)
    else:
        raise Http404
    return redirect("mentoring:pair", pk=pair.pk)


@staff_view
def mentor_list(request: HttpRequest) -> HttpResponse:
    """The mentors in scope, and registering one (the POST checks the chosen union)."""
    form = MentorForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def register(org: OrgNode) -> Mentor:
        d = form.cleaned_data
        actor = acting_user(request)
        person = person_in_scope(actor, d["id_number"], org, Perm.ORG_EDIT)
        return services.mentor_register(
            actor=actor,
            org=org,
            person=person,
            kind=d["kind"],
            title=d["title"],
            max_apprentices=d["max_apprentices"],
        )

    mentor = act_in_org(request, form, "org", Perm.ORG_EDIT, register, refused=_("找不到该工会，或您无权登记。"))
    if mentor is not None:
        messages.success(request, _("已登记师傅%(name)s。") % {"name": mentor.person.name})
        return redirect("mentoring:mentors")
    under = under_org(request)
    rows = list(selectors.mentors_for(request.user, under=under, q=request.GET.get("q", "")[:30])[:300])
    return render(request, "mentoring/mentors.html", {"rows": rows, "form": form, "under": under})

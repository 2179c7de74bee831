"""Workbench pages of a competition's entries and stages: entering members or teams under a union's quota,
a stage's sheet and judges, a clerk's score entry (double entry), resolving flagged scores, advancing, and
the stored ranking (paged by rank)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.idcard import normalize_idcard
from gonghui.common.paging import cursor, page_context
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.competitions import entries, ranking, scoring, selectors, services
from gonghui.skills.competitions.forms import EntryForm, ItemForm, JudgeForm, NoteForm, marks_from, seconds_from
from gonghui.skills.competitions.models import Entry, Judge, StageResult


@staff_view
def entry_list(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.competition_get_for(request.user, pk)
    form = EntryForm(request.POST or None)

    def enter(org: OrgNode) -> Entry:
        return entries.entry_create(
            actor=acting_user(request),
            competition=competition,
            org=org,
            member_nos=form.numbers(),
            team_name=form.cleaned_data["team_name"],
        )

    entry = act_in_org(request, form, "org", Perm.ORG_EDIT, enter, refused=_("找不到该工会，或您无权为它报名。"))
    if entry is not None:
        messages.success(request, _("已报名，参赛号%(n)s。") % {"n": entry.number_text})
        return redirect("competitions:entries", pk=pk)
    qs = selectors.entries_for(request.user, competition, q=request.GET.get("q", "")[:50])
    context = {**page_context(request, qs), "competition": competition, "form": form}
    return render(request, "competitions/entries.html", context)


@staff_view
@require_POST
def entry_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get_for(request.user, pk, Perm.ORG_EDIT)

    def withdraw() -> str:
        entries.entry_withdraw(actor=acting_user(request), entry=entry)
        return _("已退赛，名额已退回。")

    flash_outcome(request, withdraw)
    return redirect("competitions:entries", pk=entry.competition_id)


@staff_view
def stage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    stage = selectors.stage_get_for(request.user, pk)
    context: dict[str, Any] = {
        "stage": stage,
        "competition": stage.competition,
        "organiser": selectors.is_organiser(request.user, stage.competition),
        "items": list(stage.items.all()),
        "judges": list(stage.judges.select_related("person", "enterprise", "org")),
        "unranked": list(selectors.unranked(stage)[:100]),
        "item_form": ItemForm(),
        "judge_form": JudgeForm(),
        "note_form": NoteForm(),
    }
    return render(request, "competitions/stage.html", context)


def _person(id_number: str) -> Person:
    try:
        number = normalize_idcard(id_number)
    except ValidationError:
        number = id_number.strip().upper()
    person = Person.objects.filter(id_hmac=document_hmac(number)).first()
    if person is None:
        raise ValidationError({"id_number": _("找不到该人员，请核对身份证号码。")})
    return person


@staff_view
@require_POST
def stage_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    stage = selectors.stage_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "item":

        def add(d: dict[str, Any]) -> str:
            item = services.item_add(actor=actor, stage=stage, **d)
            return _("已增加评分项“%(name)s”。") % {"name": item.name}

        form_action(request, ItemForm(request.POST), add)
    elif action == "judge":

        def seat(d: dict[str, Any]) -> str:
            judge = services.judge_seat(actor=actor, stage=stage, person=_person(d["id_number"]), role=d["role"])
            return _("已聘请%(name)s为评委，其用手机登录“我的”即可评分。") % {"name": judge.person.name}

        form_action(request, JudgeForm(request.POST), seat)
    elif action == "judge_remove":
        judge = get_object_or_404(Judge, pk=request.POST.get("judge") or 0, stage=stage)
        flash_outcome(request, lambda: (services.judge_remove(actor=actor, judge=judge), _("已撤下评委。"))[1])
    elif action == "score":
        judge = get_object_or_404(Judge, pk=request.POST.get("judge") or 0, stage=stage)
        entry = get_object_or_404(Entry, competition=stage.competition, number=request.POST.get("number") or 0)
        items = list(stage.items.all())

        def score() -> str:
            scoring.score_enter(
                actor=actor,
                judge=judge,
                entry=entry,
                marks=marks_from(request.POST, items),
                time_seconds=seconds_from(request.POST),
                copy=2 if request.POST.get("copy") == "2" else 1,
            )
            return _("已录入参赛号%(n)s的评分。") % {"n": entry.number_text}

        flash_outcome(request, score)
    elif action == "resolve":
        result = get_object_or_404(StageResult, pk=request.POST.get("result") or 0, stage=stage)
        items = list(stage.items.all())

        def resolve(d: dict[str, Any]) -> str:
            scoring.result_resolve(actor=actor, result=result, marks=marks_from(request.POST, items), note=d["note"])
            return _("已裁定参赛号%(n)03d的成绩。") % {"n": result.number}

        form_action(request, NoteForm(request.POST), resolve)
    elif action == "advance":

        def advance() -> str:
            n = ranking.stage_advance(actor=actor, stage=stage)
            return _("“%(name)s”评分结束，%(n)s个参赛单元晋级。") % {"name": stage.name, "n": n}

        flash_outcome(request, advance)
    else:
        raise Http404
    return redirect("competitions:stage", pk=pk)


@staff_view
def ranking_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The stage's stored ranking, 50 a page (?after=<rank>): what the organiser (and entering unions, for
    the whole field) see; recomputed on every score change, never sorted here."""
    stage = selectors.stage_get_for_ranking(request.user, pk)
    rows, next_after = selectors.ranking(stage, after_rank=cursor(request.GET.get("after")) or 0)
    context = {"stage": stage, "competition": stage.competition, "rows": rows, "next_after": next_after}
    return render(request, "competitions/ranking.html", context)

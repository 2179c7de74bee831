"""The phone pages of 劳动和技能竞赛: a judge's stages and scoring (signed in with the worker sign-in; only
their own stages' entries, by entry number where the stage judges blind), and the public results notice
with its objection form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gonghui.common.access import public_view
from gonghui.common.form_errors import apply_validation_error
from gonghui.common.masking import mask_text
from gonghui.members.throttle import require_submission_slot
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.competitions import results, scoring, selectors
from gonghui.skills.competitions.forms import ObjectionForm, marks_from, seconds_from
from gonghui.skills.competitions.models import Entry


@worker_view
@never_cache
def judge_home(request: HttpRequest) -> HttpResponse:
    seats = list(selectors.seats_of(request.person)[:50])  # type: ignore[attr-defined]
    return render(request, "competitions/h5/judge_home.html", {"seats": seats})


@worker_view
@never_cache
def judge_stage(request: HttpRequest, pk: int) -> HttpResponse:
    judge = selectors.seat_of(request.person, pk)  # type: ignore[attr-defined]
    rows = list(selectors.judge_entries(judge)[:500])
    return render(request, "competitions/h5/judge_stage.html", {"judge": judge, "stage": judge.stage, "rows": rows})


@worker_view
@never_cache
def judge_score(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    judge = selectors.seat_of(request.person, pk)  # type: ignore[attr-defined]
    result = selectors.judge_entry(judge, entry_pk)
    entry = result.entry
    stage = judge.stage
    items = list(stage.items.all())
    conflict = scoring.conflict_of_interest(judge, entry)
    errors: list[str] = []
    if request.method == "POST":
        try:
            scoring.score_enter(
                actor=acting_user(request),
                judge=judge,
                entry=entry,
                marks=marks_from(request.POST, items),
                time_seconds=seconds_from(request.POST),
            )
        except ValidationError as exc:
            errors = exc.messages
        except PermissionDenied:
            errors = [_("您不是该赛段的评委。")]
        else:
            messages.success(request, _("参赛号%(n)s的评分已提交。") % {"n": entry.number_text})
            return redirect("competitions_h5:judge_stage", pk=pk)
    mine = selectors.my_score(judge, entry)
    context = {
        "judge": judge,
        "stage": stage,
        "entry": entry,
        "items": [
            (item, mine.marks.get(str(item.pk), "") if mine else request.POST.get(f"item_{item.pk}", ""))
            for item in items
        ],
        "mine": mine,
        "conflict": conflict,
        "errors": errors,
    }
    return render(request, "competitions/h5/judge_score.html", context)


@public_view
@never_cache
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    """结果公示: the prize winners (names masked), and during the notice a form to object to one of them."""
    competition = selectors.notice_competition(pk)
    form = ObjectionForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        entry = get_object_or_404(Entry, pk=request.POST.get("entry") or 0, competition=competition)
        try:
            require_submission_slot(request)
            results.objection_raise(competition=competition, entry=entry, **form.cleaned_data)
            sent, form = True, ObjectionForm()
        except ValidationError as exc:
            apply_validation_error(form, exc)
    awards = [(a, mask_text(a.person.name)) for a in selectors.notice_awards(competition)]
    context = {"competition": competition, "awards": awards, "form": form, "sent": sent}
    return render(request, "competitions/h5/notice.html", context)

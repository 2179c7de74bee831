"""The worker's 名师带徒 page on the phone (我的): the pairs they are in, as mentor or apprentice, with the
agreement, milestones and evaluations; and their own evaluation of the other side."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.form_errors import form_action
from gonghui.members.worker_access import worker_view
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.mentoring import progress, selectors
from gonghui.skills.mentoring.choices import EvaluationSide
from gonghui.skills.mentoring.forms import EvaluationForm


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    rows = []
    for pair in selectors.pairs_of(person)[:20]:
        as_mentor = pair.mentor.person_id == person.pk
        rows.append(
            {
                "pair": pair,
                "as_mentor": as_mentor,
                "direction": EvaluationSide.OF_APPRENTICE if as_mentor else EvaluationSide.OF_MENTOR,
                "milestones": list(selectors.milestones_of(pair)),
                "evaluations": list(selectors.evaluations_of(pair)),
            }
        )
    return render(request, "mentoring/h5/mine.html", {"rows": rows, "form": EvaluationForm()})


@worker_view
@require_POST
def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    pair = selectors.pair_of(person, pk)

    def record(d: dict[str, Any]) -> str:
        progress.evaluation_record(
            pair=pair,
            direction=d["direction"],
            stage=d["stage"],
            score=d["score"],
            remarks=d["remarks"],
            person=person,
            user=acting_user(request),
        )
        return _("评价已提交。")

    form_action(request, EvaluationForm(request.POST), record)
    return redirect("mentoring_h5:mine")

"""The worker's phone pages of 职工培训: open classes (public), a class's page and enrolment, and 我的培训
(my classes, each session's ticket and check-in, my hours against the completion rule, my certificates)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gonghui.common.access import public_view
from gonghui.common.form_errors import flash_outcome
from gonghui.events.eligibility import person_problem, window_problem
from gonghui.members.selectors import live_membership
from gonghui.members.worker_access import worker_view
from gonghui.members.worker_accounts import person_of
from gonghui.skills.training import completion, enrolment, selectors
from gonghui.skills.training.choices import EnrolmentStatus
from gonghui.skills.training.models import Enrolment


@public_view
def class_list(request: HttpRequest) -> HttpResponse:
    """Classes open for enrolment; a signed-in member sees those open to their union (and those open to all)."""
    person = person_of(request.user)
    membership = live_membership(person) if person else None
    rows = selectors.open_classes(for_union=membership.org if membership else None)
    return render(request, "training/h5/list.html", {"classes": list(rows[:50])})


@public_view
def class_detail(request: HttpRequest, pk: int) -> HttpResponse:
    klass = selectors.public_class_get(pk)
    person = person_of(request.user)
    upcoming = enrolment.upcoming_sessions(klass)
    mine = selectors.enrolment_of(person, klass) if person else None
    problem = "" if upcoming else _("培训班已没有待上的课次，不能报名。")
    if upcoming and not mine:
        problem = window_problem(upcoming[0].event) or ""
        if person and not problem:
            problem = person_problem(upcoming[0].event, person, live_membership(person)) or ""
    context = {
        "klass": klass,
        "sessions": list(selectors.sessions_of(klass)),
        "left": min((max(s.event.capacity - s.event.held, 0) for s in upcoming), default=0),
        "total": completion.hours_text(completion.class_hours(klass)),
        "mine": mine,
        "problem": problem,
        "signed_in": person is not None,
    }
    return render(request, "training/h5/detail.html", context)


@worker_view
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    klass = selectors.public_class_get(pk)
    try:
        enrolment.enrol(klass=klass, person=request.person)  # type: ignore[attr-defined]
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("training_h5:detail", pk=pk)
    messages.success(request, _("报名成功！每节课到场时出示该课次的票券签到。"))
    return redirect(f"{reverse('training_h5:mine')}#class-{klass.pk}")


@worker_view
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    rows = list(selectors.enrolments_of(person)[:20])
    signups: dict[int, list[Any]] = {}
    for s in selectors.my_sessions(person, [e.klass_id for e in rows]):
        signups.setdefault(s.event.training_session.klass_id, []).append(s)
    done = selectors.completions_of(person)
    classes = []
    for e in rows:
        standing = completion.standing(e.klass, person)
        classes.append(
            {
                "enrolment": e,
                "klass": e.klass,
                "signups": signups.get(e.klass_id, []),
                "shown": standing.shown(),
                "completion": done.get(e.klass_id),
            }
        )
    return render(request, "training/h5/mine.html", {"classes": classes})


@worker_view
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    mine_row = get_object_or_404(Enrolment, pk=pk, person=person, status=EnrolmentStatus.ACTIVE)

    def act() -> str:
        enrolment.withdraw(enrolment=mine_row)
        return _("已退出培训班。")

    flash_outcome(request, act)
    return redirect("training_h5:mine")

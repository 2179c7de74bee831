"""Reads of 名师带徒, through the scope for staff (mentors by their union, pairs by theirs); a worker reads the
pairs they are in, as mentor or as apprentice."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.skills.mentoring.choices import PairStatus
from gonghui.skills.mentoring.models import Evaluation, Mentor, Milestone, Pair


def mentors_for(user: Any, *, under: OrgNode | None = None, q: str = "") -> QuerySet[Mentor]:
    qs = scope_for(user).filter(Mentor.objects.select_related("org", "person", "honor__round__title", "expert"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if q.strip():
        qs = qs.filter(person__name__contains=q.strip())
    return qs.order_by("-pk")


def mentor_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Mentor:
    mentor: Mentor = get_object_or_404(Mentor.objects.select_related("org", "person"), pk=pk)
    require(user, mentor.org, perm)
    return mentor


def _pairs() -> QuerySet[Pair]:
    return Pair.objects.select_related("org", "mentor", "mentor__person", "apprentice", "occupation").annotate(
        milestones_due=Count("milestones", filter=Q(milestones__done_on__isnull=True), distinct=True),
    )


def pairs_for(
    user: Any,
    *,
    status: str = "",
    under: OrgNode | None = None,
    year: int | None = None,
    closed: int | None = None,
    promoted: bool = False,
    q: str = "",
) -> QuerySet[Pair]:
    qs = scope_for(user).filter(_pairs())
    if status:
        qs = qs.filter(status=status)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if year:  # running at some time in the year
        qs = qs.filter(Q(closed_on__isnull=True) | Q(closed_on__year__gte=year), starts_on__year__lte=year)
    if closed:
        qs = qs.filter(closed_on__year=closed)
    if promoted:
        qs = qs.filter(promoted_q())
    if q.strip():
        qs = qs.filter(Q(mentor__person__name__contains=q.strip()) | Q(apprentice__name__contains=q.strip()))
    return qs.order_by("-pk")


def promoted_q() -> Q:
    """出师 at a higher level than when paired (SkillLevel "1" is the highest, so a smaller value is higher)."""
    return Q(status=PairStatus.COMPLETED) & ~Q(level_end="") & (Q(level_start="") | Q(level_end__lt=F("level_start")))


def pair_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Pair:
    pair: Pair = get_object_or_404(_pairs(), pk=pk)
    require(user, pair.org, perm)
    return pair


def milestone_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Milestone:
    milestone: Milestone = get_object_or_404(Milestone.objects.select_related("pair", "pair__org"), pk=pk)
    require(user, milestone.pair.org, perm)
    return milestone


def milestones_of(pair: Pair) -> QuerySet[Milestone]:
    return Milestone.objects.filter(pair=pair).order_by("due_on", "pk")


def evaluations_of(pair: Pair) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(pair=pair).select_related("entered_by").order_by("stage", "direction")


# --- the worker's own --------------------------------------------------------------------------------------


def pairs_of(person: Person) -> QuerySet[Pair]:
    return _pairs().filter(Q(apprentice=person) | Q(mentor__person=person)).order_by("-pk")


def pair_of(person: Person, pk: int) -> Pair:
    pair: Pair = get_object_or_404(pairs_of(person), pk=pk)
    return pair

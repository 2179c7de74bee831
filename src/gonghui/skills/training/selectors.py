"""Reads of 职工培训: staff through the scope (the owning or organising union), a worker their own."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.events.choices import EventStatus
from gonghui.events.models import SignUp
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.skills.training.choices import ClassStatus, EnrolmentStatus
from gonghui.skills.training.models import Completion, Course, Enrolment, Session, TrainingBase, TrainingClass


def _under(qs: QuerySet[Any], under: OrgNode | None) -> QuerySet[Any]:
    return qs.filter(org__path__startswith=under.path) if under is not None else qs


def bases_for(user: Any, *, under: OrgNode | None = None, kind: str = "") -> QuerySet[TrainingBase]:
    qs = _under(scope_for(user).filter(TrainingBase.objects.select_related("org", "station", "enterprise")), under)
    return (qs.filter(kind=kind) if kind else qs).order_by("org__path", "kind", "name", "pk")


def base_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> TrainingBase:
    base: TrainingBase = get_object_or_404(TrainingBase.objects.select_related("org", "station"), pk=pk)
    require(user, base.org, perm)
    return base


def courses_for(user: Any, *, under: OrgNode | None = None) -> QuerySet[Course]:
    qs = _under(scope_for(user).filter(Course.objects.select_related("org", "occupation")), under)
    return qs.order_by("org__path", "title", "pk")


def course_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Course:
    course: Course = get_object_or_404(Course.objects.select_related("org", "occupation"), pk=pk)
    require(user, course.org, perm)
    return course


def _count(qs: QuerySet[Any]) -> Subquery:
    return Subquery(qs.order_by().values("n")[:1], output_field=IntegerField())


def with_counts(qs: QuerySet[TrainingClass]) -> QuerySet[TrainingClass]:
    """Each class with its sessions, enrolled trainees and attendances (人次): subqueries, no row fan-out."""
    sessions = Session.objects.filter(klass=OuterRef("pk")).exclude(event__status=EventStatus.CANCELLED)
    enrolled = Enrolment.objects.filter(klass=OuterRef("pk"), status=EnrolmentStatus.ACTIVE)
    came = SignUp.objects.filter(event__training_session__klass=OuterRef("pk"), checked_in_at__isnull=False).exclude(
        event__status=EventStatus.CANCELLED
    )
    completed = Completion.objects.filter(klass=OuterRef("pk"))
    return qs.annotate(
        n_sessions=Coalesce(_count(sessions.values("klass").annotate(n=Count("pk"))), 0),
        n_enrolled=Coalesce(_count(enrolled.values("klass").annotate(n=Count("pk"))), 0),
        n_came=Coalesce(_count(came.values("event__training_session__klass").annotate(n=Count("pk"))), 0),
        n_completed=Coalesce(_count(completed.values("klass").annotate(n=Count("pk"))), 0),
    )


def classes_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    year: int | None = None,
    status: str = "",
    occupation: int | None = None,
    q: str = "",
) -> QuerySet[TrainingClass]:
    """Classes run by unions in scope, newest first (keyset paging by id)."""
    qs = scope_for(user).filter(TrainingClass.objects.select_related("org", "course__occupation", "base"))
    qs = _under(qs, under)
    if year:
        qs = qs.filter(starts_on__year=year)
    if status:
        qs = qs.filter(status=status)
    if occupation:
        qs = qs.filter(course__occupation_id=occupation)
    if q.strip():
        qs = qs.filter(title__contains=q.strip()[:30])
    return with_counts(qs).order_by("-pk")


def class_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> TrainingClass:
    klass: TrainingClass = get_object_or_404(
        TrainingClass.objects.select_related("org", "course__occupation", "base__station", "audience_org"), pk=pk
    )
    require(user, klass.org, perm)
    return klass


def sessions_of(klass: TrainingClass) -> QuerySet[Session]:
    """The class's sessions in time order, each with its check-ins."""
    came = Count("event__signups", filter=Q(event__signups__checked_in_at__isnull=False))
    return klass.sessions.select_related("event").annotate(came=came).order_by("event__starts_at", "pk")


def roster(klass: TrainingClass) -> QuerySet[Enrolment]:
    """The class's active trainees (the caller checked the scope), with their union."""
    return (
        Enrolment.objects.filter(klass=klass, status=EnrolmentStatus.ACTIVE)
        .select_related("person", "org")
        .order_by("pk")
    )


# --- the worker's own ------------------------------------------------------------------------------


def open_classes(*, for_union: OrgNode | None = None) -> QuerySet[TrainingClass]:
    """Published classes with a session still to come, soonest first; `for_union` keeps those whose audience
    holds that union, and those open to non-members."""
    upcoming = Session.objects.filter(
        klass=OuterRef("pk"), event__status=EventStatus.PUBLISHED, event__starts_at__gt=timezone.now()
    )
    qs = TrainingClass.objects.filter(status=ClassStatus.PUBLISHED, ends_on__gte=timezone.localdate())
    qs = qs.filter(Exists(upcoming))
    if for_union is not None:
        above = paths_up(for_union.path)
        qs = qs.filter(
            Q(members_only=False) | Q(audience_org__path__in=above) | Q(audience_org__isnull=True, org__path__in=above)
        )
    return qs.select_related("org", "course__occupation", "base").order_by("starts_on", "pk")


def public_class_get(pk: int) -> TrainingClass:
    klass: TrainingClass = get_object_or_404(
        TrainingClass.objects.select_related("org", "course__occupation", "base__station", "audience_org"),
        pk=pk,
        status__in=[ClassStatus.PUBLISHED, ClassStatus.CANCELLED],
    )
    return klass


def enrolment_of(person: Person, klass: TrainingClass) -> Enrolment | None:
    return Enrolment.objects.filter(klass=klass, person=person, status=EnrolmentStatus.ACTIVE).first()


def enrolments_of(person: Person) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(person=person)
        .select_related("klass__org", "klass__course__occupation", "klass__base")
        .order_by("-pk")
    )


def completions_of(person: Person) -> dict[int, Completion]:
    """The person's completions by class id, with their certificates."""
    rows = Completion.objects.filter(person=person).select_related("certificate")
    return {c.klass_id: c for c in rows}


def my_sessions(person: Person, klass_ids: list[int]) -> QuerySet[SignUp]:
    """The person's sign-ups for the sessions of these classes (tickets and check-ins), in time order."""
    return (
        SignUp.objects.filter(person=person, event__training_session__klass_id__in=klass_ids)
        .select_related("event__training_session")
        .order_by("event__starts_at", "pk")
    )


def _in_or_above(user: Any, perm: Perm) -> Q:
    """Rows of unions where the user holds `perm`, their subtrees, and the unions above them."""
    scope = scope_for(user, perm)
    if scope.everything:
        return Q()
    query = scope.q("org__")
    for path in scope.paths:
        query |= Q(org__path__in=paths_up(path))
    return query


def courses_usable_by(user: Any) -> QuerySet[Course]:
    """Courses a cadre may run a class of: their unions' own and those of the unions above them."""
    return Course.objects.filter(_in_or_above(user, Perm.ORG_EDIT)).select_related("org").order_by("org__path", "title")


def bases_usable_by(user: Any) -> QuerySet[TrainingBase]:
    qs = TrainingBase.objects.filter(_in_or_above(user, Perm.ORG_EDIT), is_active=True).select_related("org")
    return qs.order_by("org__path", "kind", "name")

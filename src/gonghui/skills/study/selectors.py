"""Reads of 求学圆梦. Staff read through the scope: programmes by the union running them, applications by
the worker's own union (a grassroots cadre follows their workers; the county, its whole subtree). A worker
reads their own applications and the programmes open to them."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gonghui.ledger.choices import PayoutStatus
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.skills.study.choices import PLACED, StudyStatus
from gonghui.skills.study.models import Application, Programme, Standard

# The list's grouped filters (the figures link to them).
STATUS_GROUPS = {"placed": PLACED}


def _with_standards(qs: QuerySet[Programme]) -> QuerySet[Programme]:
    return qs.prefetch_related(Prefetch("standards", queryset=Standard.objects.order_by("level")))


def programmes_for(user: Any, *, year: int | None = None, under: OrgNode | None = None) -> QuerySet[Programme]:
    qs = scope_for(user).filter(Programme.objects.select_related("org"))
    if year:
        qs = qs.filter(year=year)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    return _with_standards(qs).order_by("-year", "-pk")


def programme_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Programme:
    programme: Programme = get_object_or_404(_with_standards(Programme.objects.select_related("org")), pk=pk)
    require(user, programme.org, perm)
    return programme


def applications_for(
    user: Any,
    *,
    programme: int | None = None,
    status: str = "",
    paid: bool = False,
    year: int | None = None,
    under: OrgNode | None = None,
    q: str = "",
) -> QuerySet[Application]:
    """Applications of the unions in scope, newest first, each with its programme, person and subsidy."""
    qs = scope_for(user).filter(
        Application.objects.select_related("programme", "programme__org", "org", "person", "payout")
    )
    if programme:
        qs = qs.filter(programme_id=programme)
    if status in STATUS_GROUPS:
        qs = qs.filter(status__in=STATUS_GROUPS[status])
    elif status:
        qs = qs.filter(status=status)
    if paid:
        qs = qs.filter(payout__status=PayoutStatus.APPROVED)
    if year:
        qs = qs.filter(programme__year=year)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if q.strip():
        qs = qs.filter(Q(person__name__contains=q.strip()) | Q(school__contains=q.strip()))
    return qs.order_by("-pk")


def application_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Application:
    application: Application = get_object_or_404(
        Application.objects.select_related(
            "programme", "programme__org", "org", "person", "payout", "payout__maker", "payout__checker", "decided_by"
        ),
        pk=pk,
    )
    require(user, application.org, perm)
    return application


# --- the worker's own -------------------------------------------------------------------------------------


def open_programmes_for(person: Person) -> list[Programme]:
    """Programmes taking applications today from the person's union (run by it or a union above it)."""
    membership = active_membership(person)
    if membership is None:
        return []
    today = timezone.localdate()
    qs = Programme.objects.filter(
        org__path__in=paths_up(membership.org.path), opens_on__lte=today, closes_on__gte=today
    )
    return list(_with_standards(qs.select_related("org")).order_by("org__depth", "-pk"))


def applications_of(person: Person) -> QuerySet[Application]:
    return (
        Application.objects.filter(person=person)
        .select_related("programme", "programme__org", "payout")
        .order_by("-pk")
    )


def application_of(person: Person, pk: int) -> Application:
    application: Application = get_object_or_404(applications_of(person), pk=pk)
    return application


def waiting_count(programme: Programme) -> int:
    return Application.objects.filter(programme=programme, status=StudyStatus.SUBMITTED).count()

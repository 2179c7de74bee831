"""Reads of 五小 calls and projects: through the scope, or for panel reviewers through their seats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from gonghui.common.figures import on_days
from gonghui.innovation.choices import ProjectStatus, StageStatus
from gonghui.innovation.figures import FINAL_STATUSES
from gonghui.innovation.models import (
    InnovationCall,
    Project,
    ReviewStage,
)
from gonghui.innovation.projects.review import stage_filter_open_for_reviewer
from gonghui.innovation.projects.review_chain import SCORING_KINDS
from gonghui.orgs.models import OrgNode, StaffRole, paths_up
from gonghui.orgs.roles import Perm, roles_with
from gonghui.orgs.scope import require, scope_for


def calls_for(user: Any) -> QuerySet[InnovationCall]:
    """Calls issued in the user's subtree, or by a federation above it that the user's unions answer to."""
    scope = scope_for(user)
    if scope.everything:
        return InnovationCall.objects.select_related("org")
    above = Q(pk__in=[])
    for path in scope.paths:
        above |= Q(org__path__in=paths_up(path))
    return InnovationCall.objects.select_related("org").filter(scope.q("org__") | above).distinct()


def call_get_for(user: Any, pk: int) -> InnovationCall:
    return get_object_or_404(calls_for(user), pk=pk)


def projects_for(
    user: Any, *, call: InnovationCall | None = None, status: str = "", category: str = "", q: str = ""
) -> QuerySet[Project]:
    qs = scope_for(user).filter(Project.objects.select_related("org", "call", "enterprise"))
    if call is not None:
        qs = qs.filter(call=call)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    if q.strip():
        qs = qs.filter(Q(title__contains=q.strip()) | Q(team__name=q.strip())).distinct()
    return qs.order_by("-pk")


@dataclass(frozen=True)
class ProjectFilters:
    """What the project list narrows to beyond projects_for's filters (the 五小 figures' drill-down): a union's
    subtree, the call's year, the days a project was declared in (申报, inclusive), an id of a call, and those
    recommended beyond their own union."""

    under: OrgNode | None = None
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    call_id: int | None = None
    recommended: bool = False


def projects_listed(
    user: Any, filters: ProjectFilters, *, status: str = "", category: str = "", q: str = ""
) -> QuerySet[Project]:
    """The project list: projects_for, narrowed as a figure's link asks (`submitted_at` as the figures count)."""
    f = filters
    qs = projects_for(user, status=status, category=category, q=q)
    if f.under is not None:
        qs = qs.filter(org__path__startswith=f.under.path)
    if f.year:
        qs = qs.filter(call__year=f.year)
    qs = qs.filter(on_days("submitted_at", f.start, f.end))
    if f.call_id:
        qs = qs.filter(call_id=f.call_id)
    if f.recommended:  # recommended beyond the union (or submitted at a federation)
        qs = qs.filter(Q(stage_order__gte=1) | Q(status__in=FINAL_STATUSES))
    return qs


def project_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Project:
    """A project the user may see: in their scope, or at a stage of a panel they sit on."""
    project = get_object_or_404(Project.objects.select_related("org", "call__org", "call__rubric", "enterprise"), pk=pk)
    if scope_for(user).contains(project.org):
        require(user, project.org, perm)
        return project
    if perm is Perm.VIEW and ReviewStage.objects.filter(stage_filter_open_for_reviewer(user), project=project).exists():
        return project
    raise Http404


def review_queue_for(user: Any, *, call: InnovationCall | None = None) -> QuerySet[ReviewStage]:
    """Open stages the user acts on: as a panel reviewer, or as a cadre of the union that decides them.

    A federation's cadre (county and up) decides its own level; the levels below are those unions' queues
    (and reachable from the project pages). A township or sector union's cadre also takes the
    recommendations (推荐) of the grassroots unions under it, which seldom have a cadre of their own online.
    """
    if getattr(user, "is_superuser", False):
        deciding = Q(status=StageStatus.OPEN)
    else:
        roles = StaffRole.objects.filter(user_id=user.pk, role__in=roles_with(Perm.REVIEW)).select_related("org")
        deciding = Q(pk__in=[])
        for role in roles:
            deciding |= Q(org_id=role.org_id)
            if role.org.kind not in SCORING_KINDS:
                deciding |= Q(scored=False, org__path__startswith=role.org.path)
        deciding &= Q(status=StageStatus.OPEN)
    qs = ReviewStage.objects.filter(stage_filter_open_for_reviewer(user) | deciding).select_related(
        "project__org", "project__call", "project__enterprise", "org"
    )
    if call is not None:
        qs = qs.filter(project__call=call)
    return qs.order_by("-pk")


def notice_projects(call: InnovationCall) -> QuerySet[Project]:
    """What the public notice shows: graded projects still on notice, or awarded ones afterwards."""
    return (
        Project.objects.filter(call=call, status__in=[ProjectStatus.NOTICE, ProjectStatus.AWARDED])
        .select_related("org", "enterprise")
        .prefetch_related("team")
        .order_by("rank", "pk")
    )


def certificate_get(number: str) -> Project:
    return get_object_or_404(
        Project.objects.select_related("call__org", "org", "enterprise").prefetch_related("team"),
        certificate_no=number,
        status=ProjectStatus.AWARDED,
    )

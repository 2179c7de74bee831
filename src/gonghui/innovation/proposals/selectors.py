"""Reads of 合理化建议, through the scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.common.figures import on_days
from gonghui.innovation.choices import ADOPTED_ANY, ADOPTED_STATUSES
from gonghui.innovation.models import (
    Proposal,
)
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import scope_for


def proposals_for(user: Any, *, status: str = "") -> QuerySet[Proposal]:
    """Proposals in scope, newest first; status ADOPTED_ANY: adopted, implemented since or not."""
    qs = scope_for(user).filter(Proposal.objects.select_related("org", "enterprise")).order_by("-pk")
    if status == ADOPTED_ANY:
        return qs.filter(status__in=ADOPTED_STATUSES)
    return qs.filter(status=status) if status else qs


@dataclass(frozen=True)
class ProposalFilters:
    """The proposal list's narrowing (the 合理化建议 figures' drill-down): a status, a union's subtree, the year
    or the days (inclusive) a proposal was made in."""

    status: str = ""
    under: OrgNode | None = None
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def proposals_listed(user: Any, filters: ProposalFilters) -> QuerySet[Proposal]:
    """The proposal list: proposals_for narrowed as a figure's link asks (`submitted_at`, as the figures count)."""
    f = filters
    qs = proposals_for(user, status=f.status)
    if f.under is not None:
        qs = qs.filter(org__path__startswith=f.under.path)
    if f.year:
        qs = qs.filter(submitted_at__year=f.year)
    return qs.filter(on_days("submitted_at", f.start, f.end))


def proposal_get_for(user: Any, pk: int) -> Proposal:
    return get_object_or_404(proposals_for(user), pk=pk)

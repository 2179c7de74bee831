"""Reads of 合理化建议, through the scope."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.innovation.models import (
    Proposal,
)
from gonghui.orgs.scope import scope_for


def proposals_for(user: Any, *, status: str = "") -> QuerySet[Proposal]:
    qs = scope_for(user).filter(Proposal.objects.select_related("org", "enterprise")).order_by("-pk")
    return qs.filter(status=status) if status else qs


def proposal_get_for(user: Any, pk: int) -> Proposal:
    return get_object_or_404(proposals_for(user), pk=pk)

"""Reads of selection rounds and nominations, through the scope."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.innovation.models import (
    Nomination,
    SelectionRound,
)
from gonghui.orgs.scope import scope_for


def rounds_for(user: Any) -> QuerySet[SelectionRound]:
    return scope_for(user).filter(SelectionRound.objects.select_related("org", "title"))


def round_get_for(user: Any, pk: int) -> SelectionRound:
    return get_object_or_404(rounds_for(user), pk=pk)


def nominations_for(user: Any, round_: SelectionRound) -> QuerySet[Nomination]:
    """A round's nominations from the unions the user sees (a county sees its own towns' nominees)."""
    nominations = round_.nominations.select_related("person", "enterprise", "nominated_by")
    return scope_for(user).filter(nominations, "nominated_by")

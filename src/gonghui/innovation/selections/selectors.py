"""Reads of selection rounds and nominations, through the scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.common.figures import dated_within
from gonghui.innovation.choices import NominationStatus
from gonghui.innovation.models import (
    Nomination,
    SelectionRound,
)
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import scope_for


def rounds_for(user: Any) -> QuerySet[SelectionRound]:
    return scope_for(user).filter(SelectionRound.objects.select_related("org", "title"))


def round_get_for(user: Any, pk: int) -> SelectionRound:
    return get_object_or_404(rounds_for(user), pk=pk)


def nominations_for(user: Any, round_: SelectionRound) -> QuerySet[Nomination]:
    """A round's nominations from the unions the user sees (a county sees its own towns' nominees)."""
    nominations = round_.nominations.select_related("person", "enterprise", "nominated_by")
    return scope_for(user).filter(nominations, "nominated_by")


@dataclass(frozen=True)
class HonorFilters:
    """The honor list's narrowing (the honor figures' drill-down). `under` is a union's subtree: of the nominating
    union, or with `hosted` of the union that ran the selection (as the 全员创新企业 figure counts); the year or
    the days (inclusive) an honor was conferred in; a level, a kind of selection or of nominee; front-line
    people; model workers."""

    under: OrgNode | None = None
    hosted: bool = False
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    level: str = ""
    kind: str = ""
    nominee: str = ""
    front_line: bool = False
    model_worker: bool = False


def honors_for(user: Any, filters: HonorFilters) -> QuerySet[Nomination]:
    """Conferred honors nominated by the unions in the user's scope, newest first, narrowed as a link asks.
    A selection's nominees come from its host's subtree, so `hosted` stays within the scope too."""
    f = filters
    qs = scope_for(user).filter(
        Nomination.objects.filter(status=NominationStatus.AWARDED).select_related(
            "round__title", "person", "enterprise", "nominated_by"
        ),
        "nominated_by",
    )
    if f.under is not None:
        qs = qs.filter(**{f"{'round__org' if f.hosted else 'nominated_by'}__path__startswith": f.under.path})
    if f.year:
        qs = qs.filter(awarded_on__year=f.year)
    qs = qs.filter(dated_within("awarded_on", f.start, f.end))
    exact = {"round__title__level": f.level, "round__kind": f.kind, "nominee_kind": f.nominee}
    qs = qs.filter(**{field: value for field, value in exact.items() if value})
    if f.front_line:
        qs = qs.filter(is_front_line=True)
    if f.model_worker:
        qs = qs.filter(round__title__is_model_worker=True)
    return qs.order_by("-awarded_on", "pk")

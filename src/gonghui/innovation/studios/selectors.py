"""Reads of innovation studios, through the scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.innovation.figures import standing_on
from gonghui.innovation.models import (
    Studio,
)
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import scope_for


def studios_for(user: Any) -> QuerySet[Studio]:
    return scope_for(user).filter(Studio.objects.select_related("org", "leader", "enterprise"))


def studio_get_for(user: Any, pk: int) -> Studio:
    return get_object_or_404(studios_for(user), pk=pk)


def studios_listed(
    user: Any, *, under: OrgNode | None = None, stars: int | None = None, standing: dt.date | None = None
) -> QuerySet[Studio]:
    """The studio list: those in scope (dissolved ones too), or with `standing` those on the roll that day as the
    studios figures count them; narrowed to a union's subtree and a number of stars (today's rating)."""
    qs = studios_for(user)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if standing is not None:
        qs = qs.filter(standing_on(standing))
    if stars is not None:
        qs = qs.filter(stars=stars)
    return qs.order_by("-pk")

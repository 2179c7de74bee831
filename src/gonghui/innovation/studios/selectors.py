"""Reads of innovation studios, through the scope."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gonghui.innovation.models import (
    Studio,
)
from gonghui.orgs.scope import scope_for


def studios_for(user: Any) -> QuerySet[Studio]:
    return scope_for(user).filter(Studio.objects.select_related("org", "leader", "enterprise"))


def studio_get_for(user: Any, pk: int) -> Studio:
    return get_object_or_404(studios_for(user), pk=pk)

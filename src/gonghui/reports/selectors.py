"""The figures a user may read, for a union in their scope and a period (ADR 0019).

Every page of reports (figures, dashboard, 大屏, returns, the work report) reads figures through here, never
through a domain: `figures_at` for one union's subtree, `child_breakdown` for its children side by side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.common.figures import Figure, FigureGroup, Period, Rollup, figure_groups
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require
from gonghui.reports.periods import year_period


@dataclass(frozen=True)
class FigureSheet:
    """One union's figures for a period, by group; a group is None when it does not count by that period
    (counted by year only). `computed_at` says how fresh the numbers are; `stale` when a refresh is overdue."""

    org: OrgNode
    period: Period
    groups: list[tuple[FigureGroup, list[Figure] | None]]
    computed_at: dt.datetime = field(default_factory=timezone.now)
    stale: bool = False

    def by_key(self) -> dict[str, Figure]:
        return {f.key: f for _, figures in self.groups for f in figures or []}


def sheet_compute(org: OrgNode, period: Period) -> FigureSheet:
    """Every registered group's figures for `org`'s subtree, counted now (no scope check: callers check)."""
    return FigureSheet(org=org, period=period, groups=[(g, g.figures(org, period)) for g in figure_groups()])


def figures_at(user: Any, org: OrgNode, period: Period) -> FigureSheet:
    """Each registered group's figures for `org`'s subtree and the period (404 outside the user's scope)."""
    require(user, org)
    return sheet_compute(org, period)


def figures_for(user: Any, org: OrgNode, year: int) -> list[tuple[FigureGroup, list[Figure]]]:
    """Each registered group's figures for `org`'s subtree and a calendar year (the figures page)."""
    sheet = figures_at(user, org, year_period(year))
    return [(group, figures) for group, figures in sheet.groups if figures is not None]


@dataclass(frozen=True)
class BreakdownRow:
    org: OrgNode
    own: bool  # the union's own row (本级): its subtree less its children's, for figures that add up
    values: dict[str, int | Decimal | float | None]


def child_breakdown(user: Any, org: OrgNode, period: Period) -> list[BreakdownRow]:
    """The union's children side by side, then its own row (本级); figures that do not add up (Rollup.RECOUNT)
    have no own row value."""
    require(user, org)
    total = sheet_compute(org, period).by_key()
    rows = []
    for child in OrgNode.objects.filter(path__startswith=org.path, depth=org.depth + 1).order_by("path"):
        values = {key: f.value for key, f in sheet_compute(child, period).by_key().items()}
        rows.append(BreakdownRow(org=child, own=False, values=values))
    own: dict[str, int | Decimal | float | None] = {}
    for key, figure in total.items():
        if figure.rollup != Rollup.SUM or figure.value is None:
            own[key] = None
            continue
        own[key] = figure.value - sum((row.values.get(key) or 0) for row in rows)  # type: ignore[operator]
    rows.append(BreakdownRow(org=org, own=True, values=own))
    return rows

"""The figures a user may read, for a union in their scope and a period (ADR 0019).

Every page of reports (figures, dashboard, 大屏, returns, the work report) reads figures through here, never
through a domain: `figures_at` for one union's subtree, `figures_compared` for the same with 同比 and targets,
`child_breakdown` for its children side by side, `trends_at` for the monthly series, `figure_sheets` and
`figure_values` for many unions at once. The numbers come from stored sheets kept fresh by reports.rollups.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gonghui.common.figures import Figure, FigureGroup, Period, Rollup
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require, scope_for
from gonghui.reports.periods import same_period_last_year, year_period
from gonghui.reports.rollups import (
    FigureSheet,
    StoredValues,
    TrendSeries,
    Value,
    sheet_compute,
    sheet_read,
    sheets_read,
    trends_read,
    values_read,
)

__all__ = [
    "BreakdownRow",
    "ComparedSheet",
    "FigureLine",
    "FigureSheet",
    "StoredValues",
    "TrendSeries",
    "child_breakdown",
    "figure_line",
    "figure_sheets",
    "figure_values",
    "figures_at",
    "figures_compared",
    "figures_for",
    "link_for_union",
    "sheet_compute",
    "trend_series_at",
    "trends_at",
]


def figures_at(user: Any, org: OrgNode, period: Period, *, allow_stale: bool = False) -> FigureSheet:
    """Each registered group's figures for `org`'s subtree and the period (404 outside the user's scope), from
    the stored sheet while it is fresh; `allow_stale` takes a stored sheet of any age (flagged `stale`)."""
    require(user, org)
    return sheet_read(org, period, allow_stale=allow_stale)


def figures_for(user: Any, org: OrgNode, year: int) -> list[tuple[FigureGroup, list[Figure]]]:
    """Each registered group's figures for `org`'s subtree and a calendar year (the figures page)."""
    sheet = figures_at(user, org, year_period(year))
    return [(group, figures) for group, figures in sheet.groups if figures is not None]


# --- 同比 and targets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureLine:
    """A figure beside the same period last year and its target. `change` is the 同比: the percentage change
    of a count or an amount, or for a share (a float, in %) the difference in percentage points; None when
    there is nothing to compare with (no value, last year's is 0, the union did not exist yet)."""

    figure: Figure
    last_year: Value = None
    change: float | None = None
    change_unit: str = "%"
    completion: float | None = None  # the value as a percentage of the target

    @property
    def size(self) -> float | None:
        """The change without its sign (the page shows the sign as an arrow)."""
        return None if self.change is None else abs(self.change)

    @property
    def direction(self) -> str:
        if self.change is None:
            return ""
        return "up" if self.change > 0 else "down" if self.change < 0 else "flat"


def _change(now: Value, before: Value) -> tuple[float | None, str]:
    if isinstance(now, float) or isinstance(before, float):
        points = None if now is None or before is None else round(float(now) - float(before), 1)
        return points, _("个百分点")
    if now is None or before is None or before == 0:
        return None, "%"
    return round(float((Decimal(now) - Decimal(before)) / Decimal(before) * 100), 1), "%"


def figure_line(figure: Figure, last_year: Value) -> FigureLine:
    change, unit = _change(figure.value, last_year)
    completion = None
    if figure.target and figure.value is not None:
        completion = round(float(Decimal(str(figure.value)) / Decimal(str(figure.target)) * 100), 1)
    return FigureLine(figure=figure, last_year=last_year, change=change, change_unit=unit, completion=completion)


@dataclass(frozen=True)
class ComparedSheet:
    sheet: FigureSheet
    before: FigureSheet | None  # the same period last year; None when the union was set up after it
    groups: list[tuple[FigureGroup, list[FigureLine] | None]]

    def by_key(self) -> dict[str, FigureLine]:
        return {line.figure.key: line for _, lines in self.groups for line in lines or []}


def figures_compared(user: Any, org: OrgNode, period: Period, *, allow_stale: bool = False) -> ComparedSheet:
    """The union's figures for the period, each with the same period last year (同比) and its target."""
    sheet = figures_at(user, org, period, allow_stale=allow_stale)
    last = same_period_last_year(period)
    before = None
    if org.established_on is None or last.end >= org.established_on:
        before = sheet_read(org, last, allow_stale=allow_stale)
    previous = before.by_key() if before is not None else {}
    groups: list[tuple[FigureGroup, list[FigureLine] | None]] = []
    for group, figures in sheet.groups:
        if figures is None:
            groups.append((group, None))
            continue
        lines = []
        for figure in figures:
            earlier = previous.get(figure.key)
            lines.append(figure_line(figure, earlier.value if earlier is not None else None))
        groups.append((group, lines))
    return ComparedSheet(sheet=sheet, before=before, groups=groups)


# --- children side by side -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownRow:
    org: OrgNode
    own: bool  # the union's own row (本级): its subtree less its children's, for figures that add up
    values: dict[str, int | Decimal | float | None]
    computed_at: dt.datetime | None = None
    stale: bool = False


def _children(org: OrgNode) -> QuerySet[OrgNode]:
    return OrgNode.objects.filter(path__startswith=org.path, depth=org.depth + 1).order_by("path")


def child_breakdown(user: Any, org: OrgNode, period: Period, *, allow_stale: bool = False) -> list[BreakdownRow]:
    """The union's children side by side, then its own row (本级); figures that do not add up (Rollup.RECOUNT)
    have no own row value. The children's stored values are read in one query whatever their number; those
    missing are counted and stored."""
    require(user, org)
    total = sheet_read(org, period, allow_stale=allow_stale)
    rows = [
        BreakdownRow(org=child, own=False, values=stored.values, computed_at=stored.computed_at, stale=stored.stale)
        for child, stored in values_read(_children(org), period, allow_stale=allow_stale)
    ]
    own: dict[str, int | Decimal | float | None] = {}
    for key, figure in total.by_key().items():
        if figure.rollup != Rollup.SUM or figure.value is None:
            own[key] = None
            continue
        own[key] = figure.value - sum((row.values.get(key) or 0) for row in rows)  # type: ignore[operator]
    rows.append(BreakdownRow(org=org, own=True, values=own, computed_at=total.computed_at, stale=total.stale))
    return rows


def link_for_union(url: str, org: OrgNode, other: OrgNode) -> str:
    """A figure's link (narrowed to `org`'s subtree, see common.figures.figure_link) narrowed to `other`'s
    instead: a child's cell in a breakdown links to the records it counts. A list whose own union picker is
    a parameter of its own (the roster's `org`) gets the child there too, so the page says whose list it is."""
    path, _sep, query = url.partition("?")
    params = [(k, other.code if k in ("under", "org") and v == org.code else v) for k, v in parse_qsl(query)]
    return f"{path}?{urlencode(params)}"


# --- trends ----------------------------------------------------------------------------------------------------


def trend_series_at(user: Any, org: OrgNode, year: int, *, allow_stale: bool = False) -> TrendSeries:
    """Each registered trend's twelve monthly values for the union's subtree, with when they were counted."""
    require(user, org)
    return trends_read(org, year, allow_stale=allow_stale)


def trends_at(user: Any, org: OrgNode, year: int) -> dict[str, list[int | Decimal]]:
    """Each registered trend (common.figures.trends) as twelve monthly values, January first; a month without
    any record, or still to come, is 0."""
    return trend_series_at(user, org, year).series


# --- many unions -----------------------------------------------------------------------------------------------


def figure_sheets(
    user: Any, orgs: QuerySet[OrgNode], period: Period, *, allow_stale: bool = False
) -> list[FigureSheet]:
    """The sheets of many unions at once (those in the user's scope, in the queryset's order)."""
    return sheets_read(orgs.filter(scope_for(user).q()), period, allow_stale=allow_stale)


def figure_values(
    user: Any, orgs: QuerySet[OrgNode], period: Period, *, allow_stale: bool = False
) -> list[tuple[OrgNode, StoredValues]]:
    """The values alone (no labels, no links) of many unions at once, in the user's scope: what a roll-up over
    thousands of unions needs, in two queries when their sheets are stored."""
    return values_read(orgs.filter(scope_for(user).q()), period, allow_stale=allow_stale)

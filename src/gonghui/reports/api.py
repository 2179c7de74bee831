"""Reports over the API (ADR 0019): every registered figure for a union's subtree and a period, with its
definition, unit, roll-up rule, target and 同比; one figure by child union; the catalogue of definitions.
Scoped: a union outside the caller's scope answers 404; a bad period or an unknown figure key 422 with the
reason in Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from gonghui.common.api_fields import Text20, Text64, Text100, Year
from gonghui.common.figures import Figure, Period
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.reports.catalogue import FigureInfo, figure_catalogue, figure_info
from gonghui.reports.periods import period_check_union, period_default, period_key, period_label, period_parse
from gonghui.reports.selectors import FigureLine, child_breakdown, figures_compared, link_for_union

router = Router(tags=["reports"])


class FigureOut(Schema):
    group: str
    key: str
    label: str
    value: float | None
    unit: str
    url: str
    definition: str
    rollup: str
    period: str
    target: float | None
    completion: float | None  # the value as a percentage of the target
    last_year: float | None  # the same period last year (同比)
    change: float | None  # the 同比: percentage change, or for a share the difference in percentage points
    change_unit: str
    computed_at: dt.datetime
    stale: bool


class FigureChildOut(Schema):
    org_code: str
    org_name: str
    own: bool  # the union's own row (本级): its subtree less its children, for figures that add up
    value: float | None
    url: str


class FigureBreakdownOut(FigureOut):
    periodic: bool
    period_label: str
    children: list[FigureChildOut]


class FigureInfoOut(Schema):
    key: str
    label: str
    unit: str
    definition: str
    group: str
    group_title: str
    rollup: str
    periodic: bool  # false: counted by year only (no value for a quarter or a month)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _period(org: OrgNode, period: str | None, year: int | None) -> Period:
    """The period asked for (a key, else a year, else this year so far), refused with a Chinese reason when it
    is in the future or ended before the union was set up."""
    chosen = period_parse(period) if period else period_parse(str(year)) if year else period_default()
    period_check_union(chosen, org.established_on)
    return chosen


def _line(group: str, line: FigureLine, key: str, computed_at: dt.datetime, stale: bool) -> dict[str, Any]:
    f: Figure = line.figure
    return {
        "group": group,
        "key": f.key,
        "label": str(f.label),
        "value": _number(f.value),
        "unit": str(f.unit),
        "url": f.url,
        "definition": str(f.definition),
        "rollup": f.rollup,
        "period": key,
        "target": _number(f.target),
        "completion": line.completion,
        "last_year": _number(line.last_year),
        "change": line.change,
        "change_unit": line.change_unit,
        "computed_at": computed_at,
        "stale": stale,
    }


@router.get("/reports/figures", response=list[FigureOut], operation_id="reports_figures")
def reports_figures(
    request: HttpRequest, org_code: Text100, period: Text20 | None = None, year: Year | None = None
) -> list[dict[str, Any]]:
    """Every registered figure (组织建设, 会员, 建功立业, …) for a union's subtree and a period — `period` as
    2026, 2026Q3, 2026-07 or 2026-ytd (本年累计, the default), or `year` — with what each counts (`definition`),
    the list it counts (`url`), its target and the same period last year (同比). A figure counted by year only
    is left out for a quarter or a month. `computed_at` says when the numbers were counted."""
    org = org_selectors.org_pick_for(request.user, org_code)
    chosen = _period(org, period, year)
    compared = figures_compared(request.user, org, chosen)
    sheet, key = compared.sheet, period_key(chosen)
    return [
        _line(group.key, line, key, sheet.computed_at, sheet.stale)
        for group, lines in compared.groups
        for line in lines or []
    ]


@router.get("/reports/figures/{key}", response=FigureBreakdownOut, operation_id="reports_figure")
def reports_figure(
    request: HttpRequest, key: Text64, org_code: Text100, period: Text20 | None = None
) -> dict[str, Any]:
    """One figure for a union's subtree and a period, with its definition, target and 同比, and its value for
    each child union side by side and for the union's own row (本级). For a figure counted by year only and a
    quarter or a month, every value is null."""
    info = figure_info(key)
    org = org_selectors.org_pick_for(request.user, org_code)
    chosen = _period(org, period, None)
    compared = figures_compared(request.user, org, chosen)
    line = compared.by_key().get(key) or FigureLine(figure=_absent(info))
    children = [
        {
            "org_code": row.org.code,
            "org_name": row.org.name,
            "own": row.own,
            "value": _number(row.values.get(key)),
            "url": line.figure.url if row.own else link_for_union(line.figure.url, org, row.org),
        }
        for row in child_breakdown(request.user, org, chosen)
    ]
    sheet = compared.sheet
    out = _line(info.group, line, period_key(chosen), sheet.computed_at, sheet.stale)
    return {**out, "periodic": info.periodic, "period_label": period_label(chosen), "children": children}


def _absent(info: FigureInfo) -> Figure:
    """A figure its group does not count for the period (by year only): described, without a value."""
    return Figure(info.key, info.label, None, info.unit, "", info.definition, info.rollup)


@router.get("/reports/catalogue", response=list[FigureInfoOut], operation_id="reports_catalogue")
def reports_catalogue(request: HttpRequest) -> list[dict[str, Any]]:
    """Every registered figure's definition (口径): key, Chinese name, unit, group, roll-up rule (`sum`: adds up
    over child unions; `recount`: distinct people, shares, stocks, counted for the subtree itself) and whether it
    counts by quarter and month."""
    return [
        {
            "key": info.key,
            "label": str(info.label),
            "unit": str(info.unit),
            "definition": str(info.definition),
            "group": info.group,
            "group_title": str(info.group_title),
            "rollup": info.rollup,
            "periodic": info.periodic,
        }
        for info in figure_catalogue().values()
    ]

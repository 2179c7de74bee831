"""The figures registry: each domain's `figures.py` registers its figures at start-up; `reports` reads them.

A figure is one number a union reports for its subtree and a year ("为20多家企业解决了60多个难题"), with
its definition (what it counts, 口径) and a link to the list it counts, narrowed to the subtree, so a
cadre can check any figure against its rows. The registry lives low so that the pages listing figures
never import the domains that compute them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import urlencode

from django.db.models import Aggregate, Count, Q, QuerySet
from django.db.models.functions import ExtractMonth
from django.urls import reverse
from django.utils import timezone


class Union(Protocol):
    """What a figure needs of a union: its code (for links) and its tree path (for the subtree)."""

    code: str
    path: str


class Rollup:
    """How a figure over a subtree relates to its children's (ADR 0019): SUM adds up (joins, payouts, yuan);
    RECOUNT does not (distinct people, a share, a stock as of a day) and is always computed for the subtree."""

    SUM = "sum"
    RECOUNT = "recount"


@dataclass(frozen=True)
class Period:
    """A reporting period, dates inclusive: a calendar year, a quarter, a month, or the year so far (本年累计,
    to_date). `number` is the quarter (1-4) or the month (1-12), 0 otherwise. Parsing, labels and the checks
    (not in the future, not before the union existed) live in reports.periods."""

    kind: str  # "year" | "quarter" | "month" | "to_date"
    year: int
    number: int
    start: dt.date
    end: dt.date

    @property
    def yearly(self) -> bool:
        """Whether a figure counted by year (a group that is not periodic) answers for this period."""
        return self.kind in ("year", "to_date")


def as_period(period: Period | int) -> Period:
    """A year given as a number (the yearly callers of a periodic group) is that calendar year."""
    if isinstance(period, Period):
        return period
    return Period("year", period, 0, dt.date(period, 1, 1), dt.date(period, 12, 31))


def local_midnight(day: dt.date) -> dt.datetime:
    """The day's first moment in the union's time zone: datetime fields compare against it on their index."""
    return dt.datetime.combine(day, dt.time.min, timezone.get_current_timezone())


def on_days(field: str, start: dt.date | None, end: dt.date | None) -> Q:
    """Rows whose datetime `field` falls on the local days `start` to `end`, inclusive; a bound left out
    bounds nothing. A list's drill-down and the figure it checks bound their moments alike."""
    days = Q()
    if start is not None:
        days &= Q(**{f"{field}__gte": local_midnight(start)})
    if end is not None:
        days &= Q(**{f"{field}__lt": local_midnight(end + dt.timedelta(days=1))})
    return days


def dated_within(field: str, start: dt.date | None, end: dt.date | None) -> Q:
    """Rows whose date `field` falls on `start` to `end`, inclusive; a bound left out bounds nothing (on_days's
    twin for a date rather than a moment)."""
    days = Q()
    if start is not None:
        days &= Q(**{f"{field}__gte": start})
    if end is not None:
        days &= Q(**{f"{field}__lte": end})
    return days


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any
    value: int | Decimal | float | None
    unit: Any = ""
    url: str = ""
    definition: Any = ""  # what is counted, as a report's footnote would say it (口径)
    rollup: str = Rollup.SUM
    target: int | Decimal | None = None  # 入会目标, a quota or a budget where one is set for the union


@dataclass(frozen=True)
class FigureGroup:
    key: str
    title: Any
    compute: Callable[[Any, Any], list[Figure]]  # (union, year) → its figures; (union, Period) when periodic
    order: int = 100
    periodic: bool = False

    def figures(self, org: Any, period: Period) -> list[Figure] | None:
        """The group's figures for the period, or None when it counts by year and the period is shorter."""
        if self.periodic:
            return self.compute(org, period)
        return self.compute(org, period.year) if period.yearly else None


FIGURE_GROUPS: dict[str, FigureGroup] = {}


def register_figures(
    key: str, title: Any, compute: Callable[[Any, Any], list[Figure]], *, order: int = 100, periodic: bool = False
) -> None:
    """Called from a domain's AppConfig.ready(); registering a key again replaces it (safe on reload).
    A periodic group's compute takes a Period (any span); any other takes the year."""
    FIGURE_GROUPS[key] = FigureGroup(key=key, title=title, compute=compute, order=order, periodic=periodic)


@dataclass(frozen=True)
class Trend:
    """A monthly series for the dashboard: compute(union, year) → {month: value} for the union's subtree,
    in one grouped query (never one query per month)."""

    key: str
    label: Any
    unit: Any
    definition: Any
    compute: Callable[[Any, int], dict[int, int | Decimal]]
    order: int = 100


TRENDS: dict[str, Trend] = {}


def register_trend(trend: Trend) -> None:
    TRENDS[trend.key] = trend


def per_month(rows: QuerySet[Any], field: str, year: int, measure: Aggregate | None = None) -> QuerySet[Any]:
    """(month, value) pairs of `rows` dated by `field` in `year`: one grouped query (a Trend's usual body).
    The month is the local one (USE_TZ: ExtractMonth converts a datetime to the current time zone)."""
    return (
        rows.filter(**{f"{field}__year": year})
        .order_by()
        .annotate(month=ExtractMonth(field))
        .values("month")
        .annotate(n=measure if measure is not None else Count("id"))
        .values_list("month", "n")
    )


def trends() -> list[Trend]:
    return sorted(TRENDS.values(), key=lambda trend: (trend.order, trend.key))


def figure_groups() -> list[FigureGroup]:
    return sorted(FIGURE_GROUPS.values(), key=lambda group: (group.order, group.key))


def figure_link(name: str, org: Union, *, period: Period | None = None, **params: Any) -> str:
    """The list a figure counts: the named page, narrowed to the union's subtree, to the period's days when one
    is given (`start` and `end`, which orgs.drilldown.SpanForm reads and the list applies to the date the
    figure counts by) and to the given filters."""
    bounds = {"start": period.start.isoformat(), "end": period.end.isoformat()} if period is not None else {}
    query = {"under": org.code, **bounds, **{k: v for k, v in params.items() if v != ""}}
    return f"{reverse(name)}?{urlencode(query)}"


def with_definitions(figures: list[Figure], definitions: dict[str, Any]) -> list[Figure]:
    """The figures, each with its definition: by its key, or by the key of its series (honors_city and
    studios_5_stars read those of honors and studios)."""
    out = []
    for figure in figures:
        key = figure.key
        while key not in definitions and "_" in key:
            key = key.rsplit("_", 1)[0]
        out.append(replace(figure, definition=definitions.get(key, "")))
    return out


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None

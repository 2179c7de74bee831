"""Stored figure sheets (ADR 0019): compute, store, read with a stated freshness, refresh, and check for drift.

A sheet is every registered group's figures for one union's subtree and one period. Reads use the stored sheet
while it is fresh — computed less than `GONGHUI_FIGURES_FRESH_SECONDS` ago, or computed after its period ended
(a past period's numbers no longer move; late corrections are what `reports_drift` finds and repairs) — and
otherwise count again and store the result. `allow_stale=True` takes a stored sheet of any age instead, flagged
`stale` with the time it was counted: the dashboard of a city does that rather than count 20,000 unions while
the cadre waits, and relies on `reports_refresh` (each federation in its own transaction, so a refresh that dies
leaves the previous values) to keep the stored sheets warm.

No scope checks here: reports.selectors checks the user and then calls these.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gonghui.common.figures import Figure, FigureGroup, Period, figure_groups, trends
from gonghui.orgs.kinds import FEDERATIONS
from gonghui.orgs.models import OrgNode
from gonghui.reports.catalogue import figure_catalogue, group_figure_keys
from gonghui.reports.models import FigureValue
from gonghui.reports.periods import (
    period_from_key,
    period_key,
    periods_current,
    same_period_last_year,
)

logger = logging.getLogger(__name__)

Value = int | Decimal | float | None
TRENDS_SUFFIX = "-trends"


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


@dataclass(frozen=True)
class StoredValues:
    """A union's values for a period without labels or links (what a breakdown by child union needs)."""

    values: dict[str, Value]
    computed_at: dt.datetime
    stale: bool = False


def sheet_compute(org: OrgNode, period: Period) -> FigureSheet:
    """Every registered group's figures for `org`'s subtree, counted now (no scope check: callers check)."""
    return FigureSheet(org=org, period=period, groups=[(g, g.figures(org, period)) for g in figure_groups()])


# --- values as JSON --------------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A figure's value as JSON that reads back as the same type: an amount (Decimal) travels as its string,
    since JSON numbers would come back as floats; a trend is a list of these."""
    if isinstance(value, bool):
        return int(value)
    if value is None or isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [encode(v) for v in value]
    raise TypeError(f"a figure's value must be a number or None, not {type(value).__name__}")


def decode(raw: Any) -> Any:
    if isinstance(raw, str):
        return Decimal(raw)
    if isinstance(raw, list):
        return [decode(v) for v in raw]
    return raw


# --- keys and freshness ----------------------------------------------------------------------------------------


def store_key(period: Period) -> str:
    """The key a period is stored under: its own, except a 本年累计 that covers the whole year, which is the year
    (the same numbers; a past year's 累计 and its 同比 partial span would otherwise share one key)."""
    if period.kind == "to_date" and period.end == dt.date(period.year, 12, 31):
        return str(period.year)
    return period_key(period)


def trends_key(year: int) -> str:
    return f"{year}{TRENDS_SUFFIX}"


def is_fresh(computed_at: dt.datetime, end: dt.date, now: dt.datetime | None = None) -> bool:
    """Counted recently, or counted after the period ended (when its numbers stopped moving)."""
    now = now or timezone.now()
    if timezone.localtime(computed_at).date() > end:
        return True
    return (now - computed_at).total_seconds() <= settings.GONGHUI_FIGURES_FRESH_SECONDS


def _expected_keys(period: Period) -> set[str]:
    return {key for g in figure_groups() if g.periodic or period.yearly for key in group_figure_keys(g)}


# --- store -----------------------------------------------------------------------------------------------------

_UPDATED = ["starts_on", "ends_on", "computed_at", "values", "targets", "links", "unlisted"]


def _unlisted(sheet: FigureSheet) -> dict[str, Any]:
    """The figures the catalogue does not list — a group whose keys depend on the records, one per station kind
    on record — described as computed, with the order of the groups holding them."""
    catalogue = figure_catalogue()
    order: dict[str, list[str]] = {}
    figures: dict[str, list[str]] = {}
    for group, computed in sheet.groups:
        keys = [f.key for f in computed or []]
        if computed is None or keys == group_figure_keys(group):
            continue
        order[group.key] = keys
        for f in computed:
            if f.key not in catalogue:
                figures[f.key] = [str(f.label), str(f.unit), str(f.definition), f.rollup]
    return {"order": order, "figures": figures} if order else {}


def _row(sheet: FigureSheet) -> FigureValue:
    figures = sheet.by_key().values()
    return FigureValue(
        org=sheet.org,
        period=store_key(sheet.period),
        starts_on=sheet.period.start,
        ends_on=sheet.period.end,
        computed_at=sheet.computed_at,
        values={f.key: encode(f.value) for f in figures},
        targets={f.key: encode(f.target) for f in figures if f.target is not None},
        links={f.key: f.url for f in figures if f.url},
        unlisted=_unlisted(sheet),
    )


def sheets_store(sheets: Iterable[FigureSheet]) -> None:
    """Store (or replace) sheets in one statement; concurrent readers storing the same sheet both succeed."""
    rows = {(row.org_id, row.period): row for row in map(_row, sheets)}  # one row per key: ON CONFLICT needs it
    if rows:
        FigureValue.objects.bulk_create(
            list(rows.values()), update_conflicts=True, unique_fields=["org", "period"], update_fields=_UPDATED
        )


def sheet_from_row(org: OrgNode, period: Period, row: FigureValue, *, stale: bool) -> FigureSheet:
    """A stored row as a sheet, each figure described by the catalogue."""
    catalogue = figure_catalogue()
    order, unlisted = row.unlisted.get("order", {}), row.unlisted.get("figures", {})
    groups: list[tuple[FigureGroup, list[Figure] | None]] = []
    for group in figure_groups():
        if not (group.periodic or period.yearly):
            groups.append((group, None))
            continue
        figures = []
        for key in order.get(group.key) or group_figure_keys(group):
            info = catalogue.get(key)
            label, unit, definition, rollup = (
                (info.label, info.unit, info.definition, info.rollup) if info is not None else unlisted[key]
            )
            target = row.targets.get(key)
            figures.append(
                Figure(
                    key=key,
                    label=label,
                    value=decode(row.values.get(key)),
                    unit=unit,
                    url=row.links.get(key, ""),
                    definition=definition,
                    rollup=rollup,
                    target=None if target is None else decode(target),
                )
            )
        groups.append((group, figures))
    return FigureSheet(org=org, period=period, groups=groups, computed_at=row.computed_at, stale=stale)


# --- read ------------------------------------------------------------------------------------------------------


def _usable(row: FigureValue, period: Period, expected: set[str], *, allow_stale: bool) -> bool | None:
    """True: fresh; False: usable only as stale; None: not usable (misses figures registered since)."""
    if not expected <= row.values.keys():
        return None
    if row.ends_on == period.end and is_fresh(row.computed_at, period.end):
        return True
    return False if allow_stale else None


def sheet_read(org: OrgNode, period: Period, *, allow_stale: bool = False) -> FigureSheet:
    """The union's stored sheet when usable, else counted now and stored."""
    row = FigureValue.objects.filter(org=org, period=store_key(period)).first()
    if row is not None:
        usable = _usable(row, period, _expected_keys(period), allow_stale=allow_stale)
        if usable is not None:
            return sheet_from_row(org, period, row, stale=not usable)
    sheet = sheet_compute(org, period)
    sheets_store([sheet])
    return sheet


def _split(
    unions: list[OrgNode], rows: dict[int, FigureValue], period: Period, *, allow_stale: bool
) -> tuple[dict[int, tuple[FigureValue, bool]], list[FigureSheet]]:
    """The usable stored rows by union (with whether each is stale), and the sheets of the others counted and
    stored together."""
    expected = _expected_keys(period)
    usable: dict[int, tuple[FigureValue, bool]] = {}
    for org in unions:
        row = rows.get(org.pk)
        fresh = None if row is None else _usable(row, period, expected, allow_stale=allow_stale)
        if row is not None and fresh is not None:
            usable[org.pk] = (row, not fresh)
    counted = [sheet_compute(org, period) for org in unions if org.pk not in usable]
    sheets_store(counted)
    return usable, counted


def sheets_read(orgs: QuerySet[OrgNode], period: Period, *, allow_stale: bool = False) -> list[FigureSheet]:
    """Many unions' sheets, in the queryset's order: the unions and their stored rows in two queries; the
    missing or stale ones counted and stored together."""
    unions = list(orgs)
    stored = FigureValue.objects.filter(org__in=orgs.values("pk"), period=store_key(period))
    usable, counted = _split(unions, {row.org_id: row for row in stored}, period, allow_stale=allow_stale)
    by_org = {sheet.org.pk: sheet for sheet in counted}
    for org in unions:
        if org.pk in usable:
            row, stale = usable[org.pk]
            by_org[org.pk] = sheet_from_row(org, period, row, stale=stale)
    return [by_org[org.pk] for org in unions]


def values_read(
    orgs: QuerySet[OrgNode], period: Period, *, allow_stale: bool = False
) -> list[tuple[OrgNode, StoredValues]]:
    """Many unions' values alone (no labels, no links), in the queryset's order: two queries when all are
    stored; the missing or stale ones counted and stored together."""
    unions = list(orgs)
    stored = FigureValue.objects.filter(org__in=orgs.values("pk"), period=store_key(period))
    rows = {row.org_id: row for row in stored.only("org_id", "ends_on", "computed_at", "values")}
    usable, counted = _split(unions, rows, period, allow_stale=allow_stale)
    out: dict[int, StoredValues] = {}
    for sheet in counted:
        values = {key: f.value for key, f in sheet.by_key().items()}
        out[sheet.org.pk] = StoredValues(values=values, computed_at=sheet.computed_at)
    for pk, (row, stale) in usable.items():
        values = {key: decode(raw) for key, raw in row.values.items()}
        out[pk] = StoredValues(values=values, computed_at=row.computed_at, stale=stale)
    return [(org, out[org.pk]) for org in unions]


# --- trends ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendSeries:
    """Each registered trend's twelve monthly values for a union's subtree and a year (0 for a month without
    any record, months still to come included)."""

    org: OrgNode
    year: int
    series: dict[str, list[int | Decimal]]
    computed_at: dt.datetime = field(default_factory=timezone.now)
    stale: bool = False


def trends_compute(org: OrgNode, year: int) -> TrendSeries:
    series: dict[str, list[int | Decimal]] = {}
    for trend in trends():
        by_month = trend.compute(org, year)
        series[trend.key] = [by_month.get(month, 0) for month in range(1, 13)]
    return TrendSeries(org=org, year=year, series=series)


def trends_store(series: Iterable[TrendSeries]) -> None:
    rows = {
        (s.org.pk, s.year): FigureValue(
            org=s.org,
            period=trends_key(s.year),
            starts_on=dt.date(s.year, 1, 1),
            ends_on=dt.date(s.year, 12, 31),
            computed_at=s.computed_at,
            values={key: encode(values) for key, values in s.series.items()},
        )
        for s in series
    }
    if rows:
        FigureValue.objects.bulk_create(
            list(rows.values()), update_conflicts=True, unique_fields=["org", "period"], update_fields=_UPDATED
        )


def trends_read(org: OrgNode, year: int, *, allow_stale: bool = False) -> TrendSeries:
    row = FigureValue.objects.filter(org=org, period=trends_key(year)).first()
    if row is not None and {t.key for t in trends()} <= row.values.keys():
        fresh = is_fresh(row.computed_at, row.ends_on)
        if fresh or allow_stale:
            series = {key: decode(values) for key, values in row.values.items()}
            return TrendSeries(org=org, year=year, series=series, computed_at=row.computed_at, stale=not fresh)
    computed = trends_compute(org, year)
    trends_store([computed])
    return computed


# --- refresh ---------------------------------------------------------------------------------------------------


@dataclass
class RefreshReport:
    unions: int = 0
    sheets: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (union code, what went wrong)


def refresh_periods(today: dt.date | None = None) -> list[Period]:
    """What a refresh counts: the periods read today (periods_current) and the same periods last year."""
    current = periods_current(today)
    return current + [same_period_last_year(p) for p in current]


def federations(under: OrgNode | None = None) -> QuerySet[OrgNode]:
    """The unions whose sheets are kept warm: every active federation (not grassroots), under `under` if given."""
    unions = OrgNode.objects.filter(kind__in=FEDERATIONS, is_active=True)
    if under is not None:
        unions = unions.filter(path__startswith=under.path)
    return unions.order_by("path")


def _final(org: OrgNode, wanted: dict[str, Period], years: list[int]) -> set[str]:
    """The keys among those wanted whose stored sheet was counted after its period ended, with every figure:
    their numbers no longer move (a late correction is the drift check's business)."""
    keys = [*wanted, *(trends_key(year) for year in years)]
    trend_keys = {t.key for t in trends()}
    final = set()
    stored = FigureValue.objects.filter(org=org, period__in=keys).values_list(
        "period", "ends_on", "computed_at", "values"
    )
    for key, ends_on, computed_at, values in stored:
        period = wanted.get(key)
        complete = trend_keys <= values.keys() if period is None else _expected_keys(period) <= values.keys()
        spans = period is None or ends_on == period.end
        if complete and spans and timezone.localtime(computed_at).date() > ends_on:
            final.add(key)
    return final


def figures_refresh(
    *,
    under: OrgNode | None = None,
    periods: list[Period] | None = None,
    everything: bool = False,
    today: dt.date | None = None,
    on_union: Callable[[OrgNode, int], None] | None = None,
) -> RefreshReport:
    """Count and store the federations' sheets: the periods read today and the same periods last year, and this
    and last year's trends — or only the `periods` given. A sheet already counted after its period ended is left
    as it is unless `everything` (or the periods are given).

    Each union's sheets are stored in one transaction of their own: a union that fails keeps its previous values
    and is reported, the others go on; a process killed half-way leaves every union as it last was. Safe to rerun.
    """
    today = today or timezone.localdate()
    wanted = {store_key(p): p for p in (periods or refresh_periods(today))}
    years = [] if periods else [today.year, today.year - 1]
    everything = everything or bool(periods)
    report = RefreshReport()
    for org in federations(under):
        try:
            with transaction.atomic():
                final = set() if everything else _final(org, wanted, years)
                sheets = [sheet_compute(org, period) for key, period in wanted.items() if key not in final]
                series = [trends_compute(org, year) for year in years if trends_key(year) not in final]
                sheets_store(sheets)
                trends_store(series)
        except Exception as exc:  # one union's failure must not stop the others' refresh
            logger.exception("figures refresh failed for %s", org.code)
            report.failed.append((org.code, f"{type(exc).__name__}: {exc}"))
            continue
        report.unions += 1
        report.sheets += len(sheets) + len(series)
        if on_union is not None:
            on_union(org, len(sheets) + len(series))
    return report


# --- drift -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drift:
    org: OrgNode
    period: str  # the stored key
    key: str
    stored: Any
    counted: Any
    target: bool = False  # the figure's target drifted, not its value


def _recount(row: FigureValue) -> tuple[FigureSheet | TrendSeries, dict[str, Any], dict[str, Any]]:
    if row.period.endswith(TRENDS_SUFFIX):
        series = trends_compute(row.org, row.starts_on.year)
        return series, dict(series.series), {}
    sheet = sheet_compute(row.org, period_from_key(row.period, end=row.ends_on))
    figures = sheet.by_key().values()
    return sheet, {f.key: f.value for f in figures}, {f.key: f.target for f in figures if f.target is not None}


def _differences(row: FigureValue, values: dict[str, Any], targets: dict[str, Any]) -> list[Drift]:
    found = []
    for key, counted in values.items():
        stored = decode(row.values.get(key))
        if stored != counted or key not in row.values:
            found.append(Drift(row.org, row.period, key, stored, counted))
    for key in values.keys() | row.targets.keys():
        stored, counted = decode(row.targets.get(key)), targets.get(key)
        if stored != counted:
            found.append(Drift(row.org, row.period, key, stored, counted, target=True))
    return found


def figures_drift(*, under: OrgNode | None = None, period: str = "", repair: bool = False) -> list[Drift]:
    """Recount every stored sheet (under a union, of one stored period key if given) and list what differs from
    the stored values; with `repair`, store the recount of each sheet that differs (one transaction each)."""
    rows = FigureValue.objects.select_related("org").order_by("org__path", "period")
    if under is not None:
        rows = rows.filter(org__path__startswith=under.path)
    if period:
        rows = rows.filter(period=period)
    found: list[Drift] = []
    for row in rows.iterator(chunk_size=200):
        recount, values, targets = _recount(row)
        differences = _differences(row, values, targets)
        found += differences
        if differences and repair:
            with transaction.atomic():
                if isinstance(recount, TrendSeries):
                    trends_store([recount])
                else:
                    sheets_store([recount])
    return found

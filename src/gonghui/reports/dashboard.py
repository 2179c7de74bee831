"""What the federation dashboard shows (ADR 0019): the headline figures of each line of work with 同比 and
targets, the monthly trends, the children side by side, and the platform-wide view of the roots.

Figures are picked by key and shown only when registered: a module that is not installed, or a key renamed,
drops a card instead of breaking the page. A line whose keys are all missing falls back to the first figures
of its groups. Every read goes through reports.selectors (the scope and the stored sheets live there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.figures import Figure, Period, Rollup, trends
from gonghui.orgs.kinds import ROOT_KINDS
from gonghui.orgs.models import OrgNode
from gonghui.orgs.selectors import org_roots_for
from gonghui.reports.alerts import Alert, alerts_at
from gonghui.reports.periods import (
    month_period,
    period_key,
    period_label,
    quarter_period,
    to_date_period,
    year_period,
)
from gonghui.reports.selectors import (
    ComparedSheet,
    FigureLine,
    FigureSheet,
    child_breakdown,
    figure_line,
    figures_compared,
    link_for_union,
    trend_series_at,
)

Value = int | Decimal | float | None
FALLBACK_CARDS = 4  # a line none of whose keys is registered shows this many figures of its groups


@dataclass(frozen=True)
class Line:
    """A line of work: the figures it leads with, and the groups they come from."""

    key: str
    title: Any
    keys: tuple[str, ...]
    groups: tuple[str, ...]


LINES: tuple[Line, ...] = (
    Line(
        "orgs",
        gettext_lazy("组织建设"),
        ("orgs_total", "orgs_grassroots", "orgs_new", "orgs_enterprises"),
        ("orgs",),
    ),
    Line(
        "members",
        gettext_lazy("会员"),
        ("members_total", "members_joined", "members_new_forms", "members_pending"),
        ("members",),
    ),
    Line(
        "aid",
        gettext_lazy("帮扶救助与四季送"),
        (
            "assistance_opened",
            "assistance_visits",
            "ledger_amount",
            "ledger_people",
            "campaigns_held",
            "campaigns_people",
        ),
        ("assistance", "ledger", "campaigns"),
    ),
    Line(
        "innovation",
        gettext_lazy("建功立业"),
        ("projects_declared", "projects_awarded", "proposals_adopted", "value_saved", "studios"),
        ("innovation",),
    ),
    Line(
        "desk",
        gettext_lazy("劳模工匠助企行"),
        ("needs_solved", "enterprises_helped", "workers_trained", "benefit"),
        ("desk",),
    ),
    Line(
        "service",
        gettext_lazy("服务阵地与活动"),
        ("stations", "visits", "events_held", "attendance"),
        ("stations", "events"),
    ),
    Line(
        "benefits",
        gettext_lazy("会员普惠"),
        ("cards", "merchants", "redemptions", "discount_year"),
        ("benefits",),
    ),
    Line(
        "skills",
        gettext_lazy("技能提升"),
        ("competitions_held", "training_attendances", "certification_people", "mentoring_pairs", "study_approved"),
        ("competitions", "training", "certification", "mentoring", "study"),
    ),
    Line(
        "rights",
        gettext_lazy("维权服务"),
        ("legal_consultations", "mediation_agreed", "arrears_recovered", "contracts", "earlywarning_open"),
        ("legalaid", "mediation", "arrears", "contracts", "earlywarning"),
    ),
)

# The breakdown's columns when none are chosen: one or two figures of each line that add up over children.
BREAKDOWN_KEYS: tuple[str, ...] = (
    "members_total",
    "members_joined",
    "orgs_grassroots",
    "ledger_amount",
    "projects_declared",
    "needs_solved",
    "visits",
    "attendance",
    "redemptions",
    "training_attendances",
    "mediation_disputes",
)


def stale_is_fine(org: OrgNode) -> bool:
    """A province, city or county federation reads its stored sheets of any age (the refresh job keeps them
    warm, ADR 0019) rather than count thousands of unions while the cadre waits; a town, an industry union
    and anything below are small enough to count again whenever their sheet is older than the setting."""
    return org.kind in ROOT_KINDS


# --- headline cards ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineCards:
    line: Line
    cards: list[FigureLine]
    yearly_only: bool  # one of its groups counts by year only: no figures of it for a quarter or a month


def headline(groups: dict[str, list[FigureLine] | None]) -> list[LineCards]:
    """Each line's cards, from the figures of every group by group key (None: not counted for the period)."""
    by_key = {line.figure.key: line for lines in groups.values() for line in lines or []}
    out = []
    for line in LINES:
        cards = [by_key[key] for key in line.keys if key in by_key]
        if not cards:
            cards = [card for group in line.groups for card in (groups.get(group) or [])][:FALLBACK_CARDS]
        yearly_only = any(group in groups and groups[group] is None for group in line.groups)
        if cards or yearly_only:
            out.append(LineCards(line=line, cards=cards, yearly_only=yearly_only))
    return out


def compared_groups(compared: ComparedSheet) -> dict[str, list[FigureLine] | None]:
    return {group.key: lines for group, lines in compared.groups}


def _add(values: list[Value]) -> Value:
    if any(v is None for v in values):
        return None
    if any(isinstance(v, float) for v in values):
        return None  # a share does not add up
    return sum(values)  # type: ignore[arg-type]


def without_union(url: str, org: OrgNode) -> str:
    """A figure's link for `org` widened to the user's whole scope (the platform's total): `under` and any
    other parameter naming the union (a list's own `org` filter) dropped."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "under" and v != org.code]
    return urlunsplit(parts._replace(query=urlencode(query)))


def platform_groups(sheets: list[ComparedSheet]) -> dict[str, list[FigureLine] | None]:
    """The platform's figures, group by group: figures that add up (Rollup.SUM) summed over the roots, with
    their 同比 and targets summed alike; the others (distinct people, shares, stocks recounted) have no
    platform value, since the roots' numbers cannot simply be added. A target is summed only when every root
    has one: part of the roots' targets would make the completion look better than it is."""
    if not sheets:
        return {}
    out: dict[str, list[FigureLine] | None] = {}
    per_root = [compared_groups(sheet) for sheet in sheets]
    first_root = sheets[0].sheet.org
    for group_key, first in per_root[0].items():
        if first is None or any(groups.get(group_key) is None for groups in per_root):
            out[group_key] = None
            continue
        lines = []
        for line in first:
            key = line.figure.key
            same = [next((x for x in groups[group_key] or [] if x.figure.key == key), None) for groups in per_root]
            figure = replace(line.figure, url=without_union(line.figure.url, first_root))
            if line.figure.rollup != Rollup.SUM or any(x is None for x in same):
                lines.append(FigureLine(figure=replace(figure, value=None, target=None)))
                continue
            value = _add([x.figure.value for x in same if x is not None])
            before = _add([x.last_year for x in same if x is not None])
            targets = [x.figure.target for x in same if x is not None]
            target = sum(t for t in targets if t is not None) if all(t is not None for t in targets) else None
            lines.append(figure_line(replace(figure, value=value, target=target), before))
        out[group_key] = lines
    return out


# --- the children side by side ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    unit: Any
    definition: Any
    adds_up: bool  # Rollup.SUM: the own row (本级) is the total less the children


@dataclass(frozen=True)
class Cell:
    value: Value
    url: str = ""


@dataclass(frozen=True)
class TableRow:
    org: OrgNode | None
    cells: list[Cell]


@dataclass(frozen=True)
class Breakdown:
    """Children (or, on the platform, the roots) side by side; then the union's own row (本级) and the total."""

    columns: list[Column]
    rows: list[TableRow]
    own: TableRow | None
    total: TableRow

    def chart(self) -> dict[str, Any]:
        """The bar chart's data (JSON): each column's values over the rows, the own row last."""
        rows = [*self.rows, *([self.own] if self.own else [])]
        names = [row.org.name if row.org and row is not self.own else _("本级") for row in rows]
        return {
            "names": names,
            "columns": [
                {
                    "key": column.key,
                    "label": str(column.label),
                    "unit": str(column.unit),
                    "values": [_number(row.cells[i].value) for row in rows],
                }
                for i, column in enumerate(self.columns)
            ],
        }


def _number(value: Value) -> float | int | None:
    if isinstance(value, Decimal):
        return float(value)
    return value


def chosen_keys(asked: list[str], available: dict[str, Figure]) -> list[str]:
    """The breakdown's columns: those asked for that exist, else the default ones that exist."""
    keys = [key for key in dict.fromkeys(asked) if key in available]
    return keys or [key for key in BREAKDOWN_KEYS if key in available]


def _columns(keys: list[str], figures: dict[str, Figure]) -> list[Column]:
    return [
        Column(
            key=key,
            label=figures[key].label,
            unit=figures[key].unit,
            definition=figures[key].definition,
            adds_up=figures[key].rollup == Rollup.SUM,
        )
        for key in keys
    ]


def breakdown(user: Any, org: OrgNode, period: Period, sheet: FigureSheet, keys: list[str]) -> Breakdown:
    """The union's children with a link per cell to the records that child's number counts, its own row and its
    total (the figures of `sheet`, the union's own)."""
    figures = sheet.by_key()
    rows = child_breakdown(user, org, period, allow_stale=stale_is_fine(org))
    children = [
        TableRow(
            org=row.org,
            cells=[Cell(row.values.get(key), link_for_union(figures[key].url, org, row.org)) for key in keys],
        )
        for row in rows
        if not row.own
    ]
    own_values = next(row.values for row in rows if row.own)
    return Breakdown(
        columns=_columns(keys, figures),
        rows=children,
        own=TableRow(org=org, cells=[Cell(own_values.get(key)) for key in keys]),
        total=TableRow(org=org, cells=[Cell(figures[key].value, figures[key].url) for key in keys]),
    )


def platform_breakdown(sheets: list[FigureSheet], keys: list[str]) -> Breakdown:
    """The roots side by side and the platform's total (figures that add up, summed)."""
    figures = sheets[0].by_key()
    rows = []
    for sheet in sheets:
        mine = sheet.by_key()
        rows.append(
            TableRow(
                org=sheet.org,
                cells=[Cell(mine[key].value, mine[key].url) if key in mine else Cell(None) for key in keys],
            )
        )
    total = []
    for i, key in enumerate(keys):
        adds_up = figures[key].rollup == Rollup.SUM
        value = _add([row.cells[i].value for row in rows]) if adds_up else None
        total.append(Cell(value, without_union(figures[key].url, sheets[0].org) if value is not None else ""))
    return Breakdown(columns=_columns(keys, figures), rows=rows, own=None, total=TableRow(org=None, cells=total))


# --- monthly trends -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendChart:
    key: str
    label: Any
    unit: Any
    definition: Any
    this_year: list[float | int | None]
    last_year: list[float | int | None]


def _series(values: list[Any], year: int, today: dt.date) -> list[float | int | None]:
    """Twelve months as numbers; months still to come are None (a gap, not a zero)."""
    months = [_number(v) for v in (list(values) + [0] * 12)[:12]]
    if year == today.year:
        return [v if m < today.month else None for m, v in enumerate(months)]
    return months if year < today.year else [None] * 12


def _summed(series: list[dict[str, list[Any]]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for one in series:
        for key, values in one.items():
            out[key] = [a + b for a, b in zip(out.get(key, [0] * 12), values, strict=False)]
    return out


def trend_charts(user: Any, orgs: list[OrgNode], year: int, today: dt.date) -> list[TrendChart]:
    """Each registered trend for the year and the year before, summed over `orgs` (one union, or the roots)."""

    def read(org: OrgNode, year: int) -> dict[str, list[Any]]:
        return dict(trend_series_at(user, org, year, allow_stale=stale_is_fine(org)).series)

    this = _summed([read(org, year) for org in orgs])
    last = _summed([read(org, year - 1) for org in orgs])
    return [
        TrendChart(
            key=trend.key,
            label=trend.label,
            unit=trend.unit,
            definition=trend.definition,
            this_year=_series(this.get(trend.key, []), year, today),
            last_year=_series(last.get(trend.key, []), year - 1, today),
        )
        for trend in trends()
        if trend.key in this
    ]


def trends_json(charts: list[TrendChart], year: int) -> dict[str, Any]:
    return {
        "months": [_("%(n)s月") % {"n": n} for n in range(1, 13)],
        "names": {"this": _("%(year)s年") % {"year": year}, "last": _("%(year)s年") % {"year": year - 1}},
        "trends": [
            {"key": c.key, "label": str(c.label), "unit": str(c.unit), "this": c.this_year, "last": c.last_year}
            for c in charts
        ],
    }


# --- the period picker --------------------------------------------------------------------------------------------


def period_options(today: dt.date) -> list[tuple[str, str]]:
    """What the picker offers: this year so far, this year and last year, their quarters (up to now) and the
    last twelve months."""
    periods = [to_date_period(today.year, today), year_period(today.year), year_period(today.year - 1)]
    periods += [quarter_period(today.year, q) for q in range((today.month - 1) // 3 + 1, 0, -1)]
    periods += [quarter_period(today.year - 1, q) for q in range(4, 0, -1)]
    month, year = today.month, today.year
    for _step in range(12):
        periods.append(month_period(year, month))
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
    return [(period_key(p), _("本年累计 · %(p)s") % {"p": period_label(p)} if p.kind == "to_date" else period_label(p))
            for p in periods]  # fmt: skip


# --- the page -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard page and its export show, for one union (`org`) or the platform (org None,
    `roots` side by side)."""

    org: OrgNode | None
    roots: list[OrgNode]
    period: Period
    lines: list[LineCards]
    breakdown: Breakdown | None
    trends: list[TrendChart]
    alerts: list[Alert]
    computed_at: dt.datetime
    stale: bool

    @property
    def definitions(self) -> list[tuple[Any, Any, Any]]:
        """统计口径: each headline figure, breakdown column and trend with what it counts, once per label."""
        seen: dict[str, tuple[Any, Any, Any]] = {}
        for line in self.lines:
            for card in line.cards:
                f = card.figure
                seen.setdefault(f.key, (line.line.title, f.label, f.definition))
        for column in self.breakdown.columns if self.breakdown else []:
            seen.setdefault(column.key, (_("下级工会对比"), column.label, column.definition))
        for chart in self.trends:
            seen.setdefault(f"trend:{chart.key}", (_("月度趋势"), chart.label, chart.definition))
        return list(seen.values())


def dashboard_for(
    user: Any, org: OrgNode, period: Period, *, columns: list[str] | None = None, today: dt.date | None = None
) -> Dashboard:
    """The union's dashboard (404 outside the user's scope)."""
    today = today or timezone.localdate()
    compared = figures_compared(user, org, period, allow_stale=stale_is_fine(org))
    sheet = compared.sheet
    keys = chosen_keys(columns or [], sheet.by_key())
    return Dashboard(
        org=org,
        roots=[],
        period=period,
        lines=headline(compared_groups(compared)),
        breakdown=breakdown(user, org, period, sheet, keys),
        trends=trend_charts(user, [org], period.year, today),
        alerts=alerts_at(user, org, today=today),
        computed_at=sheet.computed_at,
        stale=sheet.stale,
    )


def platform_for(
    user: Any, period: Period, *, columns: list[str] | None = None, today: dt.date | None = None
) -> Dashboard:
    """The platform administrator's view: every root of the tree side by side and the platform's total."""
    today = today or timezone.localdate()
    roots = org_roots_for(user)
    compared = [figures_compared(user, root, period, allow_stale=True) for root in roots]
    sheets = [c.sheet for c in compared]
    keys = chosen_keys(columns or [], sheets[0].by_key()) if sheets else []
    return Dashboard(
        org=None,
        roots=roots,
        period=period,
        lines=headline(platform_groups(compared)),
        breakdown=platform_breakdown(sheets, keys) if sheets else None,
        trends=trend_charts(user, roots, period.year, today),
        alerts=alerts_at(user, None, today=today),
        computed_at=min((s.computed_at for s in sheets), default=timezone.now()),
        stale=any(s.stale for s in sheets),
    )

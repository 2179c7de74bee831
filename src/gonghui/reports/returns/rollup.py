"""The federation's view of a form and period: each child union's status (未报/已报/退回/逾期) and submitted
values, and the roll-up of the submitted snapshots, without anyone entering a number again.

A figure that adds up (Rollup.SUM) totals the children's submitted values. One that does not (RECOUNT:
distinct people, shares, stocks as of a day) is shown per child and, for the total, counted for the
federation's whole subtree (its stored sheet, with the time it was counted) — labelled as such, never summed.
One query whatever the number of children (each with its return) plus the federation's sheet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import JSONField, OuterRef, Q, Subquery
from django.utils import timezone

from gonghui.common.figures import Period
from gonghui.orgs.models import OrgNode
from gonghui.orgs.scope import require
from gonghui.reports.periods import period_key
from gonghui.reports.returns.choices import FilingStatus, SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import ReturnForm, return_form_get
from gonghui.reports.returns.selectors import filing_status, return_period
from gonghui.reports.returns.snapshot import ReturnRow, Value, decode, row_of
from gonghui.reports.selectors import figures_at


@dataclass(frozen=True)
class Child:
    """A child union as the roll-up shows it (what a page, the API and the spreadsheet name it by)."""

    pk: int
    code: str
    name: str


@dataclass(frozen=True)
class ChildRow:
    org: Child
    status: FilingStatus
    submitted_at: dt.datetime | None
    late: bool  # submitted after the due day
    values: dict[str, Value]  # as submitted; empty until it is

    def value(self, key: str) -> Value:
        return self.values.get(key)


@dataclass(frozen=True)
class TotalRow:
    row: ReturnRow  # the figure as defined now, its value the federation's subtree as last counted
    submitted_sum: Value  # the children's submitted values added up (figures that add up only)

    @property
    def total(self) -> Value:
        return self.submitted_sum if self.row.adds_up else self.row.value


@dataclass(frozen=True)
class ChildrenView:
    org: OrgNode
    form: ReturnForm
    period: Period
    due_on: dt.date
    children: list[ChildRow]
    totals: list[TotalRow]
    counted_at: dt.datetime  # when the federation's own sheet (the RECOUNT totals) was counted
    counts: dict[str, int]

    @property
    def key(self) -> str:
        return period_key(self.period)

    @property
    def submitted(self) -> int:
        return self.counts.get(FilingStatus.SUBMITTED, 0)


def _add(total: Value, value: Value) -> Value:
    if value is None:
        return total
    if total is None:
        return value
    if isinstance(total, float) or isinstance(value, float):
        return float(total) + float(value)
    return total + value  # int and Decimal add exactly


def _children(org: OrgNode, form: ReturnForm, period: Period) -> list[tuple[Any, ...]]:
    """The children that file the form for the period (active, of a filing kind, set up by the period's end),
    each with its return for the period, in one query. Each child's return is found through the unique index
    (form, period, org) from the child: whatever the planner believes about a freshly loaded table, a join the
    other way round was once planned as 20,000 × 20,000 rows before the statistics caught up."""
    mine = Submission.objects.filter(org=OuterRef("pk"), form=form.key, period=period_key(period))
    return list(
        OrgNode.objects.filter(path__startswith=org.path, depth=org.depth + 1, is_active=True, kind__in=form.kinds)
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=period.end))
        .annotate(
            filed_status=Subquery(mine.values("status")[:1]),
            filed_values=Subquery(mine.values("values")[:1], output_field=JSONField()),
            filed_at=Subquery(mine.values("submitted_at")[:1]),
        )
        .order_by("path")
        .values_list("pk", "code", "name", "filed_status", "filed_values", "filed_at")
    )


def children_view(user: Any, org: OrgNode, form_key: str, period_text: str) -> ChildrenView:
    """The children's returns for a form and period, and their roll-up (404 outside the user's scope)."""
    require(user, org)
    form = return_form_get(form_key)  # the federation need not file the form itself (the province does not)
    period = return_period(form, org, period_text)
    today, due_on = timezone.localdate(), form.due_on(period)
    # Submitted after the due day: at or after the next day's first moment in the union's time zone.
    after_due = dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time.min, timezone.get_current_timezone())
    children = []
    for pk, code, name, status, raw, at in _children(org, form, period):
        filed = status == SubmissionStatus.SUBMITTED
        values = {key: decode(value) for key, value in (raw or {}).items()} if filed else {}
        late = filed and at is not None and at >= after_due
        state = filing_status(status, due_on, today)
        children.append(ChildRow(Child(pk, code, name), state, at if filed else None, late, values))
    sheet = figures_at(user, org, period)
    figures = sheet.by_key()
    totals = []
    for section, key in form.rows():
        row = row_of(str(section), key, figures.get(key))
        total: Value = None
        if row.adds_up:
            for child_row in children:
                total = _add(total, child_row.values.get(key))
        totals.append(TotalRow(row=row, submitted_sum=total))
    counts = Counter(child.status.value for child in children)
    return ChildrenView(
        org=org,
        form=form,
        period=period,
        due_on=due_on,
        children=children,
        totals=totals,
        counted_at=sheet.computed_at,
        counts=dict(counts),
    )


def as_number(value: Value) -> Decimal | float | int | None:
    """For the spreadsheet: a whole Decimal as an int, so Excel shows 12 rather than 12.00."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value

"""The federation's view of a form and period: each child union's status (未报/已报/退回/逾期) and submitted
values, and the roll-up of the submitted snapshots, without anyone entering a number again.

A figure that adds up (Rollup.SUM) totals the children's submitted values. One that does not (RECOUNT:
distinct people, shares, stocks as of a day) is shown per child and, for the total, counted for the
federation's whole subtree (its stored sheet, with the time it was counted) — labelled as such, never summed.
Two queries whatever the number of children (the children, their submissions) plus the federation's sheet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
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
class ChildRow:
    org: OrgNode
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


def _children(org: OrgNode, form: ReturnForm, period: Period) -> list[OrgNode]:
    """The children that file the form for the period: active, of a filing kind, set up by the period's end."""
    return list(
        OrgNode.objects.filter(path__startswith=org.path, depth=org.depth + 1, is_active=True, kind__in=form.kinds)
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=period.end))
        .only("pk", "code", "name", "kind", "path", "depth", "established_on")
        .order_by("path")
    )


def _submissions(org: OrgNode, form: ReturnForm, period: Period) -> dict[int, tuple[str, Any, dt.datetime | None]]:
    found = Submission.objects.filter(
        form=form.key, period=period_key(period), org__path__startswith=org.path, org__depth=org.depth + 1
    ).values_list("org_id", "status", "values", "submitted_at")
    return {org_id: (status, values, at) for org_id, status, values, at in found}


def children_view(user: Any, org: OrgNode, form_key: str, period_text: str) -> ChildrenView:
    """The children's returns for a form and period, and their roll-up (404 outside the user's scope)."""
    require(user, org)
    form = return_form_get(form_key)  # the federation need not file the form itself (the province does not)
    period = return_period(form, org, period_text)
    today, due_on = timezone.localdate(), form.due_on(period)
    submissions = _submissions(org, form, period)
    children = []
    for child in _children(org, form, period):
        status, raw, at = submissions.get(child.pk, (None, None, None))
        filed = status == SubmissionStatus.SUBMITTED
        values = {key: decode(value) for key, value in (raw or {}).items()} if filed else {}
        late = filed and at is not None and timezone.localtime(at).date() > due_on
        children.append(ChildRow(child, filing_status(status, due_on, today), at if filed else None, late, values))
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

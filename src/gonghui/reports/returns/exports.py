"""Returns as the federation files them in Excel: one union's return (a row per figure with its unit and
definition), and the roll-up (a row per figure, a column per child union, then the total). Counts only."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.figures import Rollup
from gonghui.reports.periods import period_label
from gonghui.reports.returns.rollup import ChildrenView, as_number
from gonghui.reports.returns.selectors import ReturnSheet

# Excel has 16,384 columns; a federation with more children than fit gets one row per child instead.
MAX_CHILD_COLUMNS = 16_000


def _when(at: Any) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else ""


def sheet_xlsx(sheet: ReturnSheet) -> bytes:
    """One union's return: the form's rows, then who filed it, when, and the remarks."""
    submission = sheet.submission
    submitted = submission is not None and submission.status == "submitted"
    heading = [_("序号"), _("栏目"), _("指标"), _("单位"), _("本期数"), _("统计口径")]
    rows: list[list[Any]] = [
        [n, row.section, row.label, row.unit, as_number(row.value), row.definition]
        for n, row in enumerate(sheet.rows, start=1)
    ]
    rows += [
        [],
        ["", _("填报单位"), sheet.org.name],
        ["", _("报表"), str(sheet.form.name)],
        ["", _("统计期间"), period_label(sheet.period)],
        ["", _("状态"), str(sheet.status.label) if submitted else _("未报送（以下为实时统计数）")],
        ["", _("报送时间"), _when(submission.submitted_at) if submitted and submission else ""],
        ["", _("数据统计时间"), _when(sheet.computed_at)],
        ["", _("填报说明"), submission.remarks if submission else ""],
    ]
    buffer = io.BytesIO()
    write_xlsx(buffer, [Sheet(str(sheet.form.name), heading, rows, widths=[6, 18, 26, 8, 14, 70])])
    return buffer.getvalue()


def _figure_cells(total: Any) -> list[Any]:
    row = total.row
    how = _("合计") if row.adds_up else _("辖区重算")
    return [row.section, row.label, row.unit, how]


def _wide(view: ChildrenView) -> Sheet:
    """Rows = figures, columns = child unions, then the total (the layout the federation files)."""
    heading = [_("栏目"), _("指标"), _("单位"), _("汇总方式")]
    heading += [child.org.name for child in view.children] + [_("合计"), _("统计口径")]

    def rows() -> Iterator[list[Any]]:
        yield (
            ["", _("报送状态"), "", ""]
            + [str(child.status.label) for child in view.children]
            + [
                _("已报 %(n)s / %(all)s") % {"n": view.submitted, "all": len(view.children)},
                "",
            ]
        )
        for total in view.totals:
            cells = [as_number(child.value(total.row.key)) for child in view.children]
            yield _figure_cells(total) + cells + [as_number(total.total), total.row.definition]

    widths = [14, 24, 6, 10] + [16] * len(view.children) + [14, 60]
    return Sheet(str(view.form.name), heading, rows(), widths=widths)


def _long(view: ChildrenView) -> Sheet:
    """One row per child union, a column per figure, then the total row: for federations too wide for Excel."""
    heading = [_("工会"), _("报送状态")] + [f"{t.row.label}（{t.row.unit}）" for t in view.totals]

    def rows() -> Iterator[list[Any]]:
        for child in view.children:
            yield [child.org.name, str(child.status.label)] + [as_number(child.value(t.row.key)) for t in view.totals]
        yield [_("合计"), ""] + [as_number(t.total) for t in view.totals]

    return Sheet(str(view.form.name), heading, rows())


def children_xlsx(view: ChildrenView) -> bytes:
    """The federation's roll-up, with a second sheet saying what each figure counts and how it is totalled."""
    table = _wide(view) if len(view.children) <= MAX_CHILD_COLUMNS else _long(view)
    notes = Sheet(
        _("说明"),
        [_("指标"), _("单位"), _("汇总方式"), _("统计口径")],
        [
            [
                t.row.label,
                t.row.unit,
                _("各下级工会报送数相加") if t.row.rollup == Rollup.SUM else _("按本会辖区实时重新统计，不相加"),
                t.row.definition,
            ]
            for t in view.totals
        ]
        + [
            [],
            [_("填报单位"), view.org.name],
            [_("统计期间"), period_label(view.period)],
            [_("辖区数据统计时间"), _when(view.counted_at)],
        ],
        widths=[26, 8, 30, 70],
    )
    buffer = io.BytesIO()
    write_xlsx(buffer, [table, notes])
    return buffer.getvalue()

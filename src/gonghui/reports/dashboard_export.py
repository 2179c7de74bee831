"""The dashboard as an Excel workbook (ADR 0019): the headline figures with 同比, targets and their definitions
(统计口径), the children side by side with each column's definition, the monthly trends and the alerts. Counts
only: no person appears in it."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.reports.dashboard import Breakdown, Dashboard, Value
from gonghui.reports.periods import period_key, period_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Value) -> Any:
    """A number as Excel keeps it (amounts as numbers, not text); no value as an empty cell."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def _where(board: Dashboard) -> str:
    return board.org.name if board.org is not None else _("全平台")


def headline_rows(board: Dashboard) -> list[list[Any]]:
    rows = []
    for line in board.lines:
        for card in line.cards:
            f = card.figure
            change = f"{card.change:+.1f}{card.change_unit}" if card.change is not None else ""
            completion = f"{card.completion:.1f}%" if card.completion is not None else ""
            rows.append(
                [
                    str(line.line.title),
                    str(f.label),
                    _cell(f.value),
                    str(f.unit),
                    _cell(card.last_year),
                    change,
                    _cell(f.target),
                    completion,
                    str(f.definition),
                ]
            )
    return rows


def breakdown_sheet(table: Breakdown, platform: bool) -> Sheet:
    head = [_("组织") if platform else _("下级工会")] + [f"{c.label}（{c.unit}）" for c in table.columns]
    rows: list[list[Any]] = [
        [row.org.name if row.org else ""] + [_cell(c.value) for c in row.cells] for row in table.rows
    ]
    if table.own is not None:
        rows.append([_("本级")] + [_cell(c.value) for c in table.own.cells])
    rows.append([_("合计")] + [_cell(c.value) for c in table.total.cells])
    rows.append([])
    rows.append([_("统计口径")])
    rows += [[f"{c.label}（{c.unit}）", str(c.definition)] for c in table.columns]
    if table.own is not None:
        rows.append([_("本级"), _("合计减去各下级工会之和；不能相加的指标（人数去重、占比等）不计本级。")])
    return Sheet(_("下级工会对比") if not platform else _("各组织对比"), head, rows)


def dashboard_xlsx(board: Dashboard) -> bytes:
    when = timezone.localtime(board.computed_at).strftime("%Y-%m-%d %H:%M")
    title = [_("数据看板"), _where(board), period_label(board.period), _("数据更新于 %(at)s") % {"at": when}]
    head = [_("工作"), _("指标"), _("数值"), _("单位"), _("上年同期"), _("同比"), _("目标"), _("完成率"), _("统计口径")]
    widths = [16, 22, 14, 8, 14, 12, 12, 10, 80]
    sheets = [Sheet(_("主要指标"), head, [*headline_rows(board), [], title], widths=widths)]
    if board.breakdown is not None:
        sheets.append(breakdown_sheet(board.breakdown, platform=board.org is None))
    months = [_("%(n)s月") % {"n": n} for n in range(1, 13)]
    year = board.period.year
    trend_rows: list[list[Any]] = []
    for chart in board.trends:
        trend_rows.append([f"{chart.label}（{chart.unit}）", str(year), *chart.this_year, str(chart.definition)])
        trend_rows.append([f"{chart.label}（{chart.unit}）", str(year - 1), *chart.last_year, ""])
    sheets.append(Sheet(_("月度趋势"), [_("指标"), _("年度"), *months, _("统计口径")], trend_rows))
    alert_rows = [[str(a.label), a.count, str(a.unit), str(a.definition)] for a in board.alerts]
    sheets.append(Sheet(_("预警提醒"), [_("事项"), _("数量"), _("单位"), _("统计口径")], alert_rows))
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return buffer.getvalue()


def export_name(board: Dashboard) -> str:
    where = board.org.code if board.org is not None else "platform"
    return f"dashboard-{where}-{period_key(board.period)}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"

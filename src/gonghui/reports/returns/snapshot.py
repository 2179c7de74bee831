"""A return's rows: live (from a union's figure sheet) or frozen (from a submission's snapshot), and the
difference between the two. Values travel as JSON that reads back as the same type."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from gonghui.common.figures import Figure, Rollup
from gonghui.reports.returns.return_forms import ReturnForm

Value = int | Decimal | float | None


def encode(value: Value) -> int | float | str | None:
    """An amount (Decimal) as its text, so it reads back exact; a count or a share as the JSON number."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    return value


def decode(raw: Any) -> Value:
    if isinstance(raw, str):
        return Decimal(raw)
    if isinstance(raw, int | float) or raw is None:
        return raw
    return None  # nothing else is ever stored; a hand-edited row reads as not counted rather than failing


@dataclass(frozen=True)
class ReturnRow:
    key: str
    section: str
    label: str
    unit: str
    definition: str
    rollup: str
    value: Value

    @property
    def adds_up(self) -> bool:
        return self.rollup == Rollup.SUM


def row_of(section: str, key: str, figure: Figure | None) -> ReturnRow:
    """A key no group answers any more (a figure withdrawn after the form was written) shows as not counted,
    never as a zero."""
    if figure is None:
        return ReturnRow(key, section, key, "", _("该指标已不再统计。"), Rollup.RECOUNT, None)
    return ReturnRow(
        key=key,
        section=section,
        label=str(figure.label),
        unit=str(figure.unit),
        definition=str(figure.definition),
        rollup=figure.rollup,
        value=figure.value,
    )


def rows_from_figures(form: ReturnForm, figures: dict[str, Figure]) -> list[ReturnRow]:
    """The form's rows with the figures' values now."""
    return [row_of(str(section), key, figures.get(key)) for section, key in form.rows()]


def snapshot_of(rows: list[ReturnRow]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """(values, figures) as a submission stores them."""
    values = {row.key: encode(row.value) for row in rows}
    figures = [
        {
            "key": row.key,
            "section": row.section,
            "label": row.label,
            "unit": row.unit,
            "definition": row.definition,
            "rollup": row.rollup,
        }
        for row in rows
    ]
    return values, figures


def rows_from_snapshot(values: dict[str, Any], figures: list[dict[str, str]]) -> list[ReturnRow]:
    return [
        ReturnRow(
            key=f["key"],
            section=f.get("section", ""),
            label=f.get("label", f["key"]),
            unit=f.get("unit", ""),
            definition=f.get("definition", ""),
            rollup=f.get("rollup", Rollup.SUM),
            value=decode(values.get(f["key"])),
        )
        for f in figures
    ]


@dataclass(frozen=True)
class DiffRow:
    """One row as submitted beside the same figure counted now."""

    submitted: ReturnRow
    live: ReturnRow | None  # None: the figure is no longer counted

    @property
    def live_value(self) -> Value:
        return self.live.value if self.live is not None else None

    @property
    def changed(self) -> bool:
        return _number(self.submitted.value) != _number(self.live_value)

    @property
    def change(self) -> Value:
        """Now less as submitted, where both are numbers."""
        if self.submitted.value is None or self.live_value is None:
            return None
        if isinstance(self.submitted.value, float) or isinstance(self.live_value, float):
            return round(float(self.live_value) - float(self.submitted.value), 1)
        return self.live_value - self.submitted.value

    @property
    def redefined(self) -> bool:
        """The figure's name, unit or definition (口径) changed since it was submitted."""
        if self.live is None:
            return True
        was, now = self.submitted, self.live
        return (was.label, was.unit, was.definition) != (now.label, now.unit, now.definition)


def _number(value: Value) -> Decimal | float | None:
    if value is None or isinstance(value, float):
        return value
    return Decimal(value)


def diff_rows(submitted: list[ReturnRow], figures: dict[str, Figure]) -> list[DiffRow]:
    """Each submitted row beside the same figure now (by the snapshot's keys, so a form changed since
    compares what was reported)."""
    return [DiffRow(submitted=row, live=_live(row, figures.get(row.key))) for row in submitted]


def _live(row: ReturnRow, figure: Figure | None) -> ReturnRow | None:
    return None if figure is None else row_of(row.section, row.key, figure)

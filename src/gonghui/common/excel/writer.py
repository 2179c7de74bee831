"""Writing spreadsheets with openpyxl's write-only mode (constant memory)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="FDE9E7")


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[int] | None = None


def write_xlsx(target: str | IO[bytes], sheets: Iterable[Sheet], *, on_row: Callable[[], None] | None = None) -> None:
    """Write sheets; values as given (ID numbers must already be masked text), text never as a formula."""
    workbook = Workbook(write_only=True)
    for spec in sheets:
        sheet = workbook.create_sheet(title=spec.title[:31])
        widths = spec.widths or [max(10, len(str(h)) * 2 + 2) for h in spec.headers]
        for index, width in enumerate(widths):
            sheet.column_dimensions[_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        header_cells = []
        for title in spec.headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in spec.rows:
            sheet.append([_as_text_if_formula(sheet, value) for value in row])
            if on_row:
                on_row()
    workbook.save(target)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text_if_formula(sheet: Any, value: Any) -> Any:
    """User text that Excel or WPS would run as a formula (=HYPERLINK(...), +cmd|...) stays plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would store "=..." as a formula; a string cell is shown as typed
        return cell
    return value


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters

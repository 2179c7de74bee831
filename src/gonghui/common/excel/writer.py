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
    """Write sheets; every value is written as given (ID numbers must already be masked text)."""
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
            sheet.append(list(row))
            if on_row:
                on_row()
    workbook.save(target)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters

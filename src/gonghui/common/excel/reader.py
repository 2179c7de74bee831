"""Reading union spreadsheets (xlsx, xls, ods via python-calamine; csv) as they really are.

Real rosters have title rows above the header ("XX公司工会会员花名册"), merged
cells, Chinese header synonyms (姓名/职工姓名), asterisks on required columns,
full-width characters and trailing spaces. `read_table` finds the header row,
maps synonyms to column keys, fills merged cells down, and yields rows with
their Excel row numbers so every error can name the row.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from python_calamine import CalamineError, CalamineWorkbook

from gonghui.common.textnorm import clean_text

HEADER_SCAN_ROWS = 20
_SHEET_XML = re.compile(r"xl/worksheets/sheet1\.xml|content\.xml")
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')
_HEADER_NOISE = re.compile(r"[\s*＊:：]|[(（](必填|选填|可选)[)）]")
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@dataclass(frozen=True)
class Column:
    key: str
    labels: tuple[str, ...]
    required: bool = False

    def matches(self, header: str) -> bool:
        return header in {normalize_header(label) for label in self.labels}


@dataclass
class Row:
    number: int  # 1-based, as Excel shows it
    values: dict[str, Any]

    def is_blank(self) -> bool:
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.values.values())


@dataclass
class Table:
    header_row: int
    columns: dict[str, int]
    rows: list[Row] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)


def normalize_header(text: object) -> str:
    return _HEADER_NOISE.sub("", clean_text(text)).lower()


def _grid_from_csv(data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(_("无法识别 CSV 文件的编码，请另存为 UTF-8 或 Excel 格式。"), code="encoding")
    return [list(r) for r in csv.reader(io.StringIO(text))]


def _grid_from_workbook(data: bytes) -> list[list[Any]]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = workbook.get_sheet_by_index(0)
        grid = sheet.to_python(skip_empty_area=False)  # a list of lists already
        merged = sheet.merged_cell_ranges or []
    except CalamineError as exc:
        raise ValidationError(_("无法读取该表格文件，请确认是有效的 Excel 文件。"), code="unreadable") from exc
    _fill_merged(grid, merged)
    return grid


def check_unpacked(data: bytes) -> None:
    """Before parsing: a zipped workbook (xlsx, ods) may not unpack to more than SPREADSHEET_MAX_UNPACKED_MB,
    nor compress better than SPREADSHEET_MAX_RATIO to 1 (a zip bomb does both), nor declare more rows than
    SPREADSHEET_MAX_ROWS. The zip directory and the sheet's first bytes are read; nothing is unpacked."""
    if not data.startswith(b"PK"):
        return  # .xls: not a zip; the upload size cap bounds it
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            unpacked = sum(e.file_size for e in entries)
            sheet = next((e for e in entries if _SHEET_XML.fullmatch(e.filename)), None)
            head = archive.open(sheet).read(4096) if sheet is not None else b""
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise ValidationError(_("无法读取该表格文件，请确认是有效的 Excel 文件。"), code="unreadable") from exc
    limit = settings.SPREADSHEET_MAX_UNPACKED_MB * 1024 * 1024
    if unpacked > limit or unpacked > settings.SPREADSHEET_MAX_RATIO * max(len(data), 1):
        raise ValidationError(
            _("表格解压后过大（%(mb)d MB），可能不是正常的名册文件。请删除多余的工作表、格式和空行后重新保存。")
            % {"mb": unpacked // (1024 * 1024)},
            code="too_big",
        )
    dimension = _DIMENSION.search(head)
    if dimension:
        _check_rows(int(dimension.group(1)))


def _check_rows(rows: int) -> None:
    if rows > settings.SPREADSHEET_MAX_ROWS:
        raise ValidationError(
            _("表格有 %(rows)d 行，超过一次最多 %(max)d 行，请分成几个文件导入。")
            % {"rows": rows, "max": settings.SPREADSHEET_MAX_ROWS},
            code="too_many_rows",
        )


def _fill_merged(grid: list[list[Any]], merged: Iterable[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Copy each merged area's top-left value into the whole area."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
                grid[r][c] = value


def load_grid(source: bytes | IO[bytes], filename: str) -> list[list[Any]]:
    data = source if isinstance(source, bytes) else source.read()
    name = filename.lower()
    if name.endswith(".csv"):
        _check_rows(data.count(b"\n") + 1)
        return _grid_from_csv(data)
    if name.endswith(SPREADSHEET_SUFFIXES):
        check_unpacked(data)
        return _grid_from_workbook(data)
    raise ValidationError(_("只支持 xlsx、xls、csv 格式的文件。"), code="file_type")


def _find_header(grid: list[list[Any]], columns: list[Column]) -> tuple[int, dict[str, int], list[str]]:
    required = [c for c in columns if c.required]
    best: tuple[int, dict[str, int], list[str]] | None = None
    for index, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        ignored: list[str] = []
        for position, cell in enumerate(cells):
            header = normalize_header(cell)
            if not header:
                continue
            column = next((c for c in columns if c.key not in found and c.matches(header)), None)
            if column:
                found[column.key] = position
            else:
                ignored.append(clean_text(cell))
        if all(c.key in found for c in required) and found and (best is None or len(found) > len(best[1])):
            best = (index, found, ignored)
    if best is None:
        names = "、".join(c.labels[0] for c in required)
        raise ValidationError(
            _("在前 %(n)d 行中没有找到表头，表头需要包含：%(names)s。"),
            code="no_header",
            params={"n": HEADER_SCAN_ROWS, "names": names},
        )
    return best


@dataclass
class Sheet:
    """A sheet's header and the raw cells below it; rows are built from it a slice at a time."""

    header_row: int
    columns: dict[str, int]
    ignored_headers: list[str]
    cells: list[list[Any]]  # every row below the header, as read

    def rows(self, start: int = 0, stop: int | None = None) -> list[Row]:
        """Rows start..stop (0 = the first row below the header), blank ones left out."""
        return build_rows(self.cells[start:stop], self.columns, first_number=self.header_row + 1 + start)


def build_rows(cells: list[list[Any]], columns: dict[str, int], *, first_number: int) -> list[Row]:
    """Row objects for consecutive sheet rows; a plain function so a worker process can run it on a slice."""
    rows = []
    for offset, cells_of_row in enumerate(cells, start=first_number):
        width = len(cells_of_row)
        row = Row(offset, {key: (cells_of_row[pos] if pos < width else None) for key, pos in columns.items()})
        if not row.is_blank():
            rows.append(row)
    return rows


def read_sheet(source: bytes | IO[bytes], filename: str, columns: list[Column]) -> Sheet:
    """Read the first sheet and find its header; raises ValidationError (Chinese) like read_table."""
    grid = load_grid(source, filename)
    header_index, mapping, ignored = _find_header(grid, columns)
    del grid[: header_index + 1]  # in place: a million-row grid is not copied
    return Sheet(header_row=header_index + 1, columns=mapping, ignored_headers=ignored, cells=grid)


def read_table(source: bytes | IO[bytes], filename: str, columns: list[Column]) -> Table:
    """Read the first sheet; raises ValidationError (Chinese) for unreadable files or missing headers."""
    sheet = read_sheet(source, filename, columns)
    return Table(
        header_row=sheet.header_row, columns=sheet.columns, rows=sheet.rows(), ignored_headers=sheet.ignored_headers
    )


def iter_values(table: Table) -> Iterator[tuple[int, dict[str, Any]]]:
    for row in table.rows:
        yield row.number, row.values

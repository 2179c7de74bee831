"""The downloadable error report: one line per problem, with row number and a Chinese reason."""

from __future__ import annotations

from typing import IO

from django.utils.translation import gettext as _

from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.members.importer.columns import HEADER_LABEL
from gonghui.members.importer.rows import RowError


def write_error_report(target: str | IO[bytes], errors: list[RowError]) -> None:
    rows = (
        [e.number, HEADER_LABEL.get(e.column, e.column), e.value, e.reason]
        for e in sorted(errors, key=lambda e: e.number)
    )
    write_xlsx(target, [Sheet(_("错误明细"), [_("行号"), _("列"), _("内容"), _("原因")], rows, widths=[8, 14, 24, 70])])

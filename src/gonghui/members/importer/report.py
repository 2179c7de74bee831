"""The downloadable error report: one line per problem, with row number and a Chinese reason."""

from __future__ import annotations

import io
from typing import IO, Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.models import Job
from gonghui.members.importer.columns import HEADER_LABEL
from gonghui.members.importer.rows import RowError

SHOWN_ERRORS = 200  # on the job page; the report file has them all


def write_error_report(target: str | IO[bytes], errors: list[RowError]) -> None:
    rows = (
        [e.number, HEADER_LABEL.get(e.column, e.column), e.value, e.reason]
        for e in sorted(errors, key=lambda e: e.number)
    )
    write_xlsx(target, [Sheet(_("错误明细"), [_("行号"), _("列"), _("内容"), _("原因")], rows, widths=[8, 14, 24, 70])])


def list_import_result(
    job: Job, *, rows: int, imported: int, matched: int, errors: list[RowError], report_name: str
) -> dict[str, Any]:
    """A list import's result (campaign beneficiaries, card holders): counts, the first errors shown on the
    job page, and the full error report saved on the job when any row was refused (then nothing is added)."""
    if errors:
        buffer = io.BytesIO()
        write_error_report(buffer, errors)
        job.result_file.save(f"{report_name}-{job.pk}.xlsx", ContentFile(buffer.getvalue()), save=False)
    return {
        "rows": rows,
        "imported": imported,
        "already_listed": matched - imported if not errors else 0,
        "error_count": len(errors),
        "errors": [
            {"row": e.number, "column": e.column, "value": e.value, "reason": e.reason} for e in errors[:SHOWN_ERRORS]
        ],
    }

"""Finishing an Excel export job: one workbook as the job's result file, and one audit event."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.common.audit import audit_record
from gonghui.common.excel.writer import Sheet, write_xlsx
from gonghui.common.jobs import Progress
from gonghui.common.models import AuditAction, Job


def export_xlsx(
    job: Job, progress: Progress, sheet: Sheet, *, stem: str, full: bool = False, detail: dict[str, Any] | None = None
) -> int:
    """Write `sheet` (advancing the progress bar per row), attach it to `job` and audit the export.

    An export with full ID and phone numbers is audited as EXPORT_PII. Returns the rows written.
    """
    buffer = io.BytesIO()
    write_xlsx(buffer, [sheet], on_row=progress.advance)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    job.result_file.save(f"{stem}-{stamp}.xlsx", ContentFile(buffer.getvalue()), save=False)
    rows = progress.job.done
    audit_record(
        actor=job.created_by,
        action=AuditAction.EXPORT_PII if full else AuditAction.EXPORT,
        target=job.org,
        org=job.org,
        detail={"rows": rows, **(detail or {})},
    )
    return rows

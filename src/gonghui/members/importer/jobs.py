"""Roster import as a background job: a dry run first, then the commit the cadre confirms."""

from __future__ import annotations

import io
import uuid
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.excel.reader import SPREADSHEET_SUFFIXES
from gonghui.common.jobs import Progress, job_handler, job_start
from gonghui.common.models import Job, JobStatus
from gonghui.members.importer.columns import HEADER_LABEL
from gonghui.members.importer.pipeline import Mode, roster_import
from gonghui.members.importer.report import SHOWN_ERRORS, write_error_report
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

IMPORT_KIND = "members.import"
MAX_UPLOAD_BYTES = 100 * 1024 * 1024


def store_upload(upload: UploadedFile) -> str:
    """Check a spreadsheet upload's type and size and keep it for the job; returns the storage path."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in (*SPREADSHEET_SUFFIXES, ".csv"):
        raise ValidationError({"file": _("只支持 xlsx、xls、csv 格式的文件。")})
    if (upload.size or 0) > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": _("文件不能超过 100 MB，请分批导入。")})
    return default_storage.save(f"imports/{uuid.uuid4().hex}{suffix}", upload)


def import_upload(*, actor: Any, org: OrgNode, upload: UploadedFile, mode: Mode) -> Job:
    """Check and store the file, then start the dry run."""
    require(actor, org, Perm.ORG_EDIT)
    name, stored = upload.name or "", store_upload(upload)
    return job_start(
        kind=IMPORT_KIND,
        user=actor,
        org=org,
        params={"path": stored, "filename": name, "mode": str(mode), "dry_run": True},
    )


def import_confirm(*, actor: Any, dry_run_job: Job) -> Job:
    """Commit a finished dry run with the same file and mode."""
    if dry_run_job.kind != IMPORT_KIND or not dry_run_job.params.get("dry_run"):
        raise ValidationError(_("这不是一次待确认的导入预检。"))
    if dry_run_job.status != JobStatus.SUCCEEDED:
        raise ValidationError(_("预检尚未完成或已失败，不能导入。"))
    if dry_run_job.result.get("confirmed_by"):
        raise ValidationError(_("这次预检已经确认导入过了。"))
    if dry_run_job.org is None:
        raise ValidationError(_("这不是一次待确认的导入预检。"))
    require(actor, dry_run_job.org, Perm.ORG_EDIT)
    Job.objects.filter(pk=dry_run_job.pk).update(result={**dry_run_job.result, "confirmed_by": actor.pk})
    return job_start(
        kind=IMPORT_KIND,
        user=actor,
        org=dry_run_job.org,
        params={**dry_run_job.params, "dry_run": False, "dry_run_job": str(dry_run_job.pk)},
    )


@job_handler(IMPORT_KIND, label=gettext_lazy("导入会员名册"))
def run_import(job: Job, progress: Progress) -> dict[str, Any]:
    if job.org is None:
        raise ValueError("import job without an org")
    with default_storage.open(job.params["path"], "rb") as fh:
        data = fh.read()
    result = roster_import(
        actor=job.created_by,
        org=job.org,
        source=data,
        filename=job.params["filename"],
        mode=Mode(job.params["mode"]),
        dry_run=bool(job.params["dry_run"]),
        tick=progress.advance,
        on_total=lambda n: progress.set_total(n, _("正在校验和导入…")),
    )
    if result.errors:
        buffer = io.BytesIO()
        write_error_report(buffer, result.errors)
        job.result_file.save(f"import-errors-{job.pk}.xlsx", ContentFile(buffer.getvalue()), save=False)
    return {
        **result.summary(),
        "dry_run": bool(job.params["dry_run"]),
        "mode": job.params["mode"],
        "filename": job.params["filename"],
        "errors": [
            {"row": e.number, "column": HEADER_LABEL.get(e.column, e.column), "value": e.value, "reason": e.reason}
            for e in result.errors[:SHOWN_ERRORS]
        ],
        "error_count": len(result.errors),
        "preview": result.preview,
    }

"""A batch's results from Excel, by the shared importer's rules: the members import engine reads the file
(title rows, merged cells, header synonyms, full-width characters), `results.results_record` checks every
row and records all or none. Small enough to run in the request (a batch is one enterprise's assessment:
3,000 rows take well under two seconds), so the cadre sees the row errors on the batch's page at once and
the upload is never stored (it holds ID numbers)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.accounts.models import User
from gonghui.common.excel.reader import Column, read_table
from gonghui.members.importer.columns import COLUMNS as ROSTER_COLUMNS
from gonghui.members.importer.jobs import MAX_UPLOAD_BYTES
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.models import Batch
from gonghui.skills.certification.results import Outcome, results_record

COLUMNS = [
    *ROSTER_COLUMNS[:2],  # 姓名, 身份证号 and their synonyms, required
    Column("theory", ("理论成绩", "理论知识成绩", "理论考试成绩", "理论"), required=True),
    Column("practical", ("实操成绩", "技能操作成绩", "操作技能成绩", "技能考核成绩", "实操"), required=True),
    Column("level", ("申报等级", "认定等级", "技能等级", "等级")),
    Column("certificate_number", ("证书编号", "证书号", "证书号码")),
]
COLUMN_LABELS = {
    "name": gettext_lazy("姓名"),
    "id_number": gettext_lazy("身份证号"),
    "theory": gettext_lazy("理论成绩"),
    "practical": gettext_lazy("实操成绩"),
    "level": gettext_lazy("申报等级"),
    "certificate_number": gettext_lazy("证书编号"),
}
MAX_BYTES = min(MAX_UPLOAD_BYTES, 10 * 1024 * 1024)


def batch_import(*, actor: User, batch: Batch, data: bytes, filename: str) -> Outcome:
    """Read the sheet and record its rows (all or none); a file that cannot be read is a ValidationError."""
    require(actor, batch.org, Perm.ORG_EDIT)
    table = read_table(data, filename, COLUMNS)
    if not table.rows:
        raise ValidationError(_("表格中没有数据行。"))
    return results_record(actor=actor, batch=batch, rows=[(row.number, row.values) for row in table.rows])


def batch_import_upload(*, actor: User, batch: Batch, upload: UploadedFile) -> Outcome:
    if (upload.size or 0) > MAX_BYTES:
        raise ValidationError({"file": _("文件不能超过 10 MB，请分批导入。")})
    return batch_import(actor=actor, batch=batch, data=upload.read(), filename=upload.name or "")

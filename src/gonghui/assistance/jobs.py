"""Background jobs of hardship files: the export in the national template."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.assistance.choices import Cause
from gonghui.assistance.models import HardshipFile
from gonghui.assistance.selectors import files_for
from gonghui.common.excel.writer import Sheet
from gonghui.common.exports import export_xlsx
from gonghui.common.jobs import Progress, job_handler
from gonghui.common.models import Job
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for

ZERO = Decimal("0.00")


FILES_EXPORT_KIND = "assistance.export"

# The columns of the national 困难职工帮扶管理系统 household template, in its order.
NATIONAL_COLUMNS = (
    gettext_lazy("序号"),
    gettext_lazy("建档工会"),
    gettext_lazy("户主姓名"),
    gettext_lazy("性别"),
    gettext_lazy("身份证号码"),
    gettext_lazy("联系电话"),
    gettext_lazy("户口类型"),
    gettext_lazy("困难类别"),
    gettext_lazy("建档标准"),
    gettext_lazy("健康状况"),
    gettext_lazy("住房情况"),
    gettext_lazy("就业状况"),
    gettext_lazy("单位状况"),
    gettext_lazy("单亲家庭"),
    gettext_lazy("零就业家庭"),
    gettext_lazy("参加医疗保险"),
    gettext_lazy("家庭人口"),
    gettext_lazy("家庭月总收入（元）"),
    gettext_lazy("家庭月人均收入（元）"),
    gettext_lazy("主要致困原因"),
    gettext_lazy("次要致困原因"),
    gettext_lazy("建档日期"),
    gettext_lazy("档案状态"),
    gettext_lazy("累计帮扶金额（元）"),
)


@job_handler(FILES_EXPORT_KIND, label=gettext_lazy("导出困难职工档案"))
def export_files(job: Job, progress: Progress) -> dict[str, Any]:
    """Files the starter may see (ASSISTANCE), masked; full numbers only where they hold PII_FULL (audited)."""
    user, full = job.created_by, bool(job.params.get("full"))
    p = job.params

    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(p[key]) if p.get(key) else None

    files = files_for(
        user,
        status=p.get("status", ""),
        category=p.get("category", ""),
        under=job.org,
        start=day("start"),
        end=day("end"),
        dated=p.get("dated", ""),
        on_file=day("on_file"),
    )
    files = files.annotate(paid=Coalesce(Sum("payouts__amount", filter=Q(payouts__status="approved")), ZERO))
    revealed = scope_for(user, Perm.PII_FULL) if full else None
    progress.set_total(files.count(), _("正在导出困难职工档案…"))
    yes, no = _("是"), _("否")

    def show(file: HardshipFile, value: Any) -> str:
        if value is None:
            return ""
        return value.reveal() if revealed is not None and revealed.contains(file.org) else value.masked()

    def rows() -> Any:
        causes = dict(Cause.choices)
        for n, f in enumerate(files.select_related("org", "person").iterator(chunk_size=2000), start=1):
            p = f.person
            yield [
                n, f.org.name, p.name, p.get_sex_display(), show(f, p.id_number), show(f, p.mobile),
                f.get_hukou_display(), f.get_category_display(), f.get_standard_level_display(),
                f.get_health_display(), f.get_housing_display(), f.get_work_status_display(),
                f.get_employer_status_display(), yes if f.single_parent else no, yes if f.zero_employment else no,
                yes if f.medical_insurance else no, f.family_size, f.own_income + f.other_income,
                f.per_capita_income, f.get_main_cause_display(),
                "、".join(str(causes.get(c, c)) for c in f.other_causes), f.opened_on, f.get_status_display(), f.paid,
            ]  # fmt: skip

    sheet = Sheet(_("困难职工档案"), [str(c) for c in NATIONAL_COLUMNS], rows())
    export_xlsx(job, progress, sheet, stem="hardship-files", full=full, detail={"full": full, "kind": "hardship_files"})
    return {"rows": progress.job.done, "full": full}

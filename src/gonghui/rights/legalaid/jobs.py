"""The case list's Excel export (a background job): the rows the list shows, masked; full ID and phone
numbers only for cases of unions where the starter holds PII_FULL (the export is then audited as one with
full personal data). Every case exported is a read, audited as a detail view is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.excel.writer import Sheet
from gonghui.common.exports import export_xlsx
from gonghui.common.jobs import Progress, job_handler
from gonghui.common.models import Job
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.rights.base.access import case_read
from gonghui.rights.legalaid.models import LegalAidCase
from gonghui.rights.legalaid.selectors import CaseFilters, cases_for

EXPORT_KIND = "legalaid.export"

COLUMNS = (
    gettext_lazy("案件编号"), gettext_lazy("所属工会"), gettext_lazy("协办工会"), gettext_lazy("申请人"),
    gettext_lazy("证件号码"), gettext_lazy("联系电话"), gettext_lazy("纠纷类型"), gettext_lazy("用人单位"),
    gettext_lazy("涉及金额（元）"), gettext_lazy("申请日期"), gettext_lazy("状态"), gettext_lazy("援助条件"),
    gettext_lazy("承办律师或律所"), gettext_lazy("结案结果"), gettext_lazy("挽回金额（元）"), gettext_lazy("结案日期"),
    gettext_lazy("本阶段期限"),
)  # fmt: skip


def filters_from(d: dict[str, Any], under: OrgNode | None) -> CaseFilters:
    year = d.get("year")
    return CaseFilters(
        under=under,
        status=d.get("status") or "",
        topic=d.get("topic") or "",
        year=int(year) if year else None,
        overdue=d.get("overdue") in (True, "True", "true", "1"),
        q=d.get("q") or "",
    )


@job_handler(EXPORT_KIND, label=gettext_lazy("导出法律援助案件"))
def export_cases(job: Job, progress: Progress) -> dict[str, Any]:
    user, full = job.created_by, bool(job.params.get("full"))
    if user is None:  # the starter's account is gone: nobody to read the cases for
        return {"rows": 0, "full": full}
    cases = cases_for(user, filters_from(job.params, job.org))
    revealed = scope_for(user, Perm.PII_FULL) if full else None
    progress.set_total(cases.count(), _("正在导出法律援助案件…"))

    def show(case: LegalAidCase, value: Any) -> str:
        if value is None:
            return ""
        if revealed is not None and (revealed.contains(case.org) or revealed.contains(case.helping_org)):
            return str(value.reveal())
        return str(value.masked())

    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    def rows() -> Any:
        for c in cases.iterator(chunk_size=500):
            case_read(user, c, c.org)
            p = c.person
            yield [
                c.ref, c.org.name, c.helping_org.name if c.helping_org else "", p.name, show(c, p.id_number),
                show(c, p.mobile), c.get_topic_display(), c.employer_name, c.claim_amount, day(c.applied_on),
                c.get_status_display(), c.get_basis_display(), c.lawyer, c.get_outcome_display(), c.recovered,
                day(c.closed_on), day(c.due_on),
            ]  # fmt: skip

    sheet = Sheet(_("法律援助案件"), [str(c) for c in COLUMNS], rows())
    export_xlsx(job, progress, sheet, stem="legal-aid-cases", full=full, detail={"full": full, "kind": "legal_aid"})
    return {"rows": progress.job.done, "full": full}

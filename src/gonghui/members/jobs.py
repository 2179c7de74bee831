"""Background jobs of the member registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.excel.writer import Sheet
from gonghui.common.exports import export_xlsx
from gonghui.common.jobs import Progress, job_handler
from gonghui.common.models import Job
from gonghui.members.selectors import MemberFilters, memberships_for
from gonghui.orgs.drilldown import flag
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for

EXPORT_KIND = "members.export"


def _filters(job: Job) -> MemberFilters:
    p = job.params

    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(p[key]) if p.get(key) else None

    return MemberFilters(
        org=job.org,
        status=p.get("status", ""),
        employment_form=p.get("employment_form", ""),
        occupation=p.get("occupation", ""),
        village=p.get("village", ""),
        joined_from=day("joined_from"),
        joined_to=day("joined_to"),
        q=p.get("q", ""),
        key=p.get("qk", ""),
        start=day("start"),
        end=day("end"),
        dated=p.get("dated") or "joined",
        join=p.get("join", ""),
        on_roll=day("on_roll"),
        sex=p.get("sex", ""),
        migrant=flag(p.get("migrant")),
    )


@job_handler(EXPORT_KIND, label=gettext_lazy("导出会员名册"))
def export_roster(job: Job, progress: Progress) -> dict[str, Any]:
    """The roster the list shows, masked; full numbers only under nodes where the starter has PII_FULL."""
    user = job.created_by
    full = bool(job.params.get("full"))
    qs = memberships_for(user, _filters(job))
    if full:
        qs = qs.filter(org__in=scope_for(user, Perm.PII_FULL).orgs().values("pk"))
    progress.set_total(qs.count(), _("正在导出会员…"))

    def show(value: Any) -> str:
        if value is None:
            return ""
        return value.reveal() if full else value.masked()

    def rows() -> Any:
        for m in qs.select_related("person", "org").iterator(chunk_size=2000):
            p = m.person
            yield [
                m.member_no,
                p.name,
                p.get_sex_display(),
                p.birth_date,
                p.get_id_type_display(),
                show(p.id_number),
                show(p.mobile),
                m.org.name,
                m.get_status_display(),
                m.joined_on,
                m.get_employment_form_display(),
                m.employer_name,
                m.occupation,
                p.village,
            ]

    headers = [
        _("会员编号"),
        _("姓名"),
        _("性别"),
        _("出生日期"),
        _("证件类型"),
        _("证件号码"),
        _("手机号码"),
        _("所在工会"),
        _("状态"),
        _("入会日期"),
        _("用工形式"),
        _("工作单位/平台"),
        _("工种/岗位"),
        _("村/社区"),
    ]
    sheet = Sheet(_("会员名册"), headers, rows(), widths=[16, 10, 6, 12, 14, 22, 14, 30, 8, 12, 12, 24, 14, 14])
    filters = {k: v for k, v in job.params.items() if v}
    export_xlsx(job, progress, sheet, stem="members", full=full, detail={"full": full, "filters": filters})
    return {"rows": progress.job.done, "full": full}

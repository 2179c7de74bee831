"""Background jobs of the org domain."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.excel.writer import Sheet
from gonghui.common.exports import export_xlsx
from gonghui.common.jobs import Progress, job_handler
from gonghui.common.models import Job
from gonghui.orgs.counters import subtree_totals
from gonghui.orgs.scope import require, scope_for

EXPORT_KIND = "orgs.export_tree"


@job_handler(EXPORT_KIND, label=gettext_lazy("导出组织树"))
def export_tree(job: Job, progress: Progress) -> dict[str, Any]:
    """The subtree under job.org as an Excel sheet; rows limited to the starter's scope."""
    if job.org is None:
        raise ValueError("export job without an org")
    require(job.created_by, job.org)
    scope = scope_for(job.created_by)
    nodes = scope.orgs().filter(path__startswith=job.org.path).select_related("region").order_by("path")
    progress.set_total(nodes.count(), _("正在导出组织…"))
    totals = subtree_totals(root=job.org)
    base_depth = job.org.depth

    def rows() -> Any:
        for node in nodes.iterator(chunk_size=2000):
            yield [
                node.code,
                "　" * (node.depth - base_depth) + node.name,
                node.get_kind_display(),
                node.region_id,
                node.uscc,
                node.chair_name,
                node.established_on,
                node.member_count,
                totals.get(node.pk, 0),
                _("有效") if node.is_active else _("撤销"),
            ]

    headers = [
        _("组织编码"),
        _("组织名称"),
        _("组织类型"),
        _("行政区划代码"),
        _("统一社会信用代码"),
        _("工会主席"),
        _("成立日期"),
        _("直属会员数"),
        _("含下级会员数"),
        _("状态"),
    ]
    sheet = Sheet(_("组织"), headers, rows(), widths=[16, 40, 18, 12, 22, 10, 12, 12, 14, 8])
    export_xlsx(job, progress, sheet, stem=f"orgs-{job.org.code}")
    return {"rows": progress.job.done, "filename": job.result_file.name.rsplit("/", 1)[-1]}

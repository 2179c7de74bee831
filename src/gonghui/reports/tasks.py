"""The figures refresh as a django-tasks task (enqueue it from the scheduler or `reports_refresh --enqueue`); it
only calls reports.rollups, which is safe to run twice."""

from __future__ import annotations

from django_tasks import task

from gonghui.reports.periods import period_parse
from gonghui.reports.rollups import figures_refresh


@task()
def refresh_figures(under: str = "", period: str = "", everything: bool = False) -> dict[str, object]:
    from gonghui.orgs.models import OrgNode

    root = OrgNode.objects.filter(code=under).first() if under else None
    if under and root is None:  # the union was removed since: refresh nothing rather than everything
        return {"unions": 0, "sheets": 0, "failed": [under]}
    report = figures_refresh(under=root, periods=[period_parse(period)] if period else None, everything=everything)
    return {"unions": report.unions, "sheets": report.sheets, "failed": [code for code, _ in report.failed]}

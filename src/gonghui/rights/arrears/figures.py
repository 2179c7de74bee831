"""欠薪治理 figures for a union's subtree and any period (ADR 0019), by the day a report was received: reports
handled, workers affected, wages owed and recovered, sent to mediation; each links to the report list narrowed
to the subtree and the period's days (受理日期), to the accepted reports the counts and sums are of, to those
sent to mediation or closed after the follow-up visit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Period, as_period, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.rights.arrears.choices import ArrearsStage, Route
from gonghui.rights.arrears.models import Report
from gonghui.rights.arrears.selectors import progress

DEFINITIONS = {
    "arrears_reports": _("本期受理的欠薪线索件数（含职工反映后经核实受理的，不含不予受理的）。"),
    "arrears_workers": _("本期受理的欠薪线索涉及的职工人数之和。"),
    "arrears_owed": _("本期受理的欠薪线索的欠薪金额之和。"),
    "arrears_recovered": _("本期受理的欠薪线索中，处置环节登记的已追回金额之和。"),
    "arrears_mediated": _("本期受理、分流转劳动争议调解的欠薪线索件数。"),
    "arrears_closed": _("本期受理、已完成回访办结的件数。"),
}


def arrears_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    received = Report.objects.filter(org__path__startswith=org.path, received_on__range=(period.start, period.end))
    p = progress(received)
    link = figure_link("arrears:reports", org, period=period, accepted=1)  # the reports counted and summed
    figures = [
        Figure("arrears_reports", _("受理欠薪线索"), p.reports, _("件"), link),
        Figure("arrears_workers", _("涉及职工"), p.workers, _("人"), link),
        Figure("arrears_owed", _("欠薪金额"), p.owed, _("元"), link),
        Figure("arrears_recovered", _("追回欠薪"), p.recovered, _("元"), link),
        Figure(
            "arrears_mediated",
            _("转调解"),
            p.mediated,
            _("件"),
            figure_link("arrears:reports", org, period=period, route=Route.MEDIATION),
        ),
        Figure(
            "arrears_closed",
            _("回访办结"),
            p.closed,
            _("件"),
            figure_link("arrears:reports", org, period=period, stage=ArrearsStage.VISITED),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("arrears", _("欠薪治理"), arrears_figures, order=86, periodic=True)

"""劳动争议调解 figures for a union's subtree and a year: disputes by source, agreements, money agreed,
collective disputes, referrals and withdrawals; each links to the case list narrowed to the subtree, the
year and what it counts (the rows need the rights role; the statistics page shows the same counts)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.rights.mediation import stats
from gonghui.rights.mediation.choices import DisputeSource, Status


def mediation_figures(org: OrgNode, year: int) -> list[Figure]:
    t = stats.totals(stats.in_subtree(org, year))

    def link(source: str = "", status: str = "", collective: str = "") -> str:
        return figure_link("mediation:disputes", org, year=year, source=source, status=status, collective=collective)

    figures = [
        Figure("mediation_disputes", _("受理劳动争议"), t.disputes, _("件"), link()),
        *(
            Figure(f"mediation_source_{s.value}", s.label, t.by_source[s.value], _("件"), link(source=s.value))
            for s in DisputeSource
            if t.by_source[s.value]
        ),
        Figure("mediation_agreed", _("调解成功"), t.agreed, _("件"), link(status=Status.AGREED)),
        Figure("mediation_amount", _("调解协议金额"), t.amount, _("元"), link(status=Status.AGREED)),
        Figure("mediation_collective", _("集体劳动争议"), t.collective, _("件"), link(collective="on")),
        Figure("mediation_referred", _("转仲裁或诉讼"), t.referred, _("件"), link()),
        Figure("mediation_withdrawn", _("申请人撤回"), t.withdrawn, _("件"), link(status=Status.WITHDRAWN)),
    ]
    return with_definitions(figures, stats.DEFINITIONS)


def register() -> None:
    register_figures("mediation", _("劳动争议调解"), mediation_figures, order=82)

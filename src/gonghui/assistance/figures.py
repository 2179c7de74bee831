"""帮扶救助 figures for a union's subtree and any period (ADR 0019): applications, files opened and closed in
the period, households on file at its end by category, and home visits. Counts only: never who.

A file keeps the day it was first opened and the day it was last closed; one that fell back (返困) and
reopened counts as on file throughout.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import Category
from gonghui.assistance.models import HardshipFile
from gonghui.assistance.selectors import closed_q, on_file_q, opened_q, visits_in
from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    on_days,
    register_figures,
    with_definitions,
)
from gonghui.orgs.models import OrgNode

# The categories a household is filed under (不符合建档条件 never reaches a file).
FILED_CATEGORIES = (Category.DEEP, Category.RELATIVE, Category.ACCIDENT)

DEFINITIONS = {
    "assistance_applied": _("本期登记的困难职工建档申请（按登记时间，含之后未通过的）。"),
    "assistance_opened": _("本期经公示后建档的困难职工家庭户数（按建档日期）。"),
    "assistance_on_file": _("期末在档的困难职工家庭户数：已建档、期末尚未解困脱困（返困重新建档的按一直在档计）。"),
    "assistance_category": _("期末在档的困难职工家庭中，该困难类别的户数。"),
    "assistance_closed": _("本期解困脱困、档案关闭的困难职工家庭户数（按解困日期；之后返困的不计）。"),
    "assistance_visits": _("本期入户核实、走访困难职工家庭的次数（按走访日期）。"),
}


def assistance_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    # Each count is the file list's filter its link names (assistance.selectors), so the link lists what it counts.
    # A stock stands at the period's end, or today for a period not over yet (nothing is filed ahead of time).
    as_of = min(period.end, timezone.localdate())
    on_file = on_file_q(as_of)
    applied = on_days("created_at", period.start, period.end)
    c = HardshipFile.objects.filter(org__path__startswith=org.path).aggregate(
        applied=Count("pk", filter=applied),
        opened=Count("pk", filter=opened_q() & Q(opened_on__range=(period.start, period.end))),
        on_file=Count("pk", filter=on_file),
        closed=Count("pk", filter=closed_q() & Q(closed_on__range=(period.start, period.end))),
        **{f"category_{cat}": Count("pk", filter=on_file & Q(category=cat)) for cat in FILED_CATEGORIES},
    )
    visits = visits_in(period.start, period.end).filter(file__org__path__startswith=org.path).count()
    flow = lambda **params: figure_link("assistance:files", org, period=period, **params)  # noqa: E731
    stock = lambda **params: figure_link("assistance:files", org, on_file=as_of.isoformat(), **params)  # noqa: E731
    figures = [
        Figure("assistance_applied", _("困难职工建档申请"), c["applied"], _("户"), flow()),
        Figure("assistance_opened", _("新建档困难职工"), c["opened"], _("户"), flow(dated="opened")),
        Figure("assistance_on_file", _("在档困难职工"), c["on_file"], _("户"), stock(), rollup=Rollup.RECOUNT),
        *(
            Figure(
                f"assistance_category_{cat.value}",
                _("在档 · %(category)s") % {"category": cat.label},
                c[f"category_{cat.value}"],
                _("户"),
                stock(category=cat.value),
                rollup=Rollup.RECOUNT,
            )
            for cat in FILED_CATEGORIES
        ),
        Figure("assistance_closed", _("解困脱困"), c["closed"], _("户"), flow(dated="closed")),
        Figure("assistance_visits", _("入户走访"), visits, _("次"), flow(dated="visited")),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("assistance", _("帮扶救助"), assistance_figures, order=6, periodic=True)

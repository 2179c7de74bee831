"""组织建设 figures for a union's subtree and any period (ADR 0019): union bodies by kind as of the period's end,
unions set up in the period, and the enterprises covered (建会企业) with their workers.

The tree keeps no history of closures: a body counts as of a day when it had been set up by then and is still
active today. "Set up" is its 成立日期, or the day it was registered here when that was left blank.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    local_midnight,
    on_days,
    register_figures,
    with_definitions,
)
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import Enterprise, OrgNode

# 基层工会组织 in the returns' sense: the bodies that have members of their own (基层工会, 联合基层工会).
GRASSROOTS_KINDS = (OrgKind.GRASSROOTS, OrgKind.JOINT)

DEFINITIONS = {
    "orgs_total": _(
        "期末已成立、目前有效的本会及下级工会组织个数（含本会，不含工会小组）；成立日期未填的按登记日期计。"
    ),
    "orgs_grassroots": _("期末已成立、目前有效的基层工会组织个数：基层工会和区域性/联合基层工会（含本会）。"),
    "orgs_kind": _("按组织类型统计的期末已成立、目前有效的工会组织个数（含本会）。"),
    "orgs_new": _("本期成立（成立日期在本期内；未填的按登记日期）的本会及下级工会组织个数，不含工会小组。"),
    "orgs_new_grassroots": _("本期成立的基层工会和区域性/联合基层工会个数。"),
    "orgs_enterprises": _("期末已登记、所属工会在本会及下级的用人单位家数（建会企业）。"),
    "orgs_enterprise_workers": _("上述建会企业登记的职工人数之和（以企业最近一次登记的人数为准）。"),
}


def _set_up_by(end: dt.date) -> Q:
    after_end = local_midnight(end + dt.timedelta(days=1))
    return Q(established_on__lte=end) | Q(established_on__isnull=True, created_at__lt=after_end)


def _set_up_in(period: Period) -> Q:
    registered = on_days("created_at", period.start, period.end)
    return Q(established_on__range=(period.start, period.end)) | (Q(established_on__isnull=True) & registered)


def orgs_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    standing = _set_up_by(period.end) & Q(is_active=True)
    new = _set_up_in(period) & ~Q(kind=OrgKind.GROUP)
    bodies = OrgNode.objects.filter(path__startswith=org.path).aggregate(
        total=Count("pk", filter=standing & ~Q(kind=OrgKind.GROUP)),
        grassroots=Count("pk", filter=standing & Q(kind__in=GRASSROOTS_KINDS)),
        new=Count("pk", filter=new),
        new_grassroots=Count("pk", filter=new & Q(kind__in=GRASSROOTS_KINDS)),
        **{f"kind_{kind}": Count("pk", filter=standing & Q(kind=kind)) for kind in OrgKind.values},
    )
    after_end = local_midnight(period.end + dt.timedelta(days=1))
    covered = Enterprise.objects.filter(union__path__startswith=org.path, created_at__lt=after_end)
    enterprises = covered.aggregate(n=Count("pk"), workers=Sum("employee_count"))
    # Each link names what its figure counts on the union list (orgs.forms.TreeFilterForm): a stock stands at the
    # period's end (`end` alone: set up by then; `active=1`), a new body was set up in the period (start/end).
    end = period.end.isoformat()
    standing_link = lambda **params: figure_link("orgs:tree", org, active=1, end=end, **params)  # noqa: E731
    new_link = lambda **params: figure_link("orgs:tree", org, period=period, **params)  # noqa: E731
    grassroots = ",".join(GRASSROOTS_KINDS)
    enterprises_link = figure_link("orgs:enterprises", org, end=end)  # registered by the period's end
    stock = Rollup.RECOUNT  # counted as of the period's end: recounted for the subtree, never summed
    figures = [
        Figure("orgs_total", _("工会组织"), bodies["total"], _("个"), standing_link(groups=0), rollup=stock),
        Figure(
            "orgs_grassroots",
            _("基层工会组织"),
            bodies["grassroots"],
            _("个"),
            standing_link(kind=grassroots),
            rollup=stock,
        ),
        *(
            Figure(
                f"orgs_kind_{kind.value}",
                kind.label,
                bodies[f"kind_{kind.value}"],
                _("个"),
                standing_link(kind=kind.value),
                rollup=stock,
            )
            for kind in OrgKind
        ),
        Figure("orgs_new", _("新建工会组织"), bodies["new"], _("个"), new_link(groups=0)),
        Figure(
            "orgs_new_grassroots", _("新建基层工会组织"), bodies["new_grassroots"], _("个"), new_link(kind=grassroots)
        ),
        Figure("orgs_enterprises", _("建会企业"), enterprises["n"], _("家"), enterprises_link, rollup=stock),
        Figure(
            "orgs_enterprise_workers",
            _("建会企业职工"),
            enterprises["workers"] or 0,
            _("人"),
            enterprises_link,
            rollup=stock,
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("orgs", _("组织建设"), orgs_figures, order=2, periodic=True)

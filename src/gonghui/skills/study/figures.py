"""求学圆梦 figures for a union's subtree and a programme year: applications, approved, subsidy paid and
graduated. Counted by the worker's own union (so a county's figure adds up its grassroots unions')."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, figure_link, register_figures, with_definitions
from gonghui.ledger.choices import PayoutStatus
from gonghui.orgs.models import OrgNode
from gonghui.skills.study.choices import PLACED, StudyStatus
from gonghui.skills.study.models import Application

DEFINITIONS = {
    "study_applications": _("本年度求学圆梦计划收到的、本会及下级工会职工的申请（含待审核、未通过和已撤回）。"),
    "study_approved": _("本年度计划批准资助的人数（含已毕业），占用计划名额。"),
    "study_paid": _("本年度计划经财务审核、已在帮扶发放台账（助学）发放的补助金额合计（元）。"),
    "study_paid_people": _("本年度计划已发放补助的人数（每个申请至多发放一次）。"),
    "study_graduated": _("本年度计划资助的职工中已登记毕业（毕业日期和证书编号）的人数。"),
}


def study_figures(org: OrgNode, year: int) -> list[Figure]:
    paid = Q(payout__status=PayoutStatus.APPROVED)
    counts = Application.objects.filter(org__path__startswith=org.path, programme__year=year).aggregate(
        applications=Count("pk"),
        approved=Count("pk", filter=Q(status__in=PLACED)),
        paid=Sum("payout__amount", filter=paid),
        paid_people=Count("pk", filter=paid),
        graduated=Count("pk", filter=Q(status=StudyStatus.GRADUATED)),
    )
    link = lambda **params: figure_link("study:applications", org, year=year, **params)  # noqa: E731
    figures = [
        Figure("study_applications", _("求学圆梦申请"), counts["applications"], _("人"), link()),
        Figure("study_approved", _("求学圆梦批准资助"), counts["approved"], _("人"), link(status="placed")),
        Figure("study_paid", _("求学圆梦补助发放"), counts["paid"] or Decimal(0), _("元"), link(paid="on")),
        Figure("study_paid_people", _("求学圆梦已发补助"), counts["paid_people"], _("人"), link(paid="on")),
        Figure("study_graduated", _("求学圆梦已毕业"), counts["graduated"], _("人"), link(status="graduated")),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("study", _("求学圆梦"), study_figures, order=76)

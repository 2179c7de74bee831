"""微心愿 figures for a union's subtree and any period (ADR 0019): wishes posted in it, and what has come of them
(claimed, come true, their value); the wishes waiting on the wall today."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

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
from gonghui.wishes.choices import DONE, TAKEN, WishStatus
from gonghui.wishes.models import Wish

DEFINITIONS = {
    "wishes_posted": _("本期本会及下级工会收到的微心愿（职工发布和工会代困难家庭发布，含待审核、未通过和已撤回）。"),
    "wishes_open": _("今天在心愿墙上等待认领的心愿（本期发布）。"),
    "wishes_claimed": _("本期发布、已有人认领的心愿（含已送达和已圆梦；逾期未送达回到心愿墙的不算）。"),
    "wishes_fulfilled": _("本期发布、认领人已送达的心愿（含心愿人已确认收到的）。"),
    "wishes_value": _("本期发布、已送达心愿的预估价值合计（元），按发布时填写、工会审核的价值计。"),
}


def wishes_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    counts = Wish.objects.filter(
        on_days("created_at", period.start, period.end), org__path__startswith=org.path
    ).aggregate(
        posted=Count("pk"),
        open=Count("pk", filter=Q(status=WishStatus.OPEN)),
        claimed=Count("pk", filter=Q(status__in=TAKEN)),
        fulfilled=Count("pk", filter=Q(status__in=DONE)),
        value=Sum("value", filter=Q(status__in=DONE)),
    )
    # Every figure counts wishes posted in the period (their status today), so the list bounds the posting day.
    link = lambda **params: figure_link("wishes:list", org, period=period, **params)  # noqa: E731
    figures = [
        Figure("wishes_posted", _("微心愿"), counts["posted"], _("个"), link()),
        Figure(
            "wishes_open",
            _("待认领心愿"),
            counts["open"],
            _("个"),
            link(status=WishStatus.OPEN),
            rollup=Rollup.RECOUNT,
        ),
        Figure("wishes_claimed", _("已认领心愿"), counts["claimed"], _("个"), link(status="taken")),
        Figure("wishes_fulfilled", _("已圆梦心愿"), counts["fulfilled"], _("个"), link(status="done")),
        Figure("wishes_value", _("圆梦价值"), counts["value"] or Decimal(0), _("元"), link(status="done")),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("wishes", _("微心愿"), wishes_figures, order=65, periodic=True)

"""劳模工匠助企行's monthly series for the dashboard (ADR 0019): enterprises' needs solved, by month."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Trend, per_month, register_trend
from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Need
from gonghui.orgs.models import OrgNode


def solved_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the subtree's needs confirmed solved in each month (by the time they were closed)."""
    solved = Need.objects.filter(org__path__startswith=org.path, status=NeedStatus.RESOLVED)
    return dict(per_month(solved, "closed_at", year))


def register() -> None:
    register_trend(
        Trend(
            key="needs_solved",
            label=_("解决难题"),
            unit=_("个"),
            definition=_(
                "本会及下级工会受理的企业需求中，每月经企业确认（或工会代为登记确认）解决的项数（按办结时间）。"
            ),
            compute=solved_by_month,
            order=30,
        )
    )

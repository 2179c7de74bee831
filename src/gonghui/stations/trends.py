"""服务阵地's monthly series for the dashboard (ADR 0019): visits to the subtree's stations, by month; and the
大屏's live count of today's visits, counted the same way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Trend, per_month, register_trend
from gonghui.orgs.models import OrgNode
from gonghui.stations.models import StationVisit


def visits_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the visits registered at the subtree's stations in each month of the year."""
    return dict(per_month(StationVisit.objects.filter(station__org__path__startswith=org.path), "at", year))


def visits_since(org: OrgNode, since: dt.datetime) -> int:
    """The visits registered at the subtree's stations from `since` (the start of today, for the 大屏)."""
    return StationVisit.objects.filter(station__org__path__startswith=org.path, at__gte=since).count()


def register() -> None:
    register_trend(
        Trend(
            key="visits",
            label=_("阵地到访人次"),
            unit=_("人次"),
            definition=_("本会及下级工会服务阵地每月扫码登记的到访人次（按到访时间；登记间隔内重复扫码只算一次）。"),
            compute=visits_by_month,
            order=40,
        )
    )

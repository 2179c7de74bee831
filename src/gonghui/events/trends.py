"""活动's monthly series for the dashboard (ADR 0019): check-ins at the subtree's events, by month; and the
大屏's live count of today's check-ins, counted the same way."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Trend, per_month, register_trend
from gonghui.events.choices import EventStatus, ScanOutcome
from gonghui.events.models import Scan, SignUp
from gonghui.orgs.models import OrgNode

HIDDEN = (EventStatus.CANCELLED, EventStatus.DRAFT)


def _signed(org: OrgNode) -> QuerySet[SignUp]:
    """Sign-ups that came (checked in), at the subtree's events that were not cancelled."""
    return SignUp.objects.filter(event__org__path__startswith=org.path, checked_in_at__isnull=False).exclude(
        event__status__in=HIDDEN
    )


def _anonymous(org: OrgNode) -> QuerySet[Scan]:
    """Walk-ins registered at the door without a card (no sign-up behind them)."""
    return Scan.objects.filter(
        event__org__path__startswith=org.path, outcome=ScanOutcome.WALK_IN, signup__isnull=True
    ).exclude(event__status__in=HIDDEN)


def checkins_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """The 活动参与 figure's people by month: checked-in sign-ups (by check-in time) and walk-ins registered
    without a card (by scan time), in one query (UNION ALL of two grouped reads)."""
    signed = per_month(_signed(org), "checked_in_at", year)
    anonymous = per_month(_anonymous(org), "scanned_at", year)
    months: Counter[int] = Counter()
    for month, n in signed.union(anonymous, all=True):
        months[month] += n
    return dict(months)


def checkins_since(org: OrgNode, since: dt.datetime) -> int:
    """Check-ins from `since` (the start of today, for the 大屏), as the monthly series counts them."""
    return _signed(org).filter(checked_in_at__gte=since).count() + _anonymous(org).filter(scanned_at__gte=since).count()


def register() -> None:
    register_trend(
        Trend(
            key="checkins",
            label=_("活动签到人次"),
            unit=_("人次"),
            definition=_(
                "本会及下级工会主办活动每月的到场人次：已签到的报名（按签到时间）和无码现场登记（按扫码时间），"
                "不含已取消的活动。"
            ),
            compute=checkins_by_month,
            order=50,
        )
    )

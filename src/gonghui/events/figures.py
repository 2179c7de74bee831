"""活动 figures for a union's subtree and any period (ADR 0019): "参与职工3000余人". An event counts in the period
it starts in; what came of it (sign-ups, check-ins) counts with it. Each links to the event list bounded by the
period's days (the day an event starts), published events only (not drafts, not cancelled)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
from gonghui.events.choices import EventStatus, ScanOutcome, SignUpStatus
from gonghui.events.models import Event, Scan, SignUp
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "events_held": _("本会及下级工会主办、本期开始、已结束且未取消的活动场次（运动会的项目不另计）。"),
    "events_planned": _("本期开始、已发布、今天尚未结束的活动场次。"),
    "signups": _("本期开始的活动的有效报名人次（报名成功和候补转正，不含取消、过期和现场参加）。"),
    "attendance": _("本期开始的活动的到场人次：扫码签到的报名和现场参加者，含无码现场登记。"),
    "participants": _("本期开始的活动中签到参加过的职工人数，同一人参加多场只算一人（不含无码现场登记）。"),
}


def events_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    now = timezone.now()
    events = Event.objects.filter(
        on_days("starts_at", period.start, period.end), org__path__startswith=org.path
    ).exclude(status__in=[EventStatus.CANCELLED, EventStatus.DRAFT])
    counts = events.filter(parent__isnull=True).aggregate(
        held=Count("pk", filter=Q(ends_at__lte=now)), planned=Count("pk", filter=Q(ends_at__gt=now))
    )
    signups = SignUp.objects.filter(event__in=events)
    people = signups.aggregate(
        signed=Count("pk", filter=Q(status__in=[SignUpStatus.CONFIRMED, SignUpStatus.OFFERED])),
        came=Count("pk", filter=Q(checked_in_at__isnull=False)),
        persons=Count("person", filter=Q(checked_in_at__isnull=False), distinct=True),
    )
    anonymous = Scan.objects.filter(event__in=events, outcome=ScanOutcome.WALK_IN, signup__isnull=True).count()
    # The events counted (published, starting in the period); sign-ups and attendance link to the events they
    # are counted at, a meeting's items included.
    link = lambda **params: figure_link("events:list", org, period=period, status=EventStatus.PUBLISHED, **params)  # noqa: E731
    figures = [
        Figure(
            "events_held", _("举办活动"), counts["held"], pgettext_lazy("events", "场"), link(when="past", items="0")
        ),
        Figure(
            "events_planned",
            _("计划中的活动"),
            counts["planned"],
            pgettext_lazy("events", "场"),
            link(when="upcoming", items="0"),
            rollup=Rollup.RECOUNT,
        ),
        Figure("signups", _("活动报名"), people["signed"], _("人次"), link()),
        Figure("attendance", _("活动参与"), people["came"] + anonymous, _("人次"), link()),
        Figure("participants", _("参与职工"), people["persons"], _("人"), link(), rollup=Rollup.RECOUNT),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("events", pgettext_lazy("event", "活动"), events_figures, order=50, periodic=True)

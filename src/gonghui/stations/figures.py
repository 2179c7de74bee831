"""服务阵地 figures for a union's subtree and any period (ADR 0019): stations open at the period's end by kind,
stations holding a title today, visits and room bookings in the period."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    local_midnight,
    register_figures,
    with_definitions,
)
from gonghui.orgs.models import OrgNode
from gonghui.stations.choices import BookingStatus, VisitCategory
from gonghui.stations.models import Booking, Station, StationKind, StationVisit
from gonghui.stations.selectors import current_ratings_qs

DEFINITIONS = {
    "stations": _("本会及下级工会登记的、期末（期末在今天之后的按今天）开放的服务阵地个数。"),
    "stations_kind": _("按阵地类型统计的期末开放阵地个数。"),
    "rated": _("今天开放、评定称号今天仍在有效期内且未被撤销的阵地个数（同一阵地多个称号只算一次）。"),
    "visits": _("本期扫码登记的到访人次；同一访客在登记间隔内重复扫码只算一次。"),
    "visits_category": _("本期按访客类别统计的到访人次。"),
    "bookings": _("本期开始的、已批准的活动室预约次数。"),
}


def station_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    starts, after = local_midnight(period.start), local_midnight(period.end + dt.timedelta(days=1))
    mine = Station.objects.filter(org__path__startswith=org.path)
    # Open at the period's end: registered by then and not closed by then (a station closed later was open).
    stations = mine.filter(Q(is_active=True) | Q(closed_at__gte=after), created_at__lt=after)
    by_kind = dict(stations.values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    rated = current_ratings_qs().filter(station__in=mine.filter(is_active=True)).values("station").distinct().count()
    visits = StationVisit.objects.filter(station__org__path__startswith=org.path, at__gte=starts, at__lt=after)
    by_category = dict(visits.values("category").annotate(n=Count("id")).values_list("category", "n"))
    bookings = Booking.objects.filter(
        room__station__org__path__startswith=org.path, starts_at__gte=starts, starts_at__lt=after
    ).aggregate(approved=Count("id", filter=Q(status=BookingStatus.APPROVED)))
    stock = Rollup.RECOUNT  # standing on a day: recounted for the subtree, never summed
    # Stocks link with the period's end only: the list's status is then as of that day, as they count it.
    standing = lambda **params: figure_link("stations:list", org, active=1, end=period.end.isoformat(), **params)  # noqa: E731
    visits_link = lambda **params: figure_link("stations:list", org, period=period, visits=1, **params)  # noqa: E731
    figures = [
        Figure(
            "stations",
            _("服务阵地"),
            sum(by_kind.values()),
            _("个"),
            standing(),
            rollup=stock,
        ),
        *(
            Figure(
                f"stations_kind_{kind.code}",
                kind.name,
                by_kind[kind.pk],
                _("个"),
                standing(kind=kind.code),
                rollup=stock,
            )
            for kind in StationKind.objects.filter(pk__in=by_kind)
        ),
        Figure(  # as of today, as it counts (a title's validity is today's)
            "rated",
            _("获评定称号的阵地"),
            rated,
            _("个"),
            figure_link("stations:list", org, active=1, rated="on"),
            rollup=stock,
        ),
        Figure("visits", _("到访人次"), sum(by_category.values()), _("人次"), visits_link()),
        *(
            Figure(
                f"visits_category_{category.value}",
                _("到访人次 · %(c)s") % {"c": category.label},
                by_category.get(category.value, 0),
                _("人次"),
                visits_link(category=category.value),
            )
            for category in VisitCategory
            if by_category.get(category.value)
        ),
        Figure(
            "bookings",
            _("活动室预约"),
            bookings["approved"],
            _("次"),
            figure_link("stations:bookings", org, period=period, status=BookingStatus.APPROVED, hosted=1),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("stations", _("服务阵地"), station_figures, order=40, periodic=True)

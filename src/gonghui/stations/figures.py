"""服务阵地 figures for a union's subtree and a year: stations by kind, rated stations, visits, bookings."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.stations.choices import BookingStatus, VisitCategory
from gonghui.stations.models import Booking, Station, StationKind, StationVisit
from gonghui.stations.selectors import current_ratings_qs

DEFINITIONS = {
    "stations": _("本会及下级工会登记的、目前开放的服务阵地个数。"),
    "stations_kind": _("按阵地类型统计的开放阵地个数。"),
    "rated": _("今天仍在有效期内、未被撤销的评定称号的阵地个数（同一阵地多个称号只算一次）。"),
    "visits": _("本年度扫码登记的到访人次；同一访客在登记间隔内重复扫码只算一次。"),
    "visits_category": _("本年度按访客类别统计的到访人次。"),
    "bookings": _("本年度开始的、已批准的活动室预约次数。"),
}


def station_figures(org: OrgNode, year: int) -> list[Figure]:
    stations = Station.objects.filter(org__path__startswith=org.path, is_active=True)
    by_kind = dict(stations.values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    rated = current_ratings_qs().filter(station__in=stations).values("station").distinct().count()
    visits = StationVisit.objects.filter(station__org__path__startswith=org.path, at__year=year)
    by_category = dict(visits.values("category").annotate(n=Count("id")).values_list("category", "n"))
    bookings = Booking.objects.filter(room__station__org__path__startswith=org.path, starts_at__year=year).aggregate(
        approved=Count("id", filter=Q(status=BookingStatus.APPROVED))
    )
    figures = [
        Figure("stations", _("服务阵地"), stations.count(), _("个"), figure_link("stations:list", org, active=1)),
        *(
            Figure(
                f"stations_kind_{kind.code}",
                kind.name,
                by_kind[kind.pk],
                _("个"),
                figure_link("stations:list", org, active=1, kind=kind.code),
            )
            for kind in StationKind.objects.filter(pk__in=by_kind)
        ),
        Figure("rated", _("获评定称号的阵地"), rated, _("个"), figure_link("stations:list", org, rated="on")),
        Figure("visits", _("到访人次"), sum(by_category.values()), _("人次"), figure_link("stations:list", org)),
        *(
            Figure(
                f"visits_category_{category.value}",
                _("到访人次 · %(c)s") % {"c": category.label},
                by_category.get(category.value, 0),
                _("人次"),
                figure_link("stations:list", org),
            )
            for category in VisitCategory
            if by_category.get(category.value)
        ),
        Figure(
            "bookings",
            _("活动室预约"),
            bookings["approved"],
            _("次"),
            figure_link("stations:bookings", org, status=BookingStatus.APPROVED),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("stations", _("服务阵地"), station_figures, order=40)

"""What the 大屏 shows (ADR 0019): a federation's key figures this year, a map of its subtree's stations and of the
enterprises at a red, orange or yellow warning level, and today's live counters.

Only counts and unnamed markers reach it: no person, and no station or enterprise name (the hall's screen is
seen by anyone passing). Markers carry a point and a kind or level; the legend carries the counts.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.figures import Figure
from gonghui.events.trends import checkins_since
from gonghui.members.choices import JoinSource
from gonghui.members.figures import JOINED_STATUSES
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode, Region
from gonghui.orgs.scope import require
from gonghui.reports.dashboard import stale_is_fine
from gonghui.reports.periods import period_default
from gonghui.reports.selectors import FigureSheet, figures_at
from gonghui.rights.earlywarning.choices import WarningLevel
from gonghui.rights.earlywarning.models import EnterpriseLevel
from gonghui.stations.map_data import map_config, shown
from gonghui.stations.models import Station
from gonghui.stations.trends import visits_since

# The figures the hall reads, in this order; a key not registered is left out.
SCREEN_KEYS = (
    "members_total",
    "members_joined",
    "orgs_grassroots",
    "stations",
    "visits",
    "attendance",
    "needs_solved",
    "ledger_amount",
    "campaigns_people",
    "projects_declared",
    "training_attendances",
    "mediation_agreed",
)
WARNING_LEVELS = (WarningLevel.RED, WarningLevel.ORANGE, WarningLevel.YELLOW)
MAP_LIMIT = 3000  # markers per layer; the legend counts them all
NUDGE = 0.004  # degrees (~400 m): enterprises placed at one spot are drawn around it, not on top of each other


def key_figures(user: Any, org: OrgNode) -> tuple[FigureSheet, list[Figure]]:
    """This year so far (本年累计): the sheet (for its freshness) and the hall's figures from it."""
    sheet = figures_at(user, org, period_default(), allow_stale=stale_is_fine(org))
    figures = sheet.by_key()
    return sheet, [figures[key] for key in SCREEN_KEYS if key in figures and figures[key].value is not None]


# --- live counters -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counter:
    key: str
    label: Any
    value: int
    unit: Any


def live_counters(user: Any, org: OrgNode, *, now: dt.datetime | None = None) -> list[Counter]:
    """Today's joins (as 新入会 counts them), station visits and event check-ins in the subtree (404 outside
    the user's scope)."""
    require(user, org)
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    joins = (
        Membership.objects.filter(org__path__startswith=org.path, joined_on=today, status__in=JOINED_STATUSES)
        .exclude(source=JoinSource.TRANSFER)
        .count()
    )
    return [
        Counter("joins", gettext_lazy("今日入会"), joins, gettext_lazy("人")),
        Counter("visits", gettext_lazy("今日阵地到访"), visits_since(org, since), gettext_lazy("人次")),
        Counter("checkins", gettext_lazy("今日活动签到"), checkins_since(org, since), gettext_lazy("人次")),
    ]


# --- the map -------------------------------------------------------------------------------------------------------


def _nudge(seed: int) -> tuple[float, float]:
    angle = math.radians((seed * 137) % 360)  # the same spread for an enterprise on every refresh
    ring = 1 + seed % 3
    return NUDGE * ring * math.sin(angle), NUDGE * ring * math.cos(angle)


def _station_points(org: OrgNode) -> list[list[float]]:
    rows = Station.objects.filter(org__path__startswith=org.path, is_active=True).order_by("pk")
    return [list(shown(float(lat), float(lng))) for lat, lng in rows.values_list("lat", "lng")[:MAP_LIMIT]]


def _warning_points(org: OrgNode) -> list[dict[str, Any]]:
    """Enterprises at a warning level, placed at the station an enterprise hosts, else at a station of its
    union, else near the centre of its region (or its union's): enterprises carry no coordinates."""
    levels = list(
        EnterpriseLevel.objects.filter(org__path__startswith=org.path, level__in=WARNING_LEVELS)
        .order_by("pk")
        .values_list("enterprise_id", "org_id", "level", "enterprise__region_id", "org__region_id")[:MAP_LIMIT]
    )
    hosted: dict[int, tuple[float, float]] = {}
    of_union: dict[int, tuple[float, float]] = {}
    stations = Station.objects.filter(is_active=True).order_by("pk")
    enterprises = {row[0] for row in levels}
    for host, s_lat, s_lng in stations.filter(host_enterprise_id__in=enterprises).values_list(
        "host_enterprise_id", "lat", "lng"
    ):
        hosted.setdefault(host, (float(s_lat), float(s_lng)))
    unions = {row[1] for row in levels}
    for union, s_lat, s_lng in stations.filter(org_id__in=unions).values_list("org_id", "lat", "lng"):
        of_union.setdefault(union, (float(s_lat), float(s_lng)))
    codes = {row[3] for row in levels} | {row[4] for row in levels}
    regions = {
        code: (float(r_lat or 0), float(r_lng or 0))
        for code, r_lat, r_lng in Region.objects.filter(
            code__in=codes, lat__isnull=False, lng__isnull=False
        ).values_list("code", "lat", "lng")
    }
    points = []
    for enterprise, union, level, region, union_region in levels:
        exact = hosted.get(enterprise)
        place = exact or of_union.get(union) or regions.get(region) or regions.get(union_region)
        if place is None:
            continue
        lat, lng = place
        if exact is None:
            dlat, dlng = _nudge(enterprise)
            lat, lng = lat + dlat, lng + dlng
        lat, lng = shown(lat, lng)
        points.append({"lat": lat, "lng": lng, "level": level})
    return points


@dataclass(frozen=True)
class LegendEntry:
    key: str
    label: str
    count: int


def map_data(user: Any, org: OrgNode) -> tuple[dict[str, Any], list[LegendEntry]]:
    """The map's JSON island (tiles, station points, warning points by level) and its legend's counts."""
    require(user, org)
    stations = Station.objects.filter(org__path__startswith=org.path, is_active=True).count()
    by_level = EnterpriseLevel.objects.filter(org__path__startswith=org.path).aggregate(
        **{level: Count("pk", filter=Q(level=level)) for level in WARNING_LEVELS}
    )
    legend = [LegendEntry("station", _("服务阵地"), stations)] + [
        LegendEntry(level, _("%(level)s预警企业") % {"level": WarningLevel(level).label}, by_level[level])
        for level in WARNING_LEVELS
    ]
    data = {
        "config": map_config(),
        "stations": _station_points(org),
        "warnings": _warning_points(org),
        "region": _region_centre(org),
    }
    return data, legend


def _region_centre(org: OrgNode) -> list[float] | None:
    region = Region.objects.filter(code=org.region_id, lat__isnull=False, lng__isnull=False).first()
    if region is None or region.lat is None or region.lng is None:
        return None
    return list(shown(region.lat, region.lng))

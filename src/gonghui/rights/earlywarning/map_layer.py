"""The warnings map: each open warning as a dot, placed where the platform knows the enterprise to be.

Enterprises carry an address but no coordinates, so a warning is drawn at the service station the
enterprise hosts, else at a station of its union, else at the centre of its region (or its union's region),
nudged a little per enterprise so that dots sharing a place stay apart. A dot carries the enterprise's name,
the level (as its label and as its code, which picks the dot's colour) and the score: no person's data.

This layer is for the rights staff's workbench only. It is deliberately not registered with
stations.map_data.register_map_layer: that registry feeds the workers' public "near me" map, and which
employers are under warning is a case record (ADR 0018), not a public place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from gonghui.orgs.models import Region
from gonghui.rights.earlywarning.models import EarlyWarning
from gonghui.stations.map_data import shown
from gonghui.stations.models import Station

NUDGE = 0.004  # degrees (~400 m): dots of one place drawn around it, not on top of each other


def _nudge(pk: int) -> tuple[float, float]:
    angle = (pk * 137) % 360  # golden-angle-ish spread, the same for an enterprise on every visit
    ring = 1 + (pk % 3)
    return NUDGE * ring * math.sin(math.radians(angle)), NUDGE * ring * math.cos(math.radians(angle))


def warning_points(warnings: Sequence[EarlyWarning]) -> list[dict[str, Any]]:
    """Map points for these warnings (their enterprise, org and regions selected): three reads in all."""
    enterprise_ids = {w.enterprise_id for w in warnings}
    union_ids = {w.org_id for w in warnings}
    hosted: dict[int, tuple[float, float]] = {}
    of_union: dict[int, tuple[float, float]] = {}
    stations = Station.objects.filter(is_active=True).order_by("pk")
    for host, s_lat, s_lng in stations.filter(host_enterprise_id__in=enterprise_ids).values_list(
        "host_enterprise_id", "lat", "lng"
    ):
        hosted.setdefault(host, (float(s_lat), float(s_lng)))
    for org_id, s_lat, s_lng in stations.filter(org_id__in=union_ids).values_list("org_id", "lat", "lng"):
        of_union.setdefault(org_id, (float(s_lat), float(s_lng)))
    region_codes = {w.enterprise.region_id for w in warnings} | {w.org.region_id for w in warnings}
    regions: dict[str, tuple[float, float]] = {
        code: (float(r_lat or 0), float(r_lng or 0))
        for code, r_lat, r_lng in Region.objects.filter(code__in=region_codes, lat__isnull=False).values_list(
            "code", "lat", "lng"
        )
    }
    points = []
    for w in warnings:
        exact = hosted.get(w.enterprise_id)
        place = exact or of_union.get(w.org_id) or regions.get(w.enterprise.region_id) or regions.get(w.org.region_id)
        if place is None:
            continue
        lat, lng = place
        if exact is None:
            dlat, dlng = _nudge(w.enterprise_id)
            lat, lng = lat + dlat, lng + dlng
        lat, lng = shown(lat, lng)
        points.append(
            {
                "lat": lat,
                "lng": lng,
                "name": w.enterprise.name,
                "kind": _("%(level)s预警 · 分值 %(score)s") % {"level": w.get_level_display(), "score": w.score},
                "url": reverse("earlywarning:warning", args=[w.pk]),
                "layer": "warning",
                "level": w.level,  # the stations map colours a warning by its level (red, orange, yellow)
            }
        )
    return points

"""What the map script (static/gonghui/stations-map.js) reads from a page's JSON island: the tile source and
the stations as points, shifted to GCJ-02 when the tiles are drawn in it; and the places other domains
show beside the stations near a worker (特惠商户, from benefits), registered as map layers so that this
layer never imports the domains above it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from gonghui.stations.geo import wgs_to_gcj
from gonghui.stations.models import Station


def map_config() -> dict[str, Any]:
    return {
        "tiles": settings.MAP_TILE_URL,
        "subdomains": settings.MAP_TILE_SUBDOMAINS,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "gcj02": settings.MAP_TILE_GCJ02,
        "labels": {"here": _("我的位置"), "open": _("查看")},
    }


def shown(lat: float, lng: float) -> tuple[float, float]:
    """A WGS-84 point as the configured tiles draw it."""
    if settings.MAP_TILE_GCJ02:
        lat, lng = wgs_to_gcj(lat, lng)
    return round(lat, 6), round(lng, 6)


def map_points(stations: Iterable[Station], *, link: Callable[[Station], str] | None = None) -> list[dict[str, Any]]:
    points = []
    for station in stations:
        lat, lng = shown(float(station.lat), float(station.lng))
        points.append(
            {
                "lat": lat,
                "lng": lng,
                "name": station.name,
                "kind": station.kind.name,
                "url": link(station) if link else "",
            }
        )
    return points


@dataclass(frozen=True)
class NearbyPlace:
    """A public place another domain shows near a worker: its WGS-84 point, name, kind and distance."""

    lat: float
    lng: float
    name: str
    kind: str
    address: str
    distance_m: float


# Per layer key: a function from the worker's point to the places near it (public data only).
_LAYERS: dict[str, Callable[[float, float], list[NearbyPlace]]] = {}


def register_map_layer(key: str, nearby: Callable[[float, float], list[NearbyPlace]]) -> None:
    """Called from a domain's AppConfig.ready(); registering a key again replaces it."""
    _LAYERS[key] = nearby


def nearby_places(lat: float, lng: float) -> list[NearbyPlace]:
    places = [place for nearby in _LAYERS.values() for place in nearby(lat, lng)]
    return sorted(places, key=lambda p: p.distance_m)


def place_points(places: Iterable[NearbyPlace]) -> list[dict[str, Any]]:
    points = []
    for place in places:
        lat, lng = shown(place.lat, place.lng)
        points.append({"lat": lat, "lng": lng, "name": place.name, "kind": place.kind, "url": "", "layer": "place"})
    return points

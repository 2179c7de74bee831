"""WGS-84 ↔ GCJ-02 and distances.

Stations are stored in WGS-84 (what a phone's GPS and `navigator.geolocation` give). Chinese map tiles
(AutoNavi, Tencent) are drawn in GCJ-02, the officially shifted datum, so points shown on them are shifted
with `wgs_to_gcj`, and points picked on such a map come back with `gcj_to_wgs`.

Hand-written: the PyPI packages for this (eviltransform 2018, coord-convert 2019, coordinatesconverter 2022)
are unmaintained, and the published algorithm is forty lines (Krasovsky 1940 ellipsoid, the offset
polynomials every GCJ-02 implementation uses). The inverse has no closed form; it is solved by fixed-point
iteration to under a millimetre.
"""

from __future__ import annotations

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_A = 6378245.0  # Krasovsky 1940 semi-major axis (m)
_EE = 0.00669342162296594323  # its first eccentricity squared
EARTH_RADIUS_M = 6371008.8  # mean radius (IUGG), for haversine

# A rough box around mainland China, Hainan and Taiwan (the box GCJ-02 implementations use to decide
# whether to shift at all). It also holds bits of neighbouring countries: good enough to refuse a swapped
# latitude/longitude or a point in another continent, which is what a typing slip produces.
CHINA_LAT = (3.86, 53.56)
CHINA_LNG = (73.50, 135.09)


def in_china(lat: float, lng: float) -> bool:
    return CHINA_LAT[0] <= lat <= CHINA_LAT[1] and CHINA_LNG[0] <= lng <= CHINA_LNG[1]


def check_in_china(lat: float | Decimal | str, lng: float | Decimal | str) -> tuple[Decimal, Decimal]:
    """The point rounded to 6 decimals (about 0.1 m), or a Chinese reason why it is refused."""
    try:
        flat, flng = float(lat), float(lng)
    except (TypeError, ValueError):
        raise ValidationError({"lat": _("请填写有效的经纬度。")}) from None
    if not (math.isfinite(flat) and math.isfinite(flng)):
        raise ValidationError({"lat": _("请填写有效的经纬度。")})
    if not in_china(flat, flng):
        if in_china(flng, flat):
            raise ValidationError({"lat": _("坐标不在中国境内：纬度和经度是否填反了？")})
        raise ValidationError(
            {"lat": _("坐标（纬度 %(lat).4f，经度 %(lng).4f）不在中国境内，请核对。") % {"lat": flat, "lng": flng}}
        )
    return Decimal(f"{flat:.6f}"), Decimal(f"{flng:.6f}")


def _offset(lat: float, lng: float) -> tuple[float, float]:
    x, y = lng - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlng += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlng += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlng += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlng = (dlng * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return dlat, dlng


def wgs_to_gcj(lat: float, lng: float) -> tuple[float, float]:
    """GCJ-02 of a WGS-84 point; points outside China are not shifted (as the maps do)."""
    if not in_china(lat, lng):
        return lat, lng
    dlat, dlng = _offset(lat, lng)
    return lat + dlat, lng + dlng


def gcj_to_wgs(lat: float, lng: float, *, tolerance: float = 1e-9) -> tuple[float, float]:
    """WGS-84 of a GCJ-02 point, by iterating the forward shift (converges in a handful of steps)."""
    if not in_china(lat, lng):
        return lat, lng
    wlat, wlng = lat, lng
    for _step in range(30):
        glat, glng = wgs_to_gcj(wlat, wlng)
        dlat, dlng = glat - lat, glng - lng
        wlat, wlng = wlat - dlat, wlng - dlng
        if abs(dlat) < tolerance and abs(dlng) < tolerance:
            break
    return wlat, wlng


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def box(lat: float, lng: float, radius_m: float) -> tuple[float, float, float, float]:
    """(min lat, max lat, min lng, max lng) of a box holding the circle of `radius_m` around the point."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M)
    cos_lat = max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6)
    dlng = math.degrees(radius_m / (EARTH_RADIUS_M * cos_lat))
    return lat - dlat, lat + dlat, lng - dlng, lng + dlng


def format_distance(metres: float) -> str:
    if metres < 1000:
        return _("%(m)d 米") % {"m": round(metres)}
    return _("%(km).1f 公里") % {"km": metres / 1000}

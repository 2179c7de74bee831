"""特惠商户 on the stations' near-me map: approved merchants within their agreement, a few km around the
worker (public facts only: name, category, address)."""

from __future__ import annotations

from django.utils import timezone

from gonghui.benefits.choices import MerchantStatus
from gonghui.benefits.models import Merchant
from gonghui.stations.geo import haversine_m
from gonghui.stations.map_data import NearbyPlace, register_map_layer

RADIUS_M = 5_000
BOX = 0.05  # degrees of latitude (about 5.5 km); longitude widened for the latitude below
LIMIT = 20


def merchants_near(lat: float, lng: float) -> list[NearbyPlace]:
    today = timezone.localdate()
    rows = Merchant.objects.filter(
        status=MerchantStatus.APPROVED,
        agreement_from__lte=today,
        agreement_until__gte=today,
        lat__range=(lat - BOX, lat + BOX),
        lng__range=(lng - BOX * 1.3, lng + BOX * 1.3),
    ).only("name", "category", "address", "lat", "lng")[:500]
    places = []
    for shop in rows:
        assert shop.lat is not None and shop.lng is not None  # noqa: S101 - the range filter excludes nulls
        distance = haversine_m(lat, lng, float(shop.lat), float(shop.lng))
        if distance <= RADIUS_M:
            kind = f"{Merchant._meta.verbose_name} · {shop.get_category_display()}"
            places.append(NearbyPlace(float(shop.lat), float(shop.lng), shop.name, kind, shop.address, distance))
    return sorted(places, key=lambda p: p.distance_m)[:LIMIT]


def register() -> None:
    register_map_layer("benefits.merchants", merchants_near)

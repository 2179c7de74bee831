"""Issue 15: "near me" over 100,000 stations across China, the whole view, on PostgreSQL.

The stations are spread around every county seat of GB/T 2260 (about 2,800 centres, a few dozen stations
each, jittered by a few kilometres), a quarter of them open 24 hours and the rest with weekly hours
(700,000-odd hour rows), half with facilities. The query points are a few hundred random spots near random
stations (people look for a station where stations are), so each answer holds 20 real neighbours.

Measured through Django's test client (middleware, session, template) on the phone page 附近服务站
(`/h5/stations/?lat=…&lng=…`, the 20 nearest with distances, hours and facilities), with and without the
"open now" filter, and the public API `GET /api/v1/stations/near`. Target: p95 ≤ 50 ms.
Peers, measured in the same run: for the pages, the station page of one station by primary key (the same
machinery around a plain indexed single-row lookup); for the API, the API detail of one station by key;
and for the selector itself, the same nearest-20 read without the bounding box (every row's coordinates
read and sorted by haversine in Python), which is what the box saves.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from bench.harness import Result, measure, report, result

STATIONS = 100_000
ORG_CODE = "bench-stations"
SCALE = "100,000 stations around ~2,800 county seats; 24-hour quarter; 20 nearest per answer; in-process test client"
POINTS = 300


def _centres() -> list[tuple[float, float]]:
    from gonghui.orgs.models import Region

    rows = Region.objects.exclude(code__endswith="00").filter(lat__isnull=False).values_list("lat", "lng")
    return [(float(a), float(b)) for a, b in rows]


def build(*, rebuild: bool = False) -> None:
    from django.db import connection, transaction

    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode
    from gonghui.stations.models import Facility, OpeningHours, Station, StationKind

    org = OrgNode.objects.filter(code=ORG_CODE).first()
    if org is not None and not rebuild and Station.objects.filter(org=org).count() >= STATIONS:
        return
    if org is None:
        org = OrgNode.objects.add_root(
            instance=OrgNode(code=ORG_CODE, name="服务阵地基准测试总工会", kind=OrgKind.FED_CITY, region_id="110000")
        )
    started = time.perf_counter()
    with transaction.atomic():
        ids = Station.objects.filter(org=org).values("pk")
        OpeningHours.objects.filter(station__in=ids).delete()
        Station.facilities.through.objects.filter(station__in=ids).delete()
        Station.objects.filter(org=org).delete()
        rng = random.Random(15)
        centres = _centres()
        kinds = list(StationKind.objects.all())
        stations = []
        for i in range(STATIONS):
            lat, lng = rng.choice(centres)
            lat += rng.gauss(0, 0.04)
            lng += rng.gauss(0, 0.04)
            stations.append(
                Station(
                    org=org,
                    kind=kinds[i % len(kinds)],
                    name=f"基准服务站{i:06d}",
                    address=f"基准地址 {i} 号",
                    lat=Decimal(f"{lat:.6f}"),
                    lng=Decimal(f"{lng:.6f}"),
                    is_24h=i % 4 == 0,
                    poster_token=f"bench-{i:06d}",
                )
            )
        made = Station.objects.bulk_create(stations, batch_size=5000)
        hours = [
            OpeningHours(station=s, weekday=d, opens=480 + (s.pk % 3) * 60, closes=1080 + (s.pk % 5) * 60)
            for s in made
            if not s.is_24h
            for d in range(7)
        ]
        OpeningHours.objects.bulk_create(hours, batch_size=10000)
        facilities = list(Facility.objects.all())
        through = Station.facilities.through
        links = [
            through(station_id=s.pk, facility_id=f.pk)
            for n, s in enumerate(made)
            if n % 2 == 0
            for f in facilities[n % 3 : n % 3 + 3]
        ]
        through.objects.bulk_create(links, batch_size=10000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE stations_station, stations_openinghours, stations_station_facilities")
    print(f"built {STATIONS:,} stations in {time.perf_counter() - started:.0f} s")


def _points(n: int) -> list[tuple[float, float]]:
    from gonghui.stations.models import Station

    rng = random.Random(7)
    rows = list(Station.objects.filter(org__code=ORG_CODE).values_list("lat", "lng")[:STATIONS])
    picks = rng.sample(rows, n)
    return [(float(a) + rng.uniform(-0.02, 0.02), float(b) + rng.uniform(-0.02, 0.02)) for a, b in picks]


def _get(client: Any, paths: Iterator[str], check: bytes) -> Callable[[], None]:
    def call() -> None:
        response = client.get(next(paths), secure=True)
        assert response.status_code == 200 and check in response.content, response.status_code

    return call


def _no_box(points: Iterator[tuple[float, float]]) -> Callable[[], None]:
    """The peer of the selector: the nearest 20 by reading every active station's coordinates."""
    from gonghui.stations.geo import haversine_m
    from gonghui.stations.models import Station

    def call() -> None:
        lat, lng = next(points)
        rows = Station.objects.filter(is_active=True).values_list("pk", "lat", "lng").iterator(chunk_size=20000)
        nearest = sorted((haversine_m(lat, lng, float(a), float(b)), pk) for pk, a, b in rows)[:20]
        assert len(nearest) == 20

    return call


def _with_box(points: Iterator[tuple[float, float]]) -> Callable[[], None]:
    from gonghui.stations.selectors import near

    def call() -> None:
        assert len(near(*next(points), limit=20)) == 20

    return call


def run(*, rebuild: bool = False) -> list[Result]:
    from django.test import Client

    from gonghui.stations.models import Station

    build(rebuild=rebuild)
    points = _points(POINTS)
    pages = (f"/h5/stations/?lat={a:.6f}&lng={b:.6f}" for a, b in points * 4)
    open_pages = (f"/h5/stations/?lat={a:.6f}&lng={b:.6f}&open_now=1" for a, b in points * 4)
    api = (f"/api/v1/stations/near?lat={a:.6f}&lng={b:.6f}" for a, b in points * 4)
    ids = list(Station.objects.filter(org__code=ORG_CODE).values_list("pk", flat=True)[: POINTS * 4])
    random.Random(3).shuffle(ids)
    one_page = (f"/h5/stations/{pk}/" for pk in ids * 4)
    one_api = (f"/api/v1/stations/{pk}" for pk in ids * 4)
    client = Client()
    near_page = measure(_get(client, pages, "基准服务站".encode()), runs=POINTS, warmup=10)
    near_open = measure(_get(client, open_pages, b"near-results"), runs=POINTS, warmup=10)
    detail_page = measure(_get(client, one_page, "基准服务站".encode()), runs=POINTS, warmup=10)
    near_api = measure(_get(client, api, b"distance_m"), runs=POINTS, warmup=10)
    detail_api = measure(_get(client, one_api, b"gcj02_lat"), runs=POINTS, warmup=10)
    cycle = iter(points * 4)
    selector = measure(_with_box(cycle), runs=100, warmup=3)
    full_scan = measure(_no_box(iter(points)), runs=20, warmup=1)
    return [
        result("near_me_page", near_page, target="≤ 50", scale=SCALE,
               peer="station page by primary key (indexed single-row lookup)", peer_timing=detail_page),
        result("near_me_page_open_now", near_open, target="≤ 50", scale=SCALE,
               peer="station page by primary key (indexed single-row lookup)", peer_timing=detail_page),
        result("near_me_api", near_api, target="≤ 50", scale=SCALE,
               peer="API station detail by primary key", peer_timing=detail_api),
        result("near_selector_20", selector, target="—", scale=SCALE,
               peer="same nearest 20 without the bounding box (all rows, haversine in Python)",
               peer_timing=full_scan),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    report("stations", run(rebuild=rebuild))

"""维权 case lists: the labour-dispute list at 200,000 disputes, the whole view, on PostgreSQL.

A city federation with 10 counties of 20 grassroots unions each (one enterprise per union) holds 200,000
disputes over three years (every source and outcome; 3 % collective, escalated to their county), and 20,000
wage-arrears reports. Measured through Django's test client (middleware, session, the rights scope, the
template) as the city's 维权专员: the first page of the list, a filtered page (one source, one outcome, one
year), and deep pages (`?after=` a random id, keyset paging), and as one grassroots union's 维权专员 the
first page of theirs; also the arrears list's first page. Target: p95 ≤ 150 ms. Peer, measured in the same
run: the page of one dispute by primary key (an indexed single-row read, its parties and claims, and the
audit row every case read writes).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from bench.harness import Result, measure, report, result

CITY = "bench-rights"
DISPUTES = 200_000
REPORTS = 20_000
COUNTIES, UNIONS = 10, 20
DETAILED = 2_000  # disputes with parties and claims (the peer reads these)
SCALE = "200,000 disputes + 20,000 arrears reports under 1 city, 10 counties, 200 unions; in-process test client"
RUNS = 200
SOURCES = ["cadre", "court", "hrss", "worker", "arrears"]
STATUSES = ["agreed"] * 5 + ["withdrawn", "arbitration", "court", "mediating", "open"]


def _orgs() -> tuple[Any, list[Any], list[Any]]:
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode

    city = OrgNode.objects.add_root(
        instance=OrgNode(code=CITY, name="维权基准测试市总工会", kind=OrgKind.FED_CITY, region_id="320900")
    )
    counties, unions = [], []
    for c in range(COUNTIES):
        city.refresh_from_db()
        county = city.add_child(
            instance=OrgNode(code=f"{CITY}-{c}", name=f"基准县{c}总工会", kind=OrgKind.FED_COUNTY, region_id="320925")
        )
        counties.append(county)
        for u in range(UNIONS):
            county.refresh_from_db()
            unions.append(
                county.add_child(
                    instance=OrgNode(
                        code=f"{CITY}-{c}-{u}", name=f"基准县{c}第{u}基层工会", kind=OrgKind.GRASSROOTS,
                        region_id="320925",
                    )
                )
            )  # fmt: skip
    return city, counties, unions


def _enterprises(unions: list[Any]) -> list[Any]:
    from gonghui.orgs.demo import demo_uscc
    from gonghui.orgs.models import Enterprise

    rows = [
        Enterprise(
            name=f"维权基准企业{n:03d}有限公司", uscc=demo_uscc("91", "320925", f"维权基准企业{n:03d}"), industry="C",
            region_id="320925", union=union,
        )
        for n, union in enumerate(unions)
    ]  # fmt: skip
    return Enterprise.objects.bulk_create(rows)


def _disputes(unions: list[Any], counties: list[Any], enterprises: list[Any], rng: random.Random) -> None:
    from gonghui.rights.mediation.models import Dispute

    today = dt.date.today()
    batch: list[Dispute] = []
    for n in range(DISPUTES):
        u = rng.randrange(len(unions))
        status = rng.choice(STATUSES)
        collective = rng.random() < 0.03
        received = today - dt.timedelta(days=rng.randrange(3 * 365))
        batch.append(
            Dispute(
                org=unions[u], enterprise=enterprises[u], enterprise_name=enterprises[u].name,
                source=rng.choice(SOURCES), status=status, summary="基准争议事由：拖欠工资和加班费",
                received_on=received, worker_count=rng.randint(3, 12) if collective else rng.randint(1, 2),
                claimed=Decimal(rng.randrange(1000, 90000)), collective=collective,
                escalated_to=counties[u // UNIONS] if collective else None,
                closed_on=None if status in ("open", "mediating") else received + dt.timedelta(days=20),
            )
        )  # fmt: skip
        if len(batch) == 10_000:
            Dispute.objects.bulk_create(batch)
            batch = []
            print(f"  {n + 1:,} disputes", flush=True)
    Dispute.objects.bulk_create(batch)


def _details(rng: random.Random) -> None:
    from gonghui.common.idcard import check_char
    from gonghui.rights.mediation.models import Claim, Dispute, Party

    ids = list(Dispute.objects.filter(org__code__startswith=CITY).order_by("?").values_list("pk", flat=True)[:DETAILED])
    parties, claims = [], []
    for n, pk in enumerate(ids):
        first17 = f"320925{1970 + n % 30}0101{n % 900 + 100:03d}"
        parties.append(Party(dispute_id=pk, name=f"基准职工{n:04d}", id_number=first17 + check_char(first17)))
        claims.append(Claim(dispute_id=pk, kind="wages", amount=Decimal(rng.randrange(1000, 50000))))
    Party.objects.bulk_create(parties, batch_size=2000, ignore_conflicts=True)
    Claim.objects.bulk_create(claims, batch_size=2000)


def _reports(unions: list[Any], enterprises: list[Any], rng: random.Random) -> None:
    from gonghui.rights.arrears.models import Report

    today = dt.date.today()
    stages = ["accepted", "diverted", "handled", "fed_back", "visited"]
    rows = []
    for _ in range(REPORTS):
        u = rng.randrange(len(unions))
        stage = rng.choice(stages)
        owed = Decimal(rng.randrange(2000, 200000))
        received = today - dt.timedelta(days=rng.randrange(3 * 365))
        rows.append(
            Report(
                org=unions[u], enterprise=enterprises[u], enterprise_name=enterprises[u].name, source="cadre",
                stage=stage, summary="基准欠薪线索", amount_owed=owed,
                amount_recovered=owed if stage in ("fed_back", "visited") else 0, workers_affected=rng.randint(1, 30),
                received_on=received, closed_on=received + dt.timedelta(days=30) if stage == "visited" else None,
            )
        )  # fmt: skip
    Report.objects.bulk_create(rows, batch_size=10_000)


def _users(city: Any, union: Any) -> tuple[Any, Any]:
    from django.contrib.auth import get_user_model

    from gonghui.orgs.models import StaffRole
    from gonghui.orgs.roles import Role

    User = get_user_model()
    users = []
    for name, org in (("bench-rights-city", city), ("bench-rights-union", union)):
        user = User.objects.filter(username=name).first() or User.objects.create(username=name)
        StaffRole.objects.filter(user=user).delete()
        StaffRole.objects.create(user=user, org=org, role=Role.RIGHTS)
        users.append(user)
    return users[0], users[1]


def build(*, rebuild: bool = False) -> tuple[Any, Any]:
    from django.db import connection, transaction

    from gonghui.orgs.models import OrgNode
    from gonghui.rights.mediation.models import Dispute

    city = OrgNode.objects.filter(code=CITY).first()
    if city is not None and not rebuild and Dispute.objects.filter(org__path__startswith=city.path).count() >= DISPUTES:
        union = OrgNode.objects.get(code=f"{CITY}-0-0")
        return _users(city, union)
    started = time.perf_counter()
    with transaction.atomic():
        if city is not None:
            _drop(city)
        rng = random.Random(18)
        city, counties, unions = _orgs()
        enterprises = _enterprises(unions)
        _disputes(unions, counties, enterprises, rng)
        _details(rng)
        _reports(unions, enterprises, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE mediation_dispute, mediation_party, mediation_claim, arrears_report, orgs_orgnode")
    print(f"built {DISPUTES:,} disputes and {REPORTS:,} reports in {time.perf_counter() - started:.0f} s")
    return _users(city, unions[0])


def _drop(city: Any) -> None:
    from gonghui.orgs.models import Enterprise, OrgNode, StaffRole
    from gonghui.rights.arrears.models import Report
    from gonghui.rights.mediation.models import Dispute

    under = {"org__path__startswith": city.path}
    Report.objects.filter(**under).delete()
    Dispute.objects.filter(**under).delete()
    Enterprise.objects.filter(union__path__startswith=city.path).delete()
    StaffRole.objects.filter(org__path__startswith=city.path).delete()
    OrgNode.objects.filter(path__startswith=city.path).delete()


def _get(client: Any, paths: Iterator[str], check: bytes) -> Callable[[], None]:
    def call() -> None:
        response = client.get(next(paths), secure=True)
        assert response.status_code == 200 and check in response.content, response.status_code

    return call


def run(*, rebuild: bool = False) -> list[Result]:
    from bench.harness import staff_client
    from gonghui.rights.mediation.models import Dispute, Party

    city_user, union_user = build(rebuild=rebuild)
    rng = random.Random(7)
    city = staff_client(city_user)
    union = staff_client(union_user)
    marker = "维权基准企业".encode()
    first = measure(_get(city, iter(lambda: "/mediation/", None), marker), runs=RUNS, warmup=10)
    years = [dt.date.today().year - k for k in range(3)]
    filtered_paths = (
        f"/mediation/?source={rng.choice(SOURCES)}&status=agreed&year={rng.choice(years)}" for _ in iter(int, 1)
    )
    filtered = measure(_get(city, filtered_paths, marker), runs=RUNS, warmup=10)
    ids = list(Dispute.objects.filter(org__code__startswith=CITY).order_by("pk").values_list("pk", flat=True))[1000:]
    deep_paths = (f"/mediation/?after={rng.choice(ids)}" for _ in iter(int, 1))
    deep = measure(_get(city, deep_paths, marker), runs=RUNS, warmup=10)
    own = measure(_get(union, iter(lambda: "/mediation/", None), marker), runs=RUNS, warmup=10)
    arrears = measure(_get(city, iter(lambda: "/arrears/", None), marker), runs=RUNS, warmup=10)
    detailed = list(Party.objects.filter(dispute__org__code__startswith=CITY).values_list("dispute_id", flat=True))
    detail_paths = (f"/mediation/{rng.choice(detailed)}/" for _ in iter(int, 1))
    detail = measure(_get(city, detail_paths, "职工当事人".encode()), runs=RUNS, warmup=10)
    peer = "the page of one dispute by primary key (indexed single-row read, parties, claims, the audit insert)"
    return [
        result("dispute_list_city_first_page", first, target="≤ 150", scale=SCALE, peer=peer, peer_timing=detail),
        result("dispute_list_city_filtered_page", filtered, target="≤ 150", scale=SCALE, peer=peer, peer_timing=detail),
        result("dispute_list_city_deep_page", deep, target="≤ 150", scale=SCALE, peer=peer, peer_timing=detail),
        result("dispute_list_union_first_page", own, target="≤ 150", scale=SCALE, peer=peer, peer_timing=detail),
        result("arrears_list_city_first_page", arrears, target="≤ 150", scale=SCALE, peer=peer, peer_timing=detail),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    report("rights_cases", run(rebuild=rebuild))

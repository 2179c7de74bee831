"""Issue 15: events under load, on PostgreSQL, through gunicorn on loopback (the join bench's harness).

1. Check-in: wrk posts one scan per request to POST /api/v1/events/{id}/checkins, as a door scanner app
   uploads it (bearer token, a new nonce, a different ticket each time: the real path, signature check,
   sign-up lock, update, scan insert), against the bare one-INSERT view that parses the same JSON.
   Targets: ≥ 0.5× the bare view's rate in the same run, p99 ≤ 50 ms.
2. The sign-up rush: 2,000 requests from 200 client threads released at once, each signing up a different
   member (POST /api/v1/events/{id}/signups by a cadre's token) for 500 places. Target: exactly 500
   confirmed, the other 1,500 on the waiting list in order; requests/s is reported, with the bare view
   driven by the same client as the peer.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.harness import Result, _database_label
from bench.join_load import PORT, ROUNDS, WARMUP, WORKERS, _server, _wrk

TICKETS = 60_000
BLOCK = 12_000  # tickets per wrk run: no ticket is scanned twice within the bench
RUSH_PEOPLE = 2_000
RUSH_PLACES = 500
RUSH_THREADS = 200
ORG = "bench-events"


def _people(org: Any, count: int) -> list[int]:
    """`count` active members of the bench union (made once, reused), as membership ids."""
    from gonghui.common.idcard import check_char
    from gonghui.members.models import Membership, Person
    from gonghui.members.services import person_keys

    have = list(Membership.objects.filter(org=org, status="active").order_by("pk").values_list("pk", flat=True))
    if len(have) >= count:
        return have[:count]
    start = len(have)
    keys = person_keys("赛事职工")
    for chunk in range(start, count, 5_000):
        rows = []
        for i in range(chunk, min(chunk + 5_000, count)):
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=i // 900)
            first17 = f"611023{birth:%Y%m%d}{i % 900 + 100:03d}"
            rows.append(Person(name="赛事职工", id_number=first17 + check_char(first17), mobile=f"136{i:08d}", **keys))
        Person.objects.bulk_create(rows, batch_size=2_000, ignore_conflicts=True)
        people = Person.objects.filter(id_hmac__in=[p.id_hmac for p in rows])
        now = dt.datetime.now(dt.UTC)
        Membership.objects.bulk_create(
            [Membership(person=p, org=org, status="active", source="cadre", applied_at=now) for p in people],
            batch_size=2_000,
            ignore_conflicts=True,
        )
    return list(Membership.objects.filter(org=org, status="active").order_by("pk").values_list("pk", flat=True))[:count]


def _prepare() -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from gonghui.accounts.services import api_token_issue
    from gonghui.events.models import Event, SignUp
    from gonghui.events.tickets import ticket_token
    from gonghui.members.models import Membership
    from gonghui.orgs.kinds import OrgKind
    from gonghui.orgs.models import OrgNode, StaffRole

    org = OrgNode.objects.filter(code=ORG).first()
    if org is None:
        org = OrgNode.add_root(code=ORG, name="基准活动工会", kind=OrgKind.FED_COUNTY, region_id="611023")
    user, _ = get_user_model().objects.get_or_create(username="bench-events", defaults={"display_name": "活动基准"})
    StaffRole.objects.get_or_create(user=user, org=org, role="admin")
    memberships = _people(org, TICKETS + RUSH_PEOPLE)
    Event.objects.filter(org=org).delete()
    now = dt.datetime.now(dt.UTC)
    door = Event.objects.create(
        org=org,
        kind="sports",
        title="基准签到活动",
        address="体育场",
        capacity=TICKETS,
        held=TICKETS,
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(hours=8),
        status="published",
        created_by=user,
    )
    people = dict(Membership.objects.filter(pk__in=memberships[:TICKETS]).values_list("pk", "person_id"))
    SignUp.objects.bulk_create(
        [SignUp(event=door, person_id=people[m], org=org, status="confirmed") for m in memberships[:TICKETS]],
        batch_size=5_000,
    )
    tickets = Path(tempfile.gettempdir()) / "gonghui-bench-tickets.txt"
    signups = SignUp.objects.filter(event=door).order_by("pk").only("pk")
    tickets.write_text("\n".join(ticket_token(s) for s in signups) + "\n", encoding="utf-8")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_bare_scan (id bigserial PRIMARY KEY, nonce text, token text)")
        cursor.execute("TRUNCATE bench_bare_scan")
        cursor.execute("VACUUM ANALYZE events_event, events_signup, events_scan, members_membership, members_person")
    token = api_token_issue(user=user, name="bench").secret
    return {"org": org, "user": user, "door": door, "tickets": tickets, "token": token, "rush": memberships[TICKETS:]}


def _checkin(prep: dict[str, Any]) -> list[tuple[dict[str, float], dict[str, float]]]:
    env = {"CHECKIN_TICKETS": str(prep["tickets"]), "CHECKIN_TOKEN": prep["token"]}
    url = f"/api/v1/events/{prep['door'].pk}/checkins"

    def run(path: str, n: int, duration: str | None = None) -> dict[str, float]:
        extra = {**env, "CHECKIN_RUN": str(n), "CHECKIN_OFFSET": str(n * BLOCK)}
        return _wrk(path, n, duration or "20s", script="checkin.lua", env=extra)

    run(url, 0, WARMUP)
    run("/bench/bare-scan", 0, WARMUP)
    return [(run(url, n), run("/bench/bare-scan", n)) for n in range(1, ROUNDS + 1)]


def _post_all(path: str, bodies: list[dict[str, Any]], token: str) -> tuple[float, list[int]]:
    """Send every body from RUSH_THREADS threads released together; (seconds, status codes)."""
    barrier = threading.Barrier(RUSH_THREADS)
    share = [bodies[i::RUSH_THREADS] for i in range(RUSH_THREADS)]
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}", "X-Forwarded-Proto": "https"}

    def send(mine: list[dict[str, Any]]) -> list[int]:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        barrier.wait()
        codes = []
        for body in mine:
            connection.request("POST", path, json.dumps(body), headers)
            response = connection.getresponse()
            response.read()
            codes.append(response.status)
        connection.close()
        return codes

    with ThreadPoolExecutor(RUSH_THREADS) as pool:
        started = time.perf_counter()
        results = list(pool.map(send, share))
        seconds = time.perf_counter() - started
    return seconds, [code for codes in results for code in codes]


def _rush(prep: dict[str, Any]) -> dict[str, Any]:
    from gonghui.events.models import Event, SignUp

    now = dt.datetime.now(dt.UTC)
    event = Event.objects.create(
        org=prep["org"],
        kind="lecture",
        title="基准抢报名讲座",
        address="报告厅",
        capacity=RUSH_PLACES,
        starts_at=now + dt.timedelta(days=1),
        ends_at=now + dt.timedelta(days=1, hours=2),
        status="published",
        created_by=prep["user"],
    )
    bodies = [{"membership_id": m} for m in prep["rush"]]
    seconds, codes = _post_all(f"/api/v1/events/{event.pk}/signups", bodies, prep["token"])
    bare = [{"scans": [{"nonce": f"rush-{m}", "token": "x"}]} for m in prep["rush"]]
    bare_seconds, bare_codes = _post_all("/bench/bare-scan", bare, prep["token"])
    event.refresh_from_db()
    rows = SignUp.objects.filter(event=event)
    waiting = list(rows.filter(status="waiting").order_by("pk").values_list("pk", flat=True))
    return {
        "seconds": seconds,
        "bare_seconds": bare_seconds,
        "failed": sum(1 for c in codes if c != 201) + sum(1 for c in bare_codes if c != 200),
        "confirmed": rows.filter(status="confirmed").count(),
        "waiting": len(waiting),
        "held": event.held,
    }


def run() -> list[Result]:
    prep = _prepare()
    server = _server()
    try:
        rounds = _checkin(prep)
        rush = _rush(prep)
    finally:
        server.terminate()
        server.wait(10)
    if any(o["errors"] or p["errors"] for o, p in rounds) or rush["failed"]:
        raise RuntimeError(f"requests failed: {rounds} {rush}")
    if not rush["confirmed"] == rush["held"] == RUSH_PLACES or rush["waiting"] != RUSH_PEOPLE - RUSH_PLACES:
        raise RuntimeError(f"the rush oversold or lost places: {rush}")
    ours = {key: statistics.median(o[key] for o, _ in rounds) for key in ("rate", "p99")}
    peer = {key: statistics.median(p[key] for _, p in rounds) for key in ("rate", "p99")}
    spread = ", ".join(f"{o['rate']:.0f}/s p99 {o['p99']:.0f} ms" for o, _ in rounds)
    scale = (
        f"median of {ROUNDS} interleaved rounds ({spread}); {TICKETS:,} sign-ups at the door; gunicorn {WORKERS} "
        "sync workers, wrk 16 connections × 20 s, 2 cores shared"
    )
    rush_rate = RUSH_PEOPLE / rush["seconds"]
    bare_rate = RUSH_PEOPLE / rush["bare_seconds"]
    rush_scale = (
        f"{RUSH_PEOPLE:,} sign-up requests from {RUSH_THREADS} threads released at once for {RUSH_PLACES} places: "
        f"{rush['confirmed']} confirmed, {rush['waiting']} waiting, held {rush['held']}; peer: the bare one-INSERT "
        "view, same client"
    )
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    database = _database_label()
    bare = "bare one-INSERT Django view"
    return [
        Result("checkin_per_s", ours["rate"], "scans/s", "≥ 0.5× peer", bare, peer["rate"],
               round(ours["rate"] / peer["rate"], 3), scale, database, at),
        Result("checkin_p99", ours["p99"], "ms (p99)", "≤ 50", bare, peer["p99"],
               round(ours["p99"] / peer["p99"], 3), scale, database, at),
        Result("signup_rush_per_s", round(rush_rate, 1), "requests/s", "report", bare, round(bare_rate, 1),
               round(rush_rate / bare_rate, 3), rush_scale, database, at),
        Result("signup_rush_confirmed", rush["confirmed"], "sign-ups", f"= {RUSH_PLACES}", None, None, None,
               rush_scale, database, at),
    ]  # fmt: skip


def main(*, rebuild: bool = False) -> None:
    from bench.harness import report

    report("events", run())

"""Shared bench plumbing: Django on a dedicated database, timing, the results table and JSON."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/gonghui_bench"


def setup_django() -> None:
    """Production-like settings (DEBUG off: no query log) on the bench database."""
    # A fixed key: bench data persists between runs and must stay readable. Never a real key.
    key = base64.b64encode(b"gonghui-bench-only-key-000000000").decode()
    os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    os.environ.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        GONGHUI_PII_KEYS=f"1:{key}",
        GONGHUI_PII_HMAC_KEY=key,
        DJANGO_SETTINGS_MODULE="gonghui.settings",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        # The sign-in bench reads codes from the console backend's outbox; at WARNING nothing is logged.
        SMS_CONSOLE_IN_PRODUCTION="1",
        # The benches run imports and bulk approvals in this process, as a job worker would.
        DB_STATEMENT_TIMEOUT_MS="0",
        DB_LOCK_TIMEOUT_MS="60000",
    )
    _ensure_postgres_database(os.environ["DATABASE_URL"])
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages render with the production manifest


def _ensure_postgres_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


@dataclass
class Timing:
    p50_ms: float
    p95_ms: float
    runs: int


def measure(
    func: Callable[[], object], *, runs: int = 30, warmup: int = 3, before: Callable[[], object] | None = None
) -> Timing:
    """Time `func` `runs` times after `warmup` untimed calls; `before`, if given, runs untimed before each."""
    for _ in range(warmup):
        if before:
            before()
        func()
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return Timing(p50_ms=round(statistics.median(samples), 2), p95_ms=round(p95, 2), runs=runs)


@dataclass
class Result:
    metric: str
    value: float
    unit: str
    target: str
    peer: str | None
    peer_value: float | None
    ratio: float | None  # ours / peer: below 1 means faster than the peer
    scale: str
    database: str
    at: str


def result(
    metric: str, ours: Timing, *, target: str, scale: str, peer: str | None = None, peer_timing: Timing | None = None
) -> Result:

    peer_value = peer_timing.p95_ms if peer_timing else None
    return Result(
        metric=metric,
        value=ours.p95_ms,
        unit="ms (p95)",
        target=target,
        peer=peer,
        peer_value=peer_value,
        ratio=round(ours.p95_ms / peer_value, 3) if peer_value else None,
        scale=scale,
        database=_database_label(),
        at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def throughput(
    metric: str,
    rows: int,
    seconds: float,
    *,
    target: str,
    scale: str,
    peer: str | None = None,
    peer_rows: int | None = None,
    peer_seconds: float | None = None,
) -> Result:
    """A rows-per-second result; ratio = ours / peer, so above 1 means faster than the peer."""
    value = round(rows / seconds, 1)
    peer_value = round(peer_rows / peer_seconds, 1) if peer_rows and peer_seconds else None
    return Result(
        metric=metric,
        value=value,
        unit="rows/s",
        target=target,
        peer=peer,
        peer_value=peer_value,
        ratio=round(value / peer_value, 3) if peer_value else None,
        scale=scale,
        database=_database_label(),
        at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def _database_label() -> str:
    from django.db import connection

    if connection.vendor != "postgresql":
        return connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def report(name: str, results: list[Result]) -> Path:
    header = f"{'metric':<34} {'value':>10} {'target':>10} {'peer':>10} {'ratio':>7}  unit · peer"
    print(header)
    print("-" * len(header))
    for r in results:
        peer_value = f"{r.peer_value:.2f}" if r.peer_value is not None else "-"
        ratio = f"{r.ratio:.3f}" if r.ratio is not None else "-"
        print(f"{r.metric:<34} {r.value:>10.2f} {r.target:>10} {peer_value:>10} {ratio:>7}  {r.unit} · {r.peer or '-'}")
    print(f"(scale: {results[0].scale}; database: {results[0].database}; ratio = ours / peer)")
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(RESULTS.parent.parent)}")
    return path


def staff_client(user: object) -> object:
    """A test client signed in as `user` with a verified second factor, as a cadre's browser session is
    after TOTP: the second-factor middleware stays in every measured request."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client

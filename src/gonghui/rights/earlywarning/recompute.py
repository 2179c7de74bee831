"""The scheduled recompute of every enterprise's score and level, set-based: one read of the enterprises, one
GROUP BY per indicator source, one read of the current levels, then one bulk upsert of the rows that changed
and one bulk insert of the warnings that levels rising to 橙/红 open. Never a query per enterprise.

Safe to re-run: a second run finds nothing changed and nothing rising. Runs are serialized on PostgreSQL by a
transaction-scoped advisory lock (a second run waits, then sees the first's levels), and a warning opened
twice anyway is refused by the partial unique index (the insert ignores the conflict).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.orgs.models import Enterprise, StaffRole, paths_up
from gonghui.orgs.roles import Role
from gonghui.rights.earlywarning.choices import RANK, WARN_FROM, Indicator, RectStatus, WarningLevel, WarningStatus
from gonghui.rights.earlywarning.models import (
    EarlyWarning,
    EnterpriseLevel,
    IndicatorEntry,
    RecomputeRun,
    Rectification,
)
from gonghui.rights.earlywarning.scoring import CENT, SchemeFinder
from gonghui.rights.earlywarning.sources import arrears_by_enterprise, disputes_by_enterprise

WINDOW_DAYS = 365  # the indicators count the last twelve months
BATCH = 2000
LOCK_KEY = 0x45574152  # "EWAR": one recompute at a time on PostgreSQL
UPDATED = ["org", "score", "level", "previous", "values", "scheme", "level_since", "computed_at"]
Values = dict[str, Decimal]


def _under(paths: Sequence[str] | None, field: str) -> Q:
    if paths is None:
        return Q()
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _text(value: Decimal) -> str:
    return format(value.quantize(CENT).normalize(), "f")


def indicator_values(*, today: dt.date, paths: Sequence[str] | None = None) -> dict[int, Values]:
    """enterprise id -> {indicator: value} (only the non-zero ones), from every source, for the window."""
    since = today - dt.timedelta(days=WINDOW_DAYS)
    out: dict[int, Values] = {}

    def put(enterprise: int, key: str, value: Decimal) -> None:
        if value > 0:
            out.setdefault(enterprise, {})[key] = value

    for pk, (reports, owed) in arrears_by_enterprise(since).items():
        put(pk, Indicator.ARREARS, Decimal(reports))
        put(pk, Indicator.ARREARS_AMOUNT, (owed / 10000).quantize(CENT))
    for pk, (disputes, collective) in disputes_by_enterprise(since).items():
        put(pk, Indicator.DISPUTES, Decimal(disputes))
        put(pk, Indicator.COLLECTIVE, Decimal(collective))
    # The latest entry per enterprise and kind within the window (an anti-join on the unique index).
    newer = IndicatorEntry.objects.filter(
        enterprise_id=OuterRef("enterprise_id"), kind=OuterRef("kind"), as_of__gt=OuterRef("as_of"), as_of__lte=today
    )
    entries = (
        IndicatorEntry.objects.filter(_under(paths, "enterprise__union__path"), as_of__range=(since, today))
        .filter(~Exists(newer))
        .values_list("enterprise_id", "kind", "value")
    )
    for pk, kind, value in entries.iterator(chunk_size=BATCH):
        put(pk, kind, value)
    open_items = (
        Rectification.objects.filter(_under(paths, "checkup__enterprise__union__path"), status=RectStatus.OPEN)
        .values_list("checkup__enterprise_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for pk, n in open_items:
        put(pk, Indicator.CHECKUP, Decimal(n))
    return out


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def rights_cadres(union_paths: set[str]) -> dict[str, int]:
    """union path -> the 维权专员 nearest up the tree (the longest-serving on that union), in one query."""
    wanted = {p for path in union_paths for p in paths_up(path)}
    first: dict[str, int] = {}
    roles = (
        StaffRole.objects.filter(role=Role.RIGHTS, org__path__in=wanted, user__is_active=True)
        .order_by("created_at", "pk")
        .values_list("org__path", "user_id")
    )
    for path, user_id in roles:
        first.setdefault(path, user_id)
    out = {}
    for path in union_paths:
        found = next((first[p] for p in reversed(paths_up(path)) if p in first), None)
        if found is not None:
            out[path] = found
    return out


def levels_recompute(
    *,
    trigger: str,
    actor: User | None = None,
    paths: Sequence[str] | None = None,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> RecomputeRun:
    """Recompute the levels of every enterprise (or those under `paths`); returns the run with its counts."""
    say = progress or (lambda _message: None)
    with transaction.atomic():
        _lock()
        now = timezone.now()
        today = today or timezone.localdate(now)
        run = RecomputeRun.objects.create(trigger=trigger, started_by=actor, scope=",".join(paths or [])[:200])
        say("enterprises")
        enterprises = list(
            Enterprise.objects.filter(_under(paths, "union__path"))
            .order_by("pk")
            .values_list("pk", "union_id", "union__path")
            .iterator(chunk_size=10_000)
        )
        say("indicators")
        values = indicator_values(today=today, paths=paths)
        current = {
            row[0]: row[1:]
            for row in EnterpriseLevel.objects.filter(_under(paths, "enterprise__union__path"))
            .values_list("enterprise_id", "score", "level", "previous", "values", "org_id", "scheme_id", "level_since")
            .iterator(chunk_size=10_000)
        }
        say("scores")
        finder = SchemeFinder()
        rows: list[EnterpriseLevel] = []
        rising: dict[int, tuple[str, str, int]] = {}  # enterprise -> (level, union path, union id)
        for pk, union_id, path in enterprises:
            weights = finder.for_path(path)
            mine = values.get(pk, {})
            score = weights.score(mine)
            level = weights.level(score)
            texts = {k: _text(v) for k, v in sorted(mine.items())}
            old = current.get(pk)
            if old is not None and (old[0], old[1], old[3], old[4], old[5]) == (
                score,
                level,
                texts,
                union_id,
                weights.scheme_id,
            ):
                continue
            was = old[1] if old is not None else WarningLevel.NONE.value
            moved = old is None or was != level
            rows.append(
                EnterpriseLevel(
                    enterprise_id=pk,
                    org_id=union_id,
                    score=score,
                    level=level,
                    previous=was if moved else old[2],  # type: ignore[index]
                    values=texts,
                    scheme_id=weights.scheme_id,
                    level_since=now if moved else old[6],  # type: ignore[index]
                    computed_at=now,
                )
            )
            if RANK[level] >= RANK[WARN_FROM] and RANK[level] > RANK[was]:
                rising[pk] = (level, path, union_id)
        say("saving")
        for chunk in _chunks(rows):
            EnterpriseLevel.objects.bulk_create(
                chunk, update_conflicts=True, unique_fields=["enterprise"], update_fields=UPDATED
            )
        _open_warnings(run, rising, now)
        run.enterprises = len(enterprises)
        run.changed = len(rows)
        run.opened = EarlyWarning.objects.filter(run=run).count()
        run.finished_at = timezone.now()
        run.save(update_fields=["enterprises", "changed", "opened", "finished_at"])
    return run


def _open_warnings(run: RecomputeRun, rising: dict[int, tuple[str, str, int]], now: dt.datetime) -> None:
    ids = sorted(rising)
    already: set[int] = set()
    for chunk in _chunks(ids):
        already.update(
            EarlyWarning.objects.filter(status=WarningStatus.OPEN, enterprise_id__in=chunk).values_list(
                "enterprise_id", flat=True
            )
        )
    # An open warning whose enterprise rose further (橙 → 红) takes the new level and score.
    escalated = [pk for pk in ids if pk in already and rising[pk][0] == WarningLevel.RED]
    score = EnterpriseLevel.objects.filter(enterprise_id=OuterRef("enterprise_id")).values("score")[:1]
    for chunk in _chunks(escalated):
        EarlyWarning.objects.filter(status=WarningStatus.OPEN, enterprise_id__in=chunk).update(
            level=WarningLevel.RED, score=Subquery(score)
        )
    new = [pk for pk in ids if pk not in already]
    if not new:
        return
    cadres = rights_cadres({rising[pk][1] for pk in new})
    scores: dict[int, Decimal] = {}
    for chunk in _chunks(new):
        scores.update(EnterpriseLevel.objects.filter(enterprise_id__in=chunk).values_list("enterprise_id", "score"))
    warnings = [
        EarlyWarning(
            enterprise_id=pk,
            org_id=rising[pk][2],
            level=rising[pk][0],
            score=scores[pk],
            run=run,
            opened_at=now,
            assignee_id=cadres.get(rising[pk][1]),
        )
        for pk in new
    ]
    for chunk in _chunks(warnings):
        # The partial unique index refuses a second open warning; a concurrent run's insert is ignored.
        EarlyWarning.objects.bulk_create(chunk, ignore_conflicts=True)

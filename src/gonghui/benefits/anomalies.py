"""Redemptions a union should look at: one card used at many merchants within minutes (a shared or copied
e-card), and a merchant whose redemptions run far above its peers' (a till recording sales that did not
happen). Read over the union's merchants for a recent window; nothing is blocked, cadres decide.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import deque
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.utils import timezone

from gonghui.benefits.models import Merchant, Redemption
from gonghui.common.masking import mask_text
from gonghui.orgs.scope import scope_for

WINDOW = dt.timedelta(minutes=10)  # "within minutes"
MANY_MERCHANTS = 3  # distinct merchants inside the window
PEER_FACTOR = 3  # a merchant above 3× the median of its peers (same union and category)
PEER_MINIMUM = 20  # …and with at least this many redemptions, so a quiet week flags nobody


@dataclass(frozen=True)
class CardBurst:
    person_id: int
    label: str
    merchants: int
    first_at: dt.datetime
    last_at: dt.datetime


@dataclass(frozen=True)
class BusyMerchant:
    merchant: Merchant
    count: int
    peer_median: float
    discount: Any


def _in_scope(user: Any, since: dt.datetime) -> Any:
    merchants = scope_for(user).filter(Merchant.objects.all()).values("pk")
    return Redemption.objects.filter(merchant__in=merchants, created_at__gte=since)


def card_bursts(user: Any, *, days: int = 30) -> list[CardBurst]:
    """Members whose card was used at MANY_MERCHANTS or more merchants within WINDOW."""
    since = timezone.now() - dt.timedelta(days=days)
    rows = _in_scope(user, since).order_by("person_id", "created_at")
    found: dict[int, CardBurst] = {}
    window: deque[tuple[dt.datetime, int]] = deque()
    current = None
    for person_id, merchant_id, at, name, member_org in rows.values_list(
        "person_id", "merchant_id", "created_at", "person__name", "org__name"
    ).iterator(chunk_size=5_000):
        if person_id != current:
            current, window = person_id, deque()
        window.append((at, merchant_id))
        while window and at - window[0][0] > WINDOW:
            window.popleft()
        distinct = len({m for _t, m in window})
        if distinct >= MANY_MERCHANTS and distinct > getattr(found.get(person_id), "merchants", 0):
            found[person_id] = CardBurst(person_id, f"{mask_text(name)} · {member_org}", distinct, window[0][0], at)
    return sorted(found.values(), key=lambda b: b.last_at, reverse=True)


def busy_merchants(user: Any, *, days: int = 30) -> list[BusyMerchant]:
    """Merchants with more than PEER_FACTOR × the median count of their peers (same union and category)."""
    since = timezone.now() - dt.timedelta(days=days)
    counts = list(
        _in_scope(user, since)
        .values("merchant_id", "merchant__org_id", "merchant__category")
        .annotate(n=Count("pk"), discount=Sum("discount"))
        .order_by()
    )
    groups: dict[tuple[int, str], list[int]] = {}
    for row in counts:
        groups.setdefault((row["merchant__org_id"], row["merchant__category"]), []).append(row["n"])
    flagged = []
    for row in counts:
        peers = groups[(row["merchant__org_id"], row["merchant__category"])]
        if len(peers) < 3:  # too few peers to compare with
            continue
        median = statistics.median(peers)
        if row["n"] >= PEER_MINIMUM and row["n"] > PEER_FACTOR * median:
            flagged.append((row, median))
    shops = Merchant.objects.in_bulk([row["merchant_id"] for row, _m in flagged])
    return [BusyMerchant(shops[row["merchant_id"]], row["n"], m, row["discount"]) for row, m in flagged]

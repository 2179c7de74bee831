"""Shared helpers of the events tests: an event factory (the tree and members are in tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from gonghui.events.choices import EventKind, EventStatus
from gonghui.events.models import Event
from gonghui.orgs.models import OrgNode


def make_event(org: OrgNode, creator: Any, **fields: Any) -> Event:
    start = timezone.now() + dt.timedelta(days=2)
    values: dict[str, Any] = {
        "kind": EventKind.LECTURE,
        "title": "工会大讲堂",
        "address": "职工之家",
        "capacity": 3,
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "status": EventStatus.PUBLISHED,
    }
    values.update(fields)
    return Event.objects.create(org=org, created_by=creator, **values)

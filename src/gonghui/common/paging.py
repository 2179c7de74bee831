"""Keyset paging: a big list never counts every row to draw a page."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def page_after(qs: QuerySet[M], *, after: int | None, size: int = 50) -> tuple[list[M], int | None]:
    """One page of `qs` (ordered newest id first) after the cursor, and the cursor for the next one."""
    if after:
        qs = qs.filter(pk__lt=after)
    rows = list(qs[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].pk if more and rows else None)


def cursor(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None

"""Keyset paging: a big list never counts every row to draw a page."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest

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


def page_context(request: HttpRequest, qs: QuerySet[M], *, size: int = 50) -> dict[str, Any]:
    """What a list template needs for the page the request's ?after= asks for: rows, next_after, and the
    request's other parameters (query) for the next-page link."""
    rows, next_after = page_after(qs, after=cursor(request.GET.get("after")), size=size)
    query = request.GET.copy()
    query.pop("after", None)
    return {"rows": rows, "next_after": next_after, "query": query.urlencode()}

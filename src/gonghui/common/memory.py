"""A short memory in this process: values kept for seconds, so a caller many times a second (a scanner app)
reads the database once, not on every request. Bounded: when full it starts over. Not shared between
processes; whoever changes what is remembered calls `clear` here and accepts the others' few seconds."""

from __future__ import annotations

import time
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ShortMemory(Generic[K, V]):
    def __init__(self, *, limit: int) -> None:
        self._items: dict[K, tuple[float, V]] = {}
        self._limit = limit

    def get(self, key: K, *, max_age: float) -> V | None:
        """The value remembered for `key` if it is younger than `max_age` seconds."""
        hit = self._items.get(key)
        if hit is None or time.monotonic() - hit[0] >= max_age:
            return None
        return hit[1]

    def put(self, key: K, value: V) -> None:
        if len(self._items) >= self._limit:
            self._items.clear()
        self._items[key] = (time.monotonic(), value)

    def clear(self) -> None:
        self._items.clear()

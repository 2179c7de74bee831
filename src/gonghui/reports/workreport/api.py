"""The workreport API (ADR 0019)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["workreport"])

"""The wishes API (微心愿)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["wishes"])

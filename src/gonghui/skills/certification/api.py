"""技能等级认定 over the API."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["certification"])

"""The appointments API (预约服务)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["appointments"])

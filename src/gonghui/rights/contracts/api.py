"""集体合同 over the API."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["contracts"])

"""职代会和厂务公开 over the API."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["democracy"])

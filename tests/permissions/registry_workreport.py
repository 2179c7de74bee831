"""Permission cases of workreport (ADR 0019): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

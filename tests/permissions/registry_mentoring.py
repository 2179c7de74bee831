"""Permission cases of the mentoring app (名师带徒): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

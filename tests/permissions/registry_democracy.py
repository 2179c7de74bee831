"""Permission cases of the democracy app (职代会和厂务公开): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

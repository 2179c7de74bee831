"""Permission cases of the study app (求学圆梦): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

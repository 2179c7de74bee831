"""Permission cases of the earlywarning app (劳动关系预警): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

"""Permission cases of the competitions app (劳动和技能竞赛): every page and API operation (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case

CASES: list[Case] = []

"""Permission cases of the dashboard and the 大屏 (ADR 0019): every page, fragment and export."""

from __future__ import annotations

from tests.permissions.registry import Case

DASHBOARD_CASES: list[Case] = []

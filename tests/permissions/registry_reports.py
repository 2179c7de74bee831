"""Permission cases of reports (ADR 0019): the figures pages and API here, the dashboard and 大屏 in
registry_reports_dashboard.py (see registry.py)."""

from __future__ import annotations

from tests.permissions.registry import Case
from tests.permissions.registry_reports_dashboard import DASHBOARD_CASES

FIGURE_CASES: list[Case] = []

CASES = FIGURE_CASES + DASHBOARD_CASES

"""Permission cases of reports (ADR 0019): the figures page and API here, the dashboard and 大屏 in
registry_reports_dashboard.py (see registry.py).

The figures of union_a are for its staff and its ancestors' (owner, same); a sibling county's staff and everyone
else get 404 (or, anonymous, the sign-in). The catalogue holds definitions and no union's numbers: any staff
account may read it.
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, Case
from tests.permissions.registry_reports_dashboard import DASHBOARD_CASES


def _figures_of_union_a(w: Any) -> dict[str, Any]:
    return {"under": w.union_a.code, "span": "ytd"}


FIGURE_CASES: list[Case] = [
    Case("reports:figures", query=_figures_of_union_a),
    Case("api:reports_figures", query=lambda w: {"org_code": w.union_a.code, "period": w.reports.period}),
    Case(
        "api:reports_figure",
        kwargs=lambda w: {"key": w.reports.figure_key},
        query=lambda w: {"org_code": w.town_a.code, "period": w.reports.period},
    ),
    Case("api:reports_catalogue", allowed=LOGGED_IN),
]

CASES = FIGURE_CASES + DASHBOARD_CASES

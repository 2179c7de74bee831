"""Permission cases of the dashboard and the 大屏 (ADR 0019): every page, fragment and export.

town_a's numbers are for its staff and its ancestors' (owner, same); a sibling county's staff and a staff account
without a role get 404, a worker, a merchant's cashier and a provider 403, the signed-out the sign-in page.
"""

from __future__ import annotations

from tests.permissions.registry import Case

DASHBOARD_CASES: list[Case] = [
    Case("reports:dashboard", query=lambda w: w.dashboard.query),
    Case("reports:dashboard_export", query=lambda w: w.dashboard.query),
    Case("reports:screen", query=lambda w: w.dashboard.screen),
    Case("reports:screen_live", query=lambda w: w.dashboard.screen, headers={"HX-Request": "true"}),
]

"""The permission walk's returns objects (ADR 0019).

大中街道总工会 (town_a) files the monthly 入会 return to 大丰区总工会 (county_a, the owner's union): last month's is
submitted by its own admin ("same"); the month before is still open, for the submit cases. Its children (union_a,
joint_a) file the yearly 基层组织 return, which town_a reads as their federation.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.reports.periods import period_key
from gonghui.reports.returns.return_forms import return_form_get
from gonghui.reports.returns.services import return_submit

MONTHLY = "members-monthly"
YEARLY = "orgs-yearly"


def periods() -> dict[str, str]:
    """Asked for when a case runs: last month (submitted), the month before (open), last year."""
    today = timezone.localdate()
    monthly, yearly = return_form_get(MONTHLY), return_form_get(YEARLY)
    last = monthly.latest_ended(today)
    return {
        "submitted": period_key(last),
        "open": period_key(monthly.previous(last)),
        "year": period_key(yearly.latest_ended(today)),
    }


def build_returns(world: Any) -> SimpleNamespace:
    submitted = return_submit(
        actor=world.users["same"],
        org=world.town_a,
        form_key=MONTHLY,
        period_text=periods()["submitted"],
        remarks="大中街道本月入会统计，已核对。",
    )
    return SimpleNamespace(submitted=submitted)

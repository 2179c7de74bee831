"""Demo work reports: this year's report so far for the unions whose stories the demo tells (阜宁's desk, 商南,
柳市), written from the other apps' demo records by the platform admin. Safe to run twice: a union's report
for the period is made once."""

from __future__ import annotations

from typing import Any

from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_default, period_key
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.services import draft_generate

STORY_UNIONS = ("funing", "shangnan", "liushi")


def load_demo_work_reports(admin: Any) -> int:
    """Returns how many reports were made (0 when they are there already)."""
    period = period_key(period_default())
    made = 0
    for org in OrgNode.objects.filter(code__in=STORY_UNIONS).order_by("path"):
        if not Draft.objects.filter(org=org, period_key=period).exists():
            draft_generate(actor=admin, org=org, period=period)
            made += 1
    return made

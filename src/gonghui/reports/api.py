"""Reports over the API: every registered figure for a union's subtree and a year."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from gonghui.common.api_fields import Text100, Year
from gonghui.orgs import selectors as org_selectors
from gonghui.reports.selectors import figures_for

router = Router(tags=["reports"])


class FigureOut(Schema):
    group: str
    key: str
    label: str
    value: float | None
    unit: str
    url: str
    definition: str


@router.get("/reports/figures", response=list[FigureOut], operation_id="reports_figures")
def reports_figures(request: HttpRequest, org_code: Text100, year: Year | None = None) -> list[dict[str, Any]]:
    """Every registered figure (建功立业, 劳模工匠助企行, …) for a union's subtree and year, with what each
    counts (`definition`) and the list it counts (`url`)."""
    org = org_selectors.org_pick_for(request.user, org_code)
    return [
        {
            "group": group.key,
            "key": f.key,
            "label": str(f.label),
            "value": None if f.value is None else float(f.value),
            "unit": str(f.unit),
            "url": f.url,
            "definition": str(f.definition),
        }
        for group, figures in figures_for(request.user, org, year or timezone.localdate().year)
        for f in figures
    ]

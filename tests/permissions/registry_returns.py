"""Permission cases of returns (ADR 0019): every page and API operation (see registry.py).

town_a's returns: its own admin ("same") and the county above ("owner") read them; only "same" submits them;
only the county (town_a's parent federation) returns one. The sibling county, the outsider, the worker, the
merchant, the provider and the signed-out see nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.permissions.registry import LOGGED_IN, Case
from tests.world_returns import MONTHLY, YEARLY, periods

POST = frozenset({302})
OWN = frozenset({"same"})  # town_a's own staff
PARENT = frozenset({"owner"})  # county_a, the federation town_a files to


def _town(form: str, which: str) -> Callable[[Any], dict[str, Any]]:
    return lambda w: {"code": w.town_a.code, "form": form, "period": periods()[which]}


def _submitted(w: Any) -> dict[str, Any]:
    return {"pk": w.returns.submitted.pk}


CASES = [
    Case("returns:index", allowed=LOGGED_IN, marker=lambda w: w.county_a.name),
    Case("returns:sheet", kwargs=_town(MONTHLY, "submitted")),
    Case("returns:sheet_export", kwargs=_town(MONTHLY, "submitted")),
    Case(
        "returns:submit",
        kwargs=_town(MONTHLY, "open"),
        method="form",
        data=lambda w: {"remarks": ""},
        ok=POST,
        allowed=OWN,
    ),
    Case(
        "returns:save",
        kwargs=_town(MONTHLY, "open"),
        method="form",
        data=lambda w: {"remarks": "待核"},
        ok=POST,
        allowed=OWN,
    ),
    Case(
        "returns:send_back",
        kwargs=_town(MONTHLY, "submitted"),
        method="form",
        data=lambda w: {"reason": "转会人数请核实"},
        ok=POST,
        allowed=PARENT,
    ),
    Case("returns:children", kwargs=_town(YEARLY, "year")),
    Case("returns:children_export", kwargs=_town(YEARLY, "year")),
    Case("api:returns_forms", allowed=LOGGED_IN),  # the forms themselves: no union's data
    Case("api:returns_due", kwargs=lambda w: {"org_code": w.town_a.code}),
    Case(
        "api:returns_compute",
        kwargs=lambda w: {"org_code": w.town_a.code, "form": MONTHLY, "period": periods()["submitted"]},
    ),
    Case(
        "api:returns_submit",
        kwargs=lambda w: {"org_code": w.town_a.code, "form": MONTHLY, "period": periods()["open"]},
        method="post",
        data=lambda w: {"remarks": ""},
        ok=frozenset({201}),
        allowed=OWN,
    ),
    Case(
        "api:returns_children",
        kwargs=lambda w: {"org_code": w.town_a.code, "form": YEARLY, "period": periods()["year"]},
    ),
    Case("api:returns_submission_get", kwargs=_submitted),
    Case(
        "api:returns_send_back",
        kwargs=_submitted,
        method="post",
        data=lambda w: {"reason": "转会人数请核实"},
        allowed=PARENT,
    ),
]

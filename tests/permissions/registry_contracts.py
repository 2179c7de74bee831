"""Permission cases of the contracts app (集体合同): every page and API operation (see registry.py).

Contracts are union work, not case files: the normal scope (Perm.VIEW to read, Perm.ORG_EDIT to write).
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, Case
from tests.world_contracts import TITLE

POST = frozenset({302})
CREATED = frozenset({201})


def _pk(attr: str) -> Any:
    return lambda w: {"pk": getattr(w.contracts, attr).pk}


def _act(attr: str, action: str) -> Any:
    return lambda w: {"pk": getattr(w.contracts, attr).pk, "action": action}


CASES = [
    Case("contracts:list", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("contracts:expiring", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("contracts:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("contracts:detail", kwargs=_pk("published")),
    Case(
        "contracts:act",
        kwargs=_act("negotiating", "meeting"),
        method="form",
        data=lambda w: {"held_on": "2024-05-01", "summary": "第二次协商"},
        ok=POST,
    ),
    Case("contracts:act", kwargs=_act("published", "renew"), method="form", ok=POST),
    Case("contracts:document", kwargs=_pk("document")),
    Case("api:contracts_list", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("api:contracts_get", kwargs=_pk("published")),
    Case(
        "api:contracts_create",
        method="post",
        ok=CREATED,
        data=lambda w: {
            "org_code": w.union_a.code,
            "level": "enterprise",
            "kind": "safety",
            "title": "安全生产专项集体合同",
            "enterprises": [w.enterprise.uscc],
            "offered_on": "2024-05-01",
            "starts_on": "2024-07-01",
            "ends_on": "2027-06-30",
        },
    ),
    Case(
        "api:contracts_terms",
        kwargs=_pk("negotiating"),
        method="post",
        data=lambda w: {"starts_on": "2024-07-01", "ends_on": "2026-06-30", "weekly_hours": "40"},
    ),
    Case(
        "api:contracts_coverage",
        kwargs=_pk("negotiating"),
        method="post",
        ok=frozenset({422}),  # an enterprise contract covers its own enterprise only: the reason, in Chinese
        data=lambda w: {"enterprises": [w.enterprise.uscc]},
    ),
    Case(
        "api:contracts_meeting",
        kwargs=_pk("negotiating"),
        method="post",
        data=lambda w: {"held_on": "2024-05-01", "summary": "第二次协商"},
    ),
    Case(
        "api:contracts_deliberate",
        kwargs=_pk("negotiating"),
        method="post",
        data=lambda w: {"session_id": w.democracy.session.pk},
    ),
    Case(
        "api:contracts_sign",
        kwargs=_pk("negotiating"),
        method="post",
        ok=frozenset({422}),
        data=lambda w: {"on": "2024-06-01"},
    ),
    Case(
        "api:contracts_file",
        kwargs=_pk("published"),
        method="post",
        ok=frozenset({422}),
        data=lambda w: {"on": "2024-06-01"},
    ),
    Case(
        "api:contracts_publish",
        kwargs=_pk("published"),
        method="post",
        ok=frozenset({422}),
        data=lambda w: {"on": "2024-06-01"},
    ),
    Case("api:contracts_renew", kwargs=_pk("published"), method="post", ok=CREATED),
]

"""Permission cases of the democracy app (职代会和厂务公开): every page and API operation (see registry.py).

职代会 records are union work, not case files: the normal scope (Perm.VIEW to read, Perm.ORG_EDIT to write).
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, Case
from tests.world_democracy import DISCLOSED_TITLE, PROPOSAL_TITLE

POST = frozenset({302})
CREATED = frozenset({201})


def _enterprise(w: Any) -> dict[str, Any]:
    return {"pk": w.enterprise.pk}


def _session(w: Any) -> dict[str, Any]:
    return {"pk": w.democracy.session.pk}


CASES = [
    Case("democracy:enterprises", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("democracy:enterprise", kwargs=_enterprise),
    Case(
        "democracy:enterprise_act",
        kwargs=lambda w: {"pk": w.enterprise.pk, "action": "disclosure"},
        method="form",
        data=lambda w: {"topic": "safety", "title": "安全检查结果", "disclosed_on": "2024-06-01", "channel": "board"},
        ok=POST,
    ),
    Case(
        "democracy:representative_act",
        kwargs=lambda w: {"pk": w.democracy.rep.pk, "action": "set"},
        method="form",
        data=lambda w: {"frontline": "on", "industrial": "on"},
        ok=POST,
    ),
    Case("democracy:sessions", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("democracy:session", kwargs=_session),
    Case(
        "democracy:session_act",
        kwargs=lambda w: {"pk": w.democracy.session.pk, "action": "proposal"},
        method="form",
        data=lambda w: {"title": "新提案"},
        ok=POST,
    ),
    Case(
        "democracy:follow_up",
        kwargs=lambda w: {"kind": "proposal", "pk": w.democracy.proposal.pk},
        method="form",
        data=lambda w: {"status": "open", "owner": "行政部"},
        ok=POST,
    ),
    Case("democracy:proposals", allowed=LOGGED_IN, marker=lambda w: PROPOSAL_TITLE),
    Case("democracy:disclosures", allowed=LOGGED_IN, marker=lambda w: DISCLOSED_TITLE),
    Case("api:democracy_enterprises_list", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("api:democracy_shares", kwargs=_enterprise),
    Case(
        "api:democracy_representatives_add",
        kwargs=_enterprise,
        method="post",
        ok=CREATED,
        data=lambda w: {"member": f"M{w.democracy.spare:05d}", "term": 1, "elected_on": "2024-05-01"},
    ),
    Case("api:democracy_sessions_list", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case(
        "api:democracy_sessions_create",
        kwargs=_enterprise,
        method="post",
        ok=CREATED,
        data=lambda w: {"term": 1, "number": 2, "held_on": "2024-06-01", "attended": 3},
    ),
    Case("api:democracy_sessions_get", kwargs=_session),
    Case("api:democracy_proposals_list", allowed=LOGGED_IN, marker=lambda w: PROPOSAL_TITLE),
    Case(
        "api:democracy_proposals_create", kwargs=_session, method="post", ok=CREATED, data=lambda w: {"title": "新提案"}
    ),
    Case(
        "api:democracy_proposals_follow",
        kwargs=lambda w: {"pk": w.democracy.proposal.pk},
        method="post",
        data=lambda w: {"status": "open", "owner": "行政部"},
    ),
    Case(
        "api:democracy_resolutions_create",
        kwargs=_session,
        method="post",
        ok=CREATED,
        data=lambda w: {"subject": "wages", "title": "工资调整方案", "votes_for": 3},
    ),
    Case("api:democracy_disclosures_list", allowed=LOGGED_IN, marker=lambda w: DISCLOSED_TITLE),
    Case(
        "api:democracy_disclosures_create",
        kwargs=_enterprise,
        method="post",
        ok=CREATED,
        data=lambda w: {"topic": "safety", "title": "安全检查", "disclosed_on": "2024-06-01", "channel": "board"},
    ),
]

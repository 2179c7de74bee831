"""Permission cases of the mentoring app (名师带徒): every page and API operation (see registry.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_mentoring import MARKER_MENTOR, PENDING_ID

POST = frozenset({302})
CREATED = frozenset({201})
SIGNIN = "/h5/me/signin/"


def _pair(w: Any) -> dict[str, Any]:
    return {"pk": w.mentoring.pair.pk}


def _today() -> str:
    return timezone.localdate().isoformat()


CASES = [
    Case("mentoring:pairs", allowed=LOGGED_IN, marker=lambda w: MARKER_MENTOR),
    Case("mentoring:pair_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("mentoring:mentors", allowed=LOGGED_IN, marker=lambda w: MARKER_MENTOR),
    Case("mentoring:pair", kwargs=_pair),
    Case(
        "mentoring:act",
        kwargs=lambda w: {"pk": w.mentoring.pair.pk, "action": "milestone"},
        method="form",
        data=lambda w: {"title": "掌握量具使用", "due_on": _today()},
        ok=POST,
    ),
    Case("mentoring_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "mentoring_h5:evaluate",
        kwargs=_pair,
        method="form",
        data=lambda w: {"direction": "of_apprentice", "stage": "midterm", "score": "90"},
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:mentoring_mentors_list", allowed=LOGGED_IN, marker=lambda w: MARKER_MENTOR),
    Case(
        "api:mentoring_mentors_create",
        method="post",
        ok=CREATED,
        data=lambda w: {"org_code": w.union_a.code, "id_number": PENDING_ID, "kind": "craftsman"},
    ),
    Case("api:mentoring_pairs_list", allowed=LOGGED_IN, marker=lambda w: MARKER_MENTOR),
    Case("api:mentoring_pairs_get", kwargs=_pair),
    Case(
        "api:mentoring_pairs_create",
        method="post",
        ok=CREATED,
        data=lambda w: {
            "org_code": w.union_a.code,
            "mentor_id": w.mentoring.marker.pk,
            "apprentice_id_number": "320904198506120014",  # 李在册, an active member of union_a
            "starts_on": _today(),
            "ends_on": (timezone.localdate() + dt.timedelta(days=365)).isoformat(),
            "goals": "掌握电气设备维修",
        },
    ),
    Case(
        "api:mentoring_pairs_close",
        kwargs=_pair,
        method="post",
        data=lambda w: {"completed": True, "closed_on": _today()},
    ),
    Case(
        "api:mentoring_milestones_create",
        kwargs=_pair,
        method="post",
        ok=CREATED,
        data=lambda w: {"title": "熟悉图纸", "due_on": _today()},
    ),
    Case(
        "api:mentoring_milestones_done",
        kwargs=lambda w: {"pk": w.mentoring.milestone.pk},
        method="post",
        data=lambda w: {"done_on": _today()},
    ),
    Case(
        "api:mentoring_evaluations_create",
        kwargs=_pair,
        method="post",
        ok=CREATED,
        data=lambda w: {"direction": "of_mentor", "stage": "midterm", "score": 95},
    ),
]

"""Permission cases of the study app (求学圆梦): every page and API operation (see registry.py)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_study import MARKER_NAME, PROGRAMME_NAME

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _pk(attr: str) -> Any:
    return lambda w: {"pk": getattr(w.study, attr).pk}


def _act(attr: str, action: str) -> Any:
    return lambda w: {"pk": getattr(w.study, attr).pk, "action": action}


def _today() -> str:
    return timezone.localdate().isoformat()


CASES = [
    Case("study:applications", allowed=LOGGED_IN, marker=lambda w: MARKER_NAME),
    Case("study:programmes", allowed=LOGGED_IN, marker=lambda w: PROGRAMME_NAME),
    Case("study:programme_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("study:programme", kwargs=_pk("programme")),
    Case("study:application", kwargs=_pk("waiting")),
    Case("study:file", kwargs=lambda w: {"pk": w.study.entered.pk, "which": "letter"}),
    Case("study:act", kwargs=_act("waiting", "decide"), method="form", data=lambda w: {"decision": "approve"}, ok=POST),
    Case("study_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("study_h5:apply", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("study_h5:withdraw", kwargs=_pk("mine"), method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("api:study_programmes_list", allowed=LOGGED_IN, marker=lambda w: PROGRAMME_NAME),
    Case("api:study_programmes_get", kwargs=_pk("programme")),
    Case(
        "api:study_programmes_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.joint_a.code,
            "year": timezone.localdate().year,
            "name": "联合基层工会求学圆梦",
            "quota": 5,
            "budget": "10000",
            "opens_on": _today(),
            "closes_on": _today(),
            "standards": {"bachelor": "3000"},
        },
    ),
    Case("api:study_applications_list", allowed=LOGGED_IN, marker=lambda w: MARKER_NAME),
    Case("api:study_applications_get", kwargs=_pk("waiting")),
    Case(
        "api:study_applications_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "programme_id": w.study.union_programme.pk,
            "id_number": "320904198506120014",  # 李在册, a member of union_a (tests/world.py)
            "job": "电工",
            "front_line": True,
            "level": "junior_college",
            "mode": "adult_exam",
            "school": "盐城开放大学",
            "major": "电气自动化技术",
            "enrolled_year": timezone.localdate().year,
            "fees": "4800",
        },
    ),
    Case("api:study_applications_decide", kwargs=_pk("waiting"), method="post", data=lambda w: {"approve": True}),
    Case(
        "api:study_subsidy_enter",
        kwargs=_pk("placed"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"amount": "2000", "paid_on": _today()},
    ),
    Case("api:study_subsidy_approve", kwargs=_pk("entered"), method="post"),
]

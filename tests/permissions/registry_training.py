"""Permission cases of the training app (职工培训): every page and API operation (see registry.py).

The open classes and a class's phone page are public views (what a poster says) and need no case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_training import BASE_NAME, CLASS_TITLE, COURSE_TITLE, TRADE

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _klass(w: Any) -> dict[str, Any]:
    return {"pk": w.training.klass.pk}


def _act(action: str) -> Any:
    return lambda w: {"pk": w.training.klass.pk, "action": action}


def _session(w: Any) -> dict[str, Any]:
    start = timezone.now() + dt.timedelta(days=2)
    return {
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=2)).isoformat(),
        "hours": "2",
        "teacher": "王师傅",
        "topic": "电机维修",
    }


def _class(w: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "org_code": w.union_a.code,
        "course_id": w.training.course.pk,
        "base_id": w.training.base.pk,
        "title": "测试第二期",
        "starts_on": str(today),
        "ends_on": str(today + dt.timedelta(days=10)),
        "capacity": 20,
    }


CASES = [
    Case("training:bases", allowed=LOGGED_IN, marker=lambda w: BASE_NAME),
    Case("training:base_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("training:courses", allowed=LOGGED_IN, marker=lambda w: COURSE_TITLE),
    Case("training:course_new", allowed=LOGGED_IN),
    Case("training:classes", allowed=LOGGED_IN, marker=lambda w: CLASS_TITLE),
    Case("training:class_new", allowed=LOGGED_IN),
    Case("training:class_detail", kwargs=_klass),
    Case("training:class_act", kwargs=_act("publish"), method="form", ok=POST),  # published already: told so
    Case("training:stats", allowed=LOGGED_IN, marker=lambda w: TRADE),
    Case("training_h5:enrol", kwargs=_klass, method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("training_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "training_h5:withdraw",
        kwargs=lambda w: {"pk": w.training.enrolment.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:training_bases_list", allowed=LOGGED_IN, marker=lambda w: BASE_NAME),
    Case(
        "api:training_bases_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "kind": "base",
            "name": "测试第二个培训基地",
            "enterprise_uscc": w.enterprise.uscc,
        },
    ),
    Case("api:training_courses_list", allowed=LOGGED_IN, marker=lambda w: COURSE_TITLE),
    Case(
        "api:training_courses_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "title": "测试焊工课程", "hours": "16"},
    ),
    Case("api:training_classes_list", allowed=LOGGED_IN, marker=lambda w: CLASS_TITLE),
    Case("api:training_classes_get", kwargs=_klass),
    Case("api:training_classes_create", method="post", ok=frozenset({201}), data=_class),
    Case("api:training_classes_publish", kwargs=_klass, method="post", ok=frozenset({422})),  # published already
    Case("api:training_sessions_create", kwargs=_klass, method="post", ok=frozenset({201}), data=_session),
    Case("api:training_enrolments_list", kwargs=_klass),
    Case(
        "api:training_enrolments_create",
        kwargs=_klass,
        method="post",
        ok=frozenset({422}),  # 李在册 is enrolled already: told so
        data=lambda w: {"membership_id": w.member.pk},
    ),
    Case("api:training_attendance", kwargs=_klass),
    Case("api:training_certificates_issue", kwargs=_klass, method="post", ok=frozenset({201}), data=lambda w: {}),
]

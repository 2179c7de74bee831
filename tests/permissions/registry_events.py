"""Permission cases of the events app: every page and API operation (see registry.py)."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_events import LECTURE

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _event(attr: str = "lecture") -> Any:
    return lambda w: {"pk": getattr(w.events, attr).pk}


def _scan(w: Any) -> dict[str, Any]:
    return {"scans": [{"nonce": f"walk-{id(w)}", "token": "", "category": "courier"}]}


CASES = [
    Case("events:list", allowed=LOGGED_IN, marker=lambda w: LECTURE),
    Case("events:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("events:detail", kwargs=_event()),
    Case("events:edit", kwargs=_event()),
    Case("events:publish", kwargs=_event(), method="form", ok=POST),  # published already: told so, unchanged
    Case("events:cancel", kwargs=_event(), method="form", data=lambda w: {"reason": ""}, ok=POST),
    Case("events:summary", kwargs=_event(), method="form", data=lambda w: {"summary": "圆满完成"}, ok=POST),
    Case("events:photo_add", kwargs=_event(), method="form", data=lambda w: {}, ok=POST),
    Case("events:door", kwargs=_event()),
    Case("events:attendance_export", kwargs=_event()),
    Case("events:poster", kwargs=_event()),
    Case("events:poster_qr", kwargs=lambda w: {"pk": w.events.lecture.pk, "fmt": "svg"}),
    # Team entry: the town's games are open to unions under town_a; a sibling county sees no such event.
    Case("events:team_events", allowed=LOGGED_IN, marker=lambda w: "羽毛球团体赛"),
    Case("events:team_new", kwargs=_event("games")),
    Case("events:team_withdraw", kwargs=lambda w: {"pk": w.events.team.pk}, method="form", ok=POST),
    # The worker's own sign-ups and 交友 pages.
    Case("events_h5:signup", kwargs=_event("social"), method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("events_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("events_h5:ticket", kwargs=lambda w: {"pk": w.events.signup.pk}, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "events_h5:cancel",
        kwargs=lambda w: {"pk": w.events.signup.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case(
        "events_h5:accept",
        kwargs=lambda w: {"pk": w.events.signup.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("events_h5:social_profile", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("events_h5:peers", kwargs=_event("social"), allowed=MEMBER_ONLY, login_path=SIGNIN),
    # API
    Case("api:events_list", allowed=LOGGED_IN, marker=lambda w: LECTURE),
    Case("api:events_get", kwargs=_event()),
    Case("api:events_publish", kwargs=_event(), method="post", ok=frozenset({422})),  # already published
    Case("api:events_signups_list", kwargs=_event()),
    Case(
        "api:events_signups_create",
        kwargs=_event(),
        method="post",
        data=lambda w: {"membership_id": w.member.pk},
        ok=frozenset({422}),  # 李在册 is signed up already: told so
    ),
    Case("api:events_signups_cancel", kwargs=lambda w: {"pk": w.events.signup.pk}, method="post"),
    Case("api:events_checkins", kwargs=_event(), method="post", data=_scan),
    Case("api:events_checkin_list", kwargs=_event()),
    Case("api:events_attendance", kwargs=_event()),
    Case(
        "api:events_teams_create",
        kwargs=_event("games"),
        method="post",
        ok=frozenset({422}),  # 李在册 plays in the first team already: told so, nothing entered
        data=lambda w: {"org_code": w.union_a.code, "name": "测试基层二队", "member_nos": ["DF-0001"]},
    ),
    Case(
        "api:events_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "kind": "lecture",
            "title": "新的讲座",
            "starts_at": "2030-05-01T09:00:00+08:00",
            "ends_at": "2030-05-01T11:00:00+08:00",
            "capacity": 30,
            "address": "职工之家",
        },
    ),
]

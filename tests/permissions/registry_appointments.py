"""Permission cases of the appointments app (预约服务): every page and API operation (see registry.py)."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, PROVIDER_ONLY, Case
from tests.world_appointments import MEMBER_ID, PROVIDER, free_slot

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _provider(w: Any) -> dict[str, Any]:
    return {"pk": w.appointments.provider.pk}


def _upcoming(w: Any) -> dict[str, Any]:
    return {"pk": w.appointments.upcoming.pk}


def _past(w: Any) -> dict[str, Any]:
    return {"pk": w.appointments.past.pk}


CASES = [
    Case("appointments:providers", allowed=LOGGED_IN, marker=lambda w: PROVIDER),
    Case("appointments:provider_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("appointments:provider", kwargs=_provider),
    Case(
        "appointments:provider_act",
        kwargs=lambda w: {"pk": w.appointments.provider.pk, "action": "rules"},
        method="form",
        data=lambda w: {"day_0": "09:00-12:00"},
        ok=POST,
    ),
    Case("appointments:desk", allowed=LOGGED_IN, marker=lambda w: PROVIDER),
    Case("appointments:counts", allowed=LOGGED_IN, marker=lambda w: w.union_a.name),
    Case("appointments:counts_export", allowed=LOGGED_IN, marker=lambda w: "心理咨询"),
    Case("appointments:settings", allowed=LOGGED_IN, marker=lambda w: "测试节日"),
    Case(
        "appointments:settings_act",
        kwargs=lambda w: {"action": "holiday_delete"},
        method="form",
        data=lambda w: {"holiday": w.appointments.holiday.pk},
        ok=POST,
    ),
    # Only the designated contact (the owner) is alerted; the page lists their own flags.
    Case("appointments:risk_flags", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case(
        "appointments:risk_ack",
        kwargs=lambda w: {"pk": w.appointments.flag.pk},
        method="form",
        ok=POST,
        allowed=frozenset({"owner"}),
    ),
    Case("appointments_h5:services", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("appointments_h5:provider", kwargs=_provider, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "appointments_h5:book",
        kwargs=_provider,
        method="form",
        data=lambda w: {"starts_at": free_slot(w)},
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("appointments_h5:cancel", kwargs=_upcoming, method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("appointments_h5:reschedule", kwargs=_upcoming, allowed=MEMBER_ONLY, login_path=SIGNIN),
    # A worker whose number belongs to no provider gets the Chinese "not registered" page.
    Case("appointments_h5:enter", allowed=MEMBER_ONLY, ok=frozenset({403}), login_path=SIGNIN),
    Case("appointments_h5:calendar", allowed=PROVIDER_ONLY, login_path=SIGNIN),
    Case("appointments_h5:session", kwargs=_past, allowed=PROVIDER_ONLY, login_path=SIGNIN),
    Case(
        "appointments_h5:session_act",
        kwargs=lambda w: {"pk": w.appointments.past.pk, "action": "done"},
        method="form",
        ok=POST,
        allowed=PROVIDER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:appointments_providers_list", allowed=LOGGED_IN, marker=lambda w: PROVIDER),
    Case("api:appointments_availability", kwargs=_provider),
    Case(
        "api:appointments_book",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"provider_id": w.appointments.provider.pk, "starts_at": free_slot(w), "id_number": MEMBER_ID},
    ),
    Case("api:appointments_cancel", kwargs=_upcoming, method="post", data=lambda w: {"reason": "服务人员请假"}),
    Case("api:appointments_my_list", allowed=MEMBER_ONLY),
    Case(
        "api:appointments_my_book",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"provider_id": w.appointments.provider.pk, "starts_at": free_slot(w)},
        allowed=MEMBER_ONLY,
    ),
    Case("api:appointments_my_cancel", kwargs=_upcoming, method="post", allowed=MEMBER_ONLY),
    Case("api:appointments_provider_calendar", allowed=PROVIDER_ONLY),
]

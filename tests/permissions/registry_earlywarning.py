"""Permission cases of the earlywarning app (劳动关系预警): every page and API operation (see registry.py).

Case rows are the rights staff's (Perm.RIGHTS: the World's owner and same are 管理员); everyone else gets
empty lists, 404 outside their scope, 403 inside it without the role."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, Case

POST = frozenset({302})
ADMINS = frozenset({"owner", "same", "sibling"})  # any rights holder may recompute their own subtrees
FIRM = "大丰测试机械有限公司"  # the World's enterprise, in union_a


def _warning(w: Any) -> dict[str, Any]:
    return {"pk": w.earlywarning.warning.pk}


def _checkup(w: Any) -> dict[str, Any]:
    return {"pk": w.earlywarning.checkup.pk}


def _today() -> str:
    return timezone.localdate().isoformat()


CASES = [
    Case("earlywarning:levels", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("earlywarning:recompute", method="post", ok=POST, allowed=ADMINS),
    Case("earlywarning:warnings", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("earlywarning:map", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("earlywarning:warning", kwargs=_warning),
    Case(
        "earlywarning:warning_act",
        kwargs=lambda w: {"pk": w.earlywarning.warning.pk, "action": "act"},
        method="form",
        data=lambda w: {"on": _today(), "note": "回访企业"},
        ok=POST,
    ),
    Case("earlywarning:entries", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("earlywarning:schemes", allowed=LOGGED_IN, marker=lambda w: "测试体检项目"),
    Case(
        "earlywarning:scheme_act",
        kwargs=lambda w: {"pk": w.earlywarning.scheme.pk, "action": "remove"},
        method="form",
        ok=POST,
    ),
    Case("earlywarning:checkups", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("earlywarning:checkup_new", allowed=LOGGED_IN),  # an empty form; the POST checks the enterprise
    Case("earlywarning:checkup", kwargs=_checkup),
    Case("earlywarning:checkup_report", kwargs=_checkup),
    Case(
        "earlywarning:checkup_act",
        kwargs=lambda w: {"pk": w.earlywarning.checkup.pk, "action": "recheck"},
        method="form",
        data=lambda w: {"on": _today(), f"r_{w.earlywarning.item.pk}": "1"},
        ok=POST,
    ),
    Case("earlywarning:rectifications", allowed=LOGGED_IN, marker=lambda w: "补发加班费"),
    Case("api:earlywarning_levels_list", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("api:earlywarning_warnings_list", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("api:earlywarning_warning_get", kwargs=_warning),
    Case(
        "api:earlywarning_warning_act",
        kwargs=_warning,
        method="post",
        data=lambda w: {"on": _today(), "note": "电话回访"},
        ok=frozenset({201}),
    ),
    Case(
        "api:earlywarning_warning_assign",
        kwargs=_warning,
        method="post",
        data=lambda w: {"assignee_id": w.users["owner"].pk},
    ),
    Case("api:earlywarning_warning_close", kwargs=_warning, method="post", data=lambda w: {"note": "已整改"}),
    Case("api:earlywarning_entries_list", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case(
        "api:earlywarning_entry_create",
        method="post",
        data=lambda w: {"uscc": w.enterprise.uscc, "kind": "overtime", "value": "2", "as_of": _today()},
        ok=frozenset({201}),
    ),
    Case("api:earlywarning_checkups_list", allowed=LOGGED_IN, marker=lambda w: FIRM),
    Case("api:earlywarning_checkup_get", kwargs=_checkup),
    Case(
        "api:earlywarning_checkup_create",
        method="post",
        data=lambda w: {"uscc": w.enterprise.uscc, "visited_on": _today(), "team": "测试法律服务团"},
        ok=frozenset({201}),
    ),
]

"""Permission cases of the arrears app (欠薪治理): every page and API operation (see registry.py).

Report rows are for the rights role (管理员 holds it: owner and same); drives and counts for any staff of
the subtree; the sibling county's 管理员 sees its own only, the outsider nothing."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _accepted(w: Any) -> dict[str, Any]:
    return {"pk": w.arrears.accepted.pk}


CASES = [
    Case("arrears:reports", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("arrears:export", allowed=frozenset({"owner", "same", "sibling"})),  # own rows; 403 without the role
    Case("arrears:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("arrears:stats", allowed=LOGGED_IN),  # counts only, of the caller's own subtree
    Case("arrears:drives", allowed=LOGGED_IN, marker=lambda w: "大中街道春节前根治欠薪专项行动"),
    Case("arrears:enterprise", kwargs=lambda w: {"pk": w.enterprise.pk}),
    Case("arrears:detail", kwargs=_accepted),
    Case(
        "arrears:act",
        kwargs=lambda w: {"pk": w.arrears.accepted.pk, "action": "divert"},
        method="form",
        data=lambda w: {"route": "inspection", "note": "移送劳动监察大队"},
        ok=POST,
    ),
    Case("arrears_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("arrears_h5:report", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "arrears_h5:detail",
        kwargs=lambda w: {"pk": w.arrears.reported.pk},
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:arrears_list", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("api:arrears_get", kwargs=_accepted),
    Case(
        "api:arrears_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "enterprise_uscc": w.enterprise.uscc,
            "source": "hotline",
            "amount_owed": "3000",
            "summary": "热线反映：保洁员工资拖欠",
        },
    ),
    Case(
        "api:arrears_transition",
        kwargs=_accepted,
        method="post",
        data=lambda w: {"action": "divert", "route": "enterprise", "note": "督促企业三日内支付"},
    ),
]

"""Permission cases of the mediation app (劳动争议调解): every page and API operation (see registry.py).

Case rows are for the rights role (管理员 holds it: owner and same); the sibling county's 管理员 sees its
own rows only, the outsider none."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"
ENTERPRISE = "大丰测试机械有限公司"


def _open(w: Any) -> dict[str, Any]:
    return {"pk": w.mediation.open.pk}


CASES = [
    Case("mediation:disputes", allowed=LOGGED_IN, marker=lambda w: ENTERPRISE),
    # The export holds only the caller's own case rows; a staff member without the rights role gets 403.
    Case("mediation:export", allowed=frozenset({"owner", "same", "sibling"})),
    Case("mediation:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("mediation:stats", allowed=LOGGED_IN),  # counts only, of the caller's own subtree
    Case("mediation:panels", allowed=LOGGED_IN, marker=lambda w: "大中街道劳动争议调解委员会"),
    Case(
        "mediation:panel_act",
        kwargs=lambda w: {"action": "member"},
        method="form",
        data=lambda w: {"panel": w.mediation.panel.pk, "name": "新调解员", "body": "lawyer"},
        ok=POST,
    ),
    Case("mediation:detail", kwargs=_open),
    Case("mediation:document", kwargs=lambda w: {"pk": w.mediation.agreed.pk, "fmt": "docx"}),
    Case(
        "mediation:act",
        kwargs=lambda w: {"pk": w.mediation.open.pk, "action": "session"},
        method="form",
        data=lambda w: {"held_on": "2025-01-02", "minutes": "第二次调解"},
        ok=POST,
    ),
    Case("mediation_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("mediation_h5:apply", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("mediation_h5:case", kwargs=_open, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "mediation_h5:withdraw",
        kwargs=lambda w: {"pk": w.mediation.applied.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:mediation_list", allowed=LOGGED_IN, marker=lambda w: ENTERPRISE),
    Case("api:mediation_get", kwargs=_open),
    Case(
        "api:mediation_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "enterprise_uscc": w.enterprise.uscc,
            "source": "court",
            "summary": "法院诉前委派：工伤待遇",
            "workers": [{"name": "赵工伤", "id_number": "320904198801010010"}],
            "claims": [{"kind": "injury", "amount": "30000"}],
        },
    ),
    Case(
        "api:mediation_transition",
        kwargs=_open,
        method="post",
        data=lambda w: {"action": "withdraw", "reason": "已和解"},
    ),
]

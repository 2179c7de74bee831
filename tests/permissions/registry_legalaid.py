"""Permission cases of the legalaid app (法律援助): every page and API operation (see registry.py).

Case rows are for the rights role of a union the case involves: the owner and same personas (管理员 above
union_a) see union_a's cases; the sibling persona (建湖) sees only the cross-region case union_b helps with.
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, PROVIDER_ONLY, Case
from tests.world_appointments import MEMBER_ID

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"
BOTH_UNIONS = frozenset({"owner", "same", "sibling"})


def _pk(attr: str) -> Any:
    return lambda w: {"pk": getattr(w.legalaid, attr).pk}


def _act(attr: str, action: str) -> Any:
    return lambda w: {"pk": getattr(w.legalaid, attr).pk, "action": action}


CASES = [
    Case("legalaid:cases", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("legalaid:case_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    # Each exports the rows of their own rights scope; a staff account without the role is refused.
    Case("legalaid:cases_export", method="form", data=lambda w: {"q": ""}, ok=POST, allowed=BOTH_UNIONS),
    # The cross-region case: both the worker's union's and the helping union's rights staff read it.
    Case("legalaid:case", kwargs=_pk("cross"), allowed=BOTH_UNIONS),
    Case("legalaid:case_act", kwargs=_act("applied", "accept"), method="form", ok=POST),
    Case("legalaid:consultations", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("legalaid:consultation_new", allowed=LOGGED_IN),
    Case("legalaid:consultation", kwargs=_pk("asked")),
    Case(
        "legalaid:consultation_act",
        kwargs=_act("walk_in", "answer"),
        method="form",
        data=lambda w: {"answer": "试用期内无故辞退可主张赔偿。", "follow_up": "none"},
        ok=POST,
    ),
    Case("legalaid_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("legalaid_h5:ask", allowed=MEMBER_ONLY, login_path=SIGNIN),
    # A worker whose number belongs to no lawyer gets the Chinese "not registered" page.
    Case("legalaid_h5:lawyer_enter", allowed=MEMBER_ONLY, ok=frozenset({403}), login_path=SIGNIN),
    Case("legalaid_h5:lawyer_list", allowed=PROVIDER_ONLY, login_path=SIGNIN),
    Case("legalaid_h5:lawyer_case", kwargs=_pk("acting"), allowed=PROVIDER_ONLY, login_path=SIGNIN),
    Case(
        "legalaid_h5:lawyer_act",
        kwargs=_act("acting", "step"),
        method="form",
        data=lambda w: {"kind": "drafting", "note": "代写仲裁申请书"},
        ok=POST,
        allowed=PROVIDER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:legalaid_consultations_list", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("api:legalaid_consultations_get", kwargs=_pk("asked")),
    Case(
        "api:legalaid_consultations_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "channel": "hotline",
            "topic": "wages",
            "question": "加班费怎么算？",
            "name": "电话咨询人",
        },
    ),
    Case("api:legalaid_cases_list", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("api:legalaid_cases_get", kwargs=_pk("acting")),
    Case(
        "api:legalaid_cases_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "id_number": MEMBER_ID, "topic": "contract", "summary": "未签合同"},
    ),
    Case(
        "api:legalaid_cases_transition",
        kwargs=_pk("applied"),
        method="post",
        data=lambda w: {"action": "accept"},
    ),
]

"""Permission cases of the wishes app (微心愿): every page and API operation (see registry.py).

The wall and a wish's public page are public views (approved wishes' public text only) and need no case.
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_wishes import PENDING_TITLE

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _pk(attr: str) -> Any:
    return lambda w: {"pk": getattr(w.wishes, attr).pk}


CASES = [
    Case("wishes:list", allowed=LOGGED_IN, marker=lambda w: PENDING_TITLE),
    Case("wishes:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("wishes:caps", allowed=LOGGED_IN, marker=lambda w: w.town_a.name),
    Case("wishes:detail", kwargs=_pk("pending")),
    Case(
        "wishes:act",
        kwargs=lambda w: {"pk": w.wishes.pending.pk, "action": "vet"},
        method="form",
        data=lambda w: {"decision": "approve"},
        ok=POST,
    ),
    Case("wishes:fulfil", kwargs=_pk("member_claim"), method="form", data=lambda w: {"note": "已送到"}, ok=POST),
    Case("wishes:photo", kwargs=_pk("delivered")),
    Case("wishes_h5:mine", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("wishes_h5:new", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("wishes_h5:claim", kwargs=_pk("open"), method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "wishes_h5:wish_act",
        kwargs=lambda w: {"pk": w.wishes.mine.pk, "action": "confirm"},
        method="form",
        data=lambda w: {"thanks": "谢谢"},
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("wishes_h5:photo", kwargs=_pk("delivered"), allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "wishes_h5:claim_act",
        kwargs=lambda w: {"pk": w.wishes.member_claim.pk, "action": "fulfil"},
        method="form",
        data=lambda w: {"note": "已送到工会"},
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:wishes_list", allowed=LOGGED_IN, marker=lambda w: PENDING_TITLE),
    Case("api:wishes_get", kwargs=_pk("pending")),
    Case(
        "api:wishes_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "title": "一个书包", "text": "孩子想要书包", "value": "100"},
    ),
    Case("api:wishes_vet", kwargs=_pk("pending"), method="post", data=lambda w: {"approve": True}),
    Case("api:wishes_claim", kwargs=_pk("open"), method="post", ok=frozenset({201}), data=lambda w: {"kind": "cadre"}),
    Case("api:wishes_fulfil", kwargs=_pk("member_claim"), method="post", data=lambda w: {"note": "已送到"}),
]

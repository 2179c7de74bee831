"""Permission cases of the competitions app (劳动和技能竞赛): every page and API operation (see registry.py).

The results notice (public, names masked) needs no case. The judge's phone pages are the member persona's
(李在册, seated as a judge of the World's 初赛): his stage's entries only, nobody else's stages.
"""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_competitions import TITLE

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _c(attr: str) -> Any:
    return lambda w: {"pk": getattr(w.competitions, attr).pk}


def _marks(w: Any) -> dict[str, str]:
    theory, practice = w.competitions.items
    return {f"item_{theory.pk}": "30", f"item_{practice.pk}": "50"}


CASES = [
    Case("competitions:list", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("competitions:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("competitions:figures", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("competitions:detail", kwargs=_c("competition")),
    Case("competitions:entries", kwargs=_c("competition")),
    Case(
        "competitions:act", kwargs=lambda w: {"pk": w.competitions.open.pk, "action": "start"}, method="form", ok=POST
    ),
    Case("competitions:entry_withdraw", kwargs=_c("open_entry"), method="form", ok=POST),
    Case("competitions:stage", kwargs=_c("stage")),
    Case("competitions:ranking", kwargs=_c("stage")),
    Case(
        "competitions:stage_act",
        kwargs=lambda w: {"pk": w.competitions.stage.pk, "action": "score"},
        method="form",
        data=lambda w: {"judge": w.competitions.judge.pk, "number": w.competitions.other_entry.number, **_marks(w)},
        ok=POST,
    ),
    Case("competitions_h5:judge_home", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("competitions_h5:judge_stage", kwargs=_c("stage"), allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "competitions_h5:judge_score",
        kwargs=lambda w: {"pk": w.competitions.stage.pk, "entry_pk": w.competitions.other_entry.pk},
        method="form",
        data=_marks,
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:competitions_list", allowed=LOGGED_IN, marker=lambda w: TITLE),
    Case("api:competitions_get", kwargs=_c("competition")),
    Case(
        "api:competitions_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "title": "新的岗位练兵",
            "kind": "drill",
            "starts_at": "2030-05-01T09:00:00",
            "ends_at": "2030-05-01T17:00:00",
            "venue": "车间",
        },
    ),
    Case("api:competitions_entries_list", kwargs=_c("competition")),
    Case(
        "api:competitions_entries_create",
        kwargs=_c("open"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "member_nos": [w.competitions.spare.member_no]},
    ),
    Case(
        "api:competitions_scores_enter",
        kwargs=_c("stage"),
        method="post",
        data=lambda w: {
            "judge_id": w.competitions.judge.pk,
            "entry_number": w.competitions.other_entry.number,
            "marks": {str(i.pk): 30 for i in w.competitions.items},
        },
    ),
    Case("api:competitions_ranking", kwargs=_c("stage")),
    Case("api:competitions_publish", kwargs=_c("competition"), method="post", ok=frozenset({422})),
]

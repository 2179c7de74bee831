"""Permission cases of workreport (ADR 0019): every page and API operation (see registry.py). Reading and
downloading a union's report needs a role on it; writing one (generate, edit, revert) Perm.ORG_EDIT there."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, Case
from tests.world_workreport import MARKER

POST = frozenset({302})


def _pk(w: Any) -> dict[str, Any]:
    return {"pk": w.workreport.draft.pk}


def _paragraph(w: Any) -> dict[str, Any]:
    return {"pk": w.workreport.draft.pk, "pid": "desk"}


def _generate(w: Any) -> dict[str, Any]:
    return {"org": w.union_a.code, "period": w.workreport.draft.period_key}


CASES = [
    Case("workreport:list", allowed=LOGGED_IN, marker=lambda w: MARKER),
    # Posted by someone without the union in scope, the form comes back with the refusal (and no report).
    Case("workreport:generate", method="form", data=_generate, ok=POST, marker=lambda w: MARKER),
    Case("workreport:draft", kwargs=_pk),
    Case("workreport:edit", kwargs=_paragraph),
    Case("workreport:regenerate", kwargs=_pk, method="form", data=lambda w: {}, ok=POST),
    Case("workreport:download", kwargs=lambda w: {**_pk(w), "fmt": "docx"}),
    Case("api:workreport_list", allowed=LOGGED_IN, marker=lambda w: MARKER),
    Case(
        "api:workreport_generate",
        method="post",
        data=lambda w: {"org_code": w.union_a.code, "period": w.workreport.draft.period_key},
    ),
    Case("api:workreport_get", kwargs=_pk),
    Case("api:workreport_edit", kwargs=_paragraph, method="put", data=lambda w: {"text": "测试修改的段落。"}),
    Case("api:workreport_revert", kwargs=_paragraph, method="delete"),
    Case("api:workreport_export", kwargs=_pk),
]

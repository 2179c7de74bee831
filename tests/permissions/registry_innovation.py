"""Permission cases of the 建功立业 module and the help desk (innovation, experts)."""

from __future__ import annotations

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, Case
from tests.world import ALLOWED

PROJECT = "测试五小换刀装置"


def _pk(attr: str):  # type: ignore[no-untyped-def]
    return lambda w: {"pk": getattr(w, attr).pk}


def _under(w):  # type: ignore[no-untyped-def]
    return {"under": w.union_a.code}


POST = frozenset({302})

WEB_CASES = [
    Case("innovation:calls", allowed=LOGGED_IN, marker=lambda w: "大中街道五小测试批次"),
    Case("innovation:call_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("innovation:call", kwargs=_pk("call")),
    Case("innovation:close_level", kwargs=lambda w: {"pk": w.call.pk, "org_id": w.town_a.pk}, method="form", ok=POST),
    Case("innovation:announce", kwargs=_pk("call"), method="form", ok=POST),
    Case("innovation:confirm_awards", kwargs=_pk("call"), method="form", ok=POST),
    Case("innovation:projects", allowed=LOGGED_IN, marker=lambda w: PROJECT),
    Case("innovation:project_new", allowed=LOGGED_IN),
    Case("innovation:project", kwargs=_pk("project")),
    Case("innovation:attachment", kwargs=_pk("attachment")),
    Case("innovation:queue", allowed=LOGGED_IN, marker=lambda w: PROJECT),
    Case(
        "innovation:stage_decide", kwargs=_pk("stage"), method="form", data=lambda w: {"decision": "recommend"}, ok=POST
    ),
    Case("innovation:scorecard", kwargs=_pk("stage"), method="form", data=lambda w: {}, ok=POST),
    Case(
        "innovation:resolve_objection",
        kwargs=_pk("objection"),
        method="form",
        data=lambda w: {"resolution": "不成立"},
        ok=POST,
    ),
    Case("innovation:proposals", allowed=LOGGED_IN, marker=lambda w: "测试合理化建议"),
    Case("innovation:proposal_new", allowed=LOGGED_IN),
    Case("innovation:proposal", kwargs=_pk("proposal")),
    Case("innovation:proposal_act", kwargs=_pk("proposal"), method="form", data=lambda w: {"action": "route"}, ok=POST),
    Case("innovation:studios", allowed=LOGGED_IN, marker=lambda w: "测试劳模创新工作室"),
    Case("innovation:studio_new", allowed=LOGGED_IN),
    Case("innovation:studio", kwargs=_pk("studio")),
    Case(
        "innovation:studio_act",
        kwargs=lambda w: {"pk": w.studio.pk, "action": "rate"},
        method="form",
        data=lambda w: {"year": timezone.localdate().year, "assessment": "80"},
        ok=POST,
    ),
    Case("innovation:rounds", allowed=LOGGED_IN, marker=lambda w: "测试金牌员工评选"),
    Case("innovation:round_new", allowed=LOGGED_IN),
    Case("innovation:round", kwargs=_pk("selection")),
    Case(
        "innovation:round_act",
        kwargs=lambda w: {"pk": w.selection.pk, "action": "select"},
        method="form",
        data=lambda w: {"nomination": w.nomination.pk},
        ok=POST,
    ),
    Case("innovation:honors", query=_under, allowed=ALLOWED),
    Case("innovation:figures", query=_under, allowed=ALLOWED),
    Case("experts:pool", allowed=LOGGED_IN, marker=lambda w: "数控"),
    Case("experts:expert_new", allowed=LOGGED_IN),
    Case("experts:needs", allowed=LOGGED_IN, marker=lambda w: "测试企业需求流量计"),
    Case("experts:need_new", allowed=LOGGED_IN),
    Case("experts:need", kwargs=_pk("need")),
    Case(
        "experts:need_act",
        kwargs=lambda w: {"pk": w.need.pk, "action": "dispatch"},
        method="form",
        data=lambda w: {"expert": w.expert.pk},
        ok=POST,
    ),
    Case("experts:dispatch_act", kwargs=lambda w: {"pk": w.dispatch.pk, "action": "complete"}, method="form", ok=POST),
]

API_CASES: list[Case] = []

"""Permission cases of the 建功立业 module and the help desk (innovation, experts)."""

from __future__ import annotations

from django.utils import timezone

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case

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
    Case(
        "innovation:set_quota",
        kwargs=_pk("call"),
        method="form",
        data=lambda w: {"org": w.union_a.code, "quota": "2"},
        ok=POST,
    ),
    Case("innovation:confirm_awards", kwargs=_pk("call"), method="form", ok=POST),
    Case(
        "innovation:panel_seat_add",
        kwargs=_pk("call"),
        method="form",
        data=lambda w: {"org": w.town_a.code, "username": "helper", "enterprise_uscc": ""},
        ok=POST,
    ),
    Case("innovation:panel_seat_remove", kwargs=_pk("panel_seat"), method="form", ok=POST),
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
    Case("innovation:star_rule", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
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
    # Narrowed to union_a (a figure's drill-down): those who cannot see union_a are refused (404), not widened.
    Case("innovation:honors", query=_under, marker=lambda w: w.union_a.name),
    Case("experts:pool", allowed=LOGGED_IN, marker=lambda w: "数控"),
    Case("experts:expert_new", allowed=LOGGED_IN),
    Case("experts:invitation_withdraw", kwargs=_pk("invitation"), method="form", ok=POST),
    Case("desk:invitation", kwargs=_pk("invitation"), allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
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

NOT_NOW = frozenset({422})  # allowed in, but the World's state refuses it with a clear reason (tested elsewhere)


def _project_in(w):  # type: ignore[no-untyped-def]
    return {
        "org_code": w.union_a.code,
        "call_id": w.call.pk,
        "category": "design",
        "title": "接口申报的五小项目",
        "problem": "包装线换型要停机半小时以上",
        "solution": "设计快换模具和定位块，换型不停机",
        "team": ["赵小明"],
        "enterprise_id": w.enterprise.pk,
        "pledge": True,
    }


API_CASES = [
    Case("api:innovation_calls_list", allowed=LOGGED_IN, marker=lambda w: "大中街道五小测试批次"),
    Case("api:innovation_projects_list", allowed=LOGGED_IN, marker=lambda w: PROJECT),
    Case(
        "api:innovation_calls_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.town_a.code,
            "title": "接口发起的五小批次",
            "year": timezone.localdate().year,
            "opens_on": str(timezone.localdate()),
            "closes_on": str(timezone.localdate()),
            "criteria": "创新性 60\n效益 40",
        },
    ),
    Case(
        "api:innovation_call_quota",
        kwargs=_pk("call"),
        method="post",
        data=lambda w: {"org_code": w.union_a.code, "quota": 3},
    ),
    Case("api:innovation_panels_list", kwargs=_pk("call")),
    Case(
        "api:innovation_panel_seat",
        kwargs=_pk("call"),
        method="post",
        data=lambda w: {"org_code": w.town_a.code, "username": "helper"},
        ok=frozenset({422}),  # a town federation does not score: refused, but only after the scope let it in
    ),
    Case("api:innovation_panel_unseat", kwargs=_pk("panel_seat"), method="delete", ok=frozenset({204})),
    Case("api:innovation_projects_get", kwargs=_pk("project")),
    Case("api:innovation_projects_create", method="post", data=_project_in, ok=frozenset({201})),
    Case("api:innovation_stages_list", kwargs=_pk("project")),
    Case("api:innovation_similar", kwargs=_pk("project")),
    Case("api:innovation_stage_recommend", kwargs=_pk("stage"), method="post", data=lambda w: {"recommend": True}),
    # Only panel reviewers score, and nobody in the World sits on a panel: staff get 403, others 404.
    Case(
        "api:innovation_scorecard",
        kwargs=_pk("stage"),
        method="post",
        data=lambda w: {"points": {}},
        allowed=frozenset(),
    ),
    Case(
        "api:innovation_level_close",
        kwargs=lambda w: {"pk": w.call.pk, "code": w.town_a.code},
        method="post",
        ok=NOT_NOW,
    ),
    Case("api:innovation_announce", kwargs=_pk("call"), method="post", ok=NOT_NOW),
    Case("api:innovation_awards", kwargs=_pk("call"), method="post", ok=NOT_NOW),
    Case(
        "api:innovation_objection_resolve",
        kwargs=_pk("objection"),
        method="post",
        data=lambda w: {"upheld": False, "resolution": "经核实，异议不成立"},
    ),
    Case("api:innovation_proposals_list", allowed=LOGGED_IN, marker=lambda w: "测试合理化建议"),
    Case(
        "api:innovation_proposals_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "enterprise_id": w.enterprise.pk,
            "proposer_name": "钱建议",
            "title": "叉车充电错峰",
            "content": "叉车集中在白天充电，电费高，建议改为夜间谷电充电。",
        },
    ),
    Case("api:innovation_proposals_act", kwargs=_pk("proposal"), method="post", data=lambda w: {"action": "route"}),
    Case("api:innovation_studios_list", allowed=LOGGED_IN, marker=lambda w: "测试劳模创新工作室"),
    Case(
        "api:innovation_studios_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "name": "接口登记的工匠工作室",
            "kind": "craftsman",
            "level": "county",
            "leader_id_number": "320904198506120014",
            "field": "焊接",
        },
    ),
    Case(
        "api:innovation_achievements_add",
        kwargs=_pk("studio"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"kind": "patent", "title": "实用新型专利", "achieved_on": str(timezone.localdate())},
    ),
    Case(
        "api:innovation_studios_rate",
        kwargs=_pk("studio"),
        method="post",
        data=lambda w: {"year": timezone.localdate().year, "assessment": "80"},
    ),
    Case(
        "api:innovation_star_rule",
        method="post",
        data=lambda w: {
            "org_code": w.union_a.code,
            "year": timezone.localdate().year,
            "points": {"patent": "10", "problem": "5"},
            "thresholds": ["50", "60", "70", "80", "90"],
        },
    ),
    Case("api:innovation_rounds_list", allowed=LOGGED_IN, marker=lambda w: "测试金牌员工评选"),
    Case("api:innovation_nominations_list", kwargs=_pk("selection")),
    Case(
        "api:innovation_nominate",
        kwargs=_pk("selection"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"nominated_by": w.union_a.code, "kind": "person", "id_number": "11010519491231002X"},
    ),
    Case("api:innovation_decide", kwargs=_pk("nomination"), method="post", data=lambda w: {"select": True}),
    Case("api:innovation_round_notice", kwargs=_pk("selection"), method="post"),
    Case("api:innovation_round_publish", kwargs=_pk("selection"), method="post", ok=NOT_NOW),  # not on notice yet
    Case("api:experts_list", allowed=LOGGED_IN, marker=lambda w: "数控"),
    Case(
        "api:experts_enrol",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.town_a.code,
            "id_number": "11010519491231002X",
            "name": "王待审",
            "kind": "model_worker",
            "specialties": ["焊接"],
            "region_code": "320904",
        },
    ),
    Case("api:experts_invitations_list", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("api:experts_invitations_withdraw", kwargs=_pk("invitation"), method="post", ok=frozenset({204})),
    Case("api:experts_needs_list", allowed=LOGGED_IN, marker=lambda w: "测试企业需求流量计"),
    Case("api:experts_needs_get", kwargs=_pk("need")),
    Case(
        "api:experts_needs_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "enterprise_id": w.enterprise.pk,
            "category": "training",
            "title": "焊工培训",
            "problem": "新招焊工不会氩弧焊，需要劳模带教",
            "contact_name": "王经理",
            "contact_phone": "13912345678",
        },
    ),
    Case("api:experts_needs_recommendations", kwargs=_pk("need")),
    # The World's expert is already on the need: the desk refuses a second dispatch of the same expert.
    Case(
        "api:experts_dispatch", kwargs=_pk("need"), method="post", data=lambda w: {"expert_id": w.expert.pk}, ok=NOT_NOW
    ),
    Case(
        "api:experts_record",
        kwargs=_pk("dispatch"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "served_on": str(timezone.localdate()),
            "hours": "3",
            "diagnosis": "接地不良",
            "solution": "重做接地",
            "workers_trained": 5,
        },
    ),
    Case("api:experts_complete", kwargs=_pk("dispatch"), method="post", ok=NOT_NOW),  # no service record yet
    Case("api:experts_needs_close", kwargs=_pk("need"), method="post", data=lambda w: {"reason": "企业停产"}),
    # The World's need is still being served: the scope lets the cadre in, the service says it is too early.
    Case(
        "api:experts_needs_confirm",
        kwargs=_pk("need"),
        method="post",
        data=lambda w: {"resolved": True, "rating": 5, "evidence": "电话回访"},
        ok=frozenset({422}),
    ),
]

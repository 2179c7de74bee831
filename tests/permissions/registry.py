"""Every staff view and API operation, with how to call it against the shared World.

A new view or API operation must be added here, or the permission walk fails.
`allowed` personas must succeed; everyone else must get 403/404 (or, for list
pages, a 200 that does not contain the `marker` text of the target subtree).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.orgs.demo import demo_uscc
from tests.world import ALLOWED, SECRET, World

LOGGED_IN = frozenset({"owner", "same", "sibling", "outsider"})
PUBLIC_AND_STAFF = LOGGED_IN | {"anonymous", "member", "merchant", "provider"}
MEMBER_ONLY = frozenset({"member"})  # the signed-in worker's own pages (我的)
MERCHANT_ONLY = frozenset({"merchant"})  # a 特惠商户 cashier's own desk
PROVIDER_ONLY = frozenset({"provider"})  # a counsellor's or lawyer's own calendar


@dataclass(frozen=True)
class Case:
    name: str  # URL name ("orgs:detail") or API operation id ("api:orgs_get")
    kwargs: Callable[[World], dict[str, Any]] = lambda w: {}
    method: str = "get"
    data: Callable[[World], dict[str, Any]] | None = None
    query: Callable[[World], dict[str, Any]] | None = None
    allowed: frozenset[str] = ALLOWED
    ok: frozenset[int] = frozenset({200})
    marker: Callable[[World], str] | None = None  # for list pages: what outsiders must not see
    headers: dict[str, str] = field(default_factory=dict)
    login_path: str = "/accounts/login/"  # where the signed-out are sent (the portal's sign-in for 我的)

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")


def org(attr: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"code": getattr(w, attr).code}


def enterprise_fields(w: World) -> dict[str, Any]:
    return {
        "name": "新登记的测试企业",
        "uscc": demo_uscc("91", "320904", "新登记的测试企业"),
        "industry": "C",
        "ownership": "private",
        "employee_count": 10,
        "region_code": "320904",
    }


HX = {"HX-Request": "true"}

WEB_CASES = [
    Case("workbench:home", allowed=LOGGED_IN, marker=lambda w: w.union_a.name),
    Case("workbench:jobs", allowed=LOGGED_IN, marker=lambda w: w.union_a.name),
    Case("workbench:job", kwargs=lambda w: {"pk": w.job.pk}),
    Case("workbench:job_download", kwargs=lambda w: {"pk": w.job.pk}),
    # Only the job's starter retries it; the World's job succeeded, so the owner is told it cannot be.
    Case(
        "workbench:job_retry",
        kwargs=lambda w: {"pk": w.job.pk},
        method="form",
        ok=frozenset({302}),
        allowed=frozenset({"owner"}),
    ),
    Case("workbench:audit", allowed=LOGGED_IN, marker=lambda w: SECRET),
    Case("orgs:tree", allowed=LOGGED_IN, query=lambda w: {"q": "测试基层"}, marker=lambda w: w.union_a.name),
    Case("orgs:detail", kwargs=org("union_a")),
    Case("orgs:children", kwargs=org("town_a")),
    Case("orgs:create_child", kwargs=org("town_a")),
    Case("orgs:edit", kwargs=org("union_a")),
    Case("orgs:move", kwargs=org("union_a")),
    Case("orgs:export", kwargs=org("union_a"), method="post", ok=frozenset({302})),
    Case("orgs:term_create", kwargs=org("union_a")),
    Case("orgs:roles", kwargs=org("union_a")),
    Case(
        "orgs:role_revoke",
        kwargs=lambda w: {"code": w.union_a.code, "pk": w.staff_role.pk},
        method="post",
        ok=frozenset({302}),
    ),
    Case(
        "orgs:pick",
        allowed=LOGGED_IN,
        query=lambda w: {"field": "org", "org": "测试基层"},
        marker=lambda w: w.union_a.code,
    ),
    Case("orgs:staff_list", allowed=LOGGED_IN, marker=lambda w: "helper"),
    Case("orgs:staff_add", allowed=frozenset({"owner", "same", "sibling"})),
    Case("orgs:staff_detail", kwargs=lambda w: {"pk": w.users["worker"].pk}),
    Case(
        "orgs:staff_role_remove",
        kwargs=lambda w: {"pk": w.users["worker"].pk, "role_pk": w.staff_role.pk},
        method="post",
        ok=frozenset({302}),
    ),
    Case("orgs:staff_reset", kwargs=lambda w: {"pk": w.users["worker"].pk}, method="post"),
    Case(
        "orgs:staff_set_active",
        kwargs=lambda w: {"pk": w.users["worker"].pk},
        method="form",
        data=lambda w: {"active": "0"},
        ok=frozenset({302}),
    ),
    Case("orgs:enterprise_add", kwargs=org("union_a")),
    Case("orgs:enterprises", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("orgs:enterprise_detail", kwargs=lambda w: {"pk": w.enterprise.pk}),
    Case("orgs:enterprise_edit", kwargs=lambda w: {"pk": w.enterprise.pk}),
    Case("orgs:enterprise_reveal_phone", kwargs=lambda w: {"pk": w.enterprise.pk}, method="post"),
    Case("members:list", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case("members:pending", allowed=LOGGED_IN, marker=lambda w: "王待审"),
    Case(
        "members:decide",
        method="form",
        data=lambda w: {"ids": [w.pending.pk], "decision": "approve"},
        ok=frozenset({302}),
    ),
    Case(
        "members:export",
        method="form",
        data=lambda w: {"q": ""},
        ok=frozenset({302}),
        allowed=frozenset({"owner", "same", "sibling"}),
    ),
    Case(
        "members:transfer_decide",
        kwargs=lambda w: {"pk": w.transfer.pk},
        method="form",
        data=lambda w: {"decision": "approve"},
        ok=frozenset({302}),
    ),
    Case("members:detail", kwargs=lambda w: {"pk": w.member.pk}),
    Case("members:edit", kwargs=lambda w: {"pk": w.member.pk}),
    Case("members:reveal", kwargs=lambda w: {"pk": w.member.pk, "field": "mobile"}, method="post"),
    Case(
        "members:end",
        kwargs=lambda w: {"pk": w.member.pk},
        method="form",
        data=lambda w: {"reason": "离职"},
        ok=frozenset({302}),
    ),
    Case("members:changes", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case(
        "members:change_decide",
        kwargs=lambda w: {"pk": w.change.pk},
        method="form",
        data=lambda w: {"decision": "reject", "reason": "核实不是本人"},
        ok=frozenset({302}),
    ),
    Case("members:card_scanner", allowed=LOGGED_IN),  # a token verifies whoever scans it: membership only
    Case("portal:me", allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("portal:card", allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("portal:requests", allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("portal:notice", kwargs=lambda w: {"pk": w.notice.pk}, allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    # The worker's own applications and an enterprise contact's desk: sign-in first, then their own only.
    Case("aid:apply", kwargs=org("union_a"), allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("innovation_h5:submit", kwargs=org("union_a"), allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("desk:post", kwargs=org("county_a"), allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("desk:mine", allowed=MEMBER_ONLY, login_path="/h5/me/signin/"),
    Case("members:notices", allowed=LOGGED_IN, marker=lambda w: "测试工会通知"),
    Case("members:notice_withdraw", kwargs=lambda w: {"pk": w.notice.pk}, method="form", ok=frozenset({302})),
    Case("members:import", allowed=LOGGED_IN),  # the upload form; the POST checks the chosen union
    Case("members:import_commit", kwargs=lambda w: {"pk": w.import_job.pk}, method="form", ok=frozenset({302})),
    Case("members:join_targets", allowed=LOGGED_IN, marker=lambda w: w.join_target.name),
    Case("members:join_target_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("members:join_target", kwargs=lambda w: {"pk": w.join_target.pk}),
    Case("members:join_target_export", kwargs=lambda w: {"pk": w.join_target.pk}),
    Case("members:join_target_poster", kwargs=lambda w: {"pk": w.join_target.pk}),
    Case("members:join_target_qr", kwargs=lambda w: {"pk": w.join_target.pk, "fmt": "svg"}),
    Case("members:join_poster", kwargs=org("union_a")),
    Case("members:join_qr", kwargs=lambda w: {"code": w.union_a.code, "fmt": "png"}),
    Case(
        "members:join_policy",
        kwargs=org("union_a"),
        method="form",
        data=lambda w: {"auto_approve": "1"},
        ok=frozenset({302}),
    ),
    Case("assistance:files", allowed=LOGGED_IN, marker=lambda w: "孙困难"),
    Case("assistance:file_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case(
        "assistance:export",
        method="form",
        data=lambda w: {"status": ""},
        ok=frozenset({302}),
        allowed=frozenset({"owner", "same", "sibling"}),  # each exports only their own subtree's files
    ),
    Case("assistance:file", kwargs=lambda w: {"pk": w.aid_file.pk}),
    Case(
        "assistance:file_step",
        kwargs=lambda w: {"pk": w.aid_file.pk},
        method="form",
        data=lambda w: {"kind": "review", "note": "材料齐全"},
        ok=frozenset({302}),
    ),
    Case(
        "assistance:file_override",
        kwargs=lambda w: {"pk": w.aid_file.pk},
        method="form",
        data=lambda w: {"category": "relative", "reason": "家中有重病人"},
        ok=frozenset({302}),
    ),
    Case(
        "assistance:file_recheck",
        kwargs=lambda w: {"pk": w.aid_file.pk},
        method="form",
        data=lambda w: {"recheck-family_size": "3", "recheck-own_income": "1500", "recheck-main_cause": "illness"},
        ok=frozenset({302}),
    ),
    Case(
        "assistance:file_annex",
        kwargs=lambda w: {"pk": w.aid_file.pk, "kind": "study"},
        method="form",
        data=lambda w: {
            "study-student": "孙小明",
            "study-school": "大中中学",
            "study-grade": "初二",
            "study-yearly_fees": "0",
        },
        ok=frozenset({302}),
    ),
    Case("ledger:payout_new", kwargs=lambda w: {"file_pk": w.aid_file.pk}),
    Case("assistance:visit_photo", kwargs=lambda w: {"pk": w.aid_visit.pk}),
    Case("ledger:payouts", allowed=LOGGED_IN, marker=lambda w: "孙困难"),
    Case(
        "ledger:payout_decide",
        kwargs=lambda w: {"pk": w.payout.pk},
        method="form",
        data=lambda w: {"decision": "approve"},
        ok=frozenset({302}),
    ),
    Case("campaigns:list", allowed=LOGGED_IN, marker=lambda w: "冬送温暖测试活动"),
    Case("campaigns:new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("ledger:campaign", kwargs=lambda w: {"pk": w.aid_campaign.pk}),
    Case(
        "campaigns:rule",
        kwargs=lambda w: {"pk": w.aid_campaign.pk},
        method="form",
        data=lambda w: {"group": "all_members"},
        ok=frozenset({302}),
    ),
    Case("ledger:approve_all", kwargs=lambda w: {"pk": w.aid_campaign.pk}, method="form", ok=frozenset({302})),
    Case("campaigns:beneficiaries", kwargs=lambda w: {"pk": w.aid_campaign.pk}),
    Case(
        "campaigns:pick",
        kwargs=lambda w: {"pk": w.aid_campaign.pk},
        method="form",
        data=lambda w: {"id_numbers": w.member.person.id_number.reveal()},
        ok=frozenset({302}),
    ),
    Case(
        "campaigns:job_fair",
        kwargs=lambda w: {"pk": w.aid_campaign.pk},
        method="form",
        data=lambda w: {
            "held_on": "2026-02-26",
            "place": "广场",
            "employers": 1,
            "jobs_offered": 1,
            "visitors": 1,
            "offers_made": 0,
        },
        ok=frozenset({302}),
    ),
    Case("campaigns:import", kwargs=lambda w: {"pk": w.aid_campaign.pk}),
    # GB/T 2260 reference data: the same for every signed-in user.
    Case("orgs:region_options", allowed=LOGGED_IN, query=lambda w: {"q": "3209"}),
]

API_CASES = [
    Case("api:me", allowed=LOGGED_IN),
    Case("api:jobs_get", kwargs=lambda w: {"job_id": w.job.pk}),
    Case(
        "api:jobs_retry",
        kwargs=lambda w: {"job_id": w.job.pk},
        method="post",
        ok=frozenset({422}),
        allowed=frozenset({"owner"}),
    ),
    Case("api:orgs_list", allowed=LOGGED_IN, marker=lambda w: w.union_a.code),
    Case("api:orgs_get", kwargs=org("union_a")),
    Case("api:orgs_children", kwargs=org("town_a")),
    Case("api:orgs_stats", kwargs=org("union_a")),
    Case("api:orgs_terms", kwargs=org("union_a")),
    Case(
        "api:orgs_create_child",
        kwargs=org("town_a"),
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"name": "新建基层工会", "kind": "grassroots", "region_code": "320904"},
    ),
    Case(
        "api:orgs_update",
        kwargs=org("union_a"),
        method="patch",
        data=lambda w: {"name": "改名基层工会", "kind": "grassroots", "region_code": "320904"},
    ),
    Case("api:orgs_move", kwargs=org("union_a"), method="post", data=lambda w: {"new_parent": w.joint_a.code}),
    Case("api:enterprises_list", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("api:staff_list", allowed=LOGGED_IN, marker=lambda w: "helper"),
    Case(
        "api:staff_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "username": "newclerk",
            "display_name": "新干事",
            "org_code": w.union_a.code,
            "role": "organizer",
        },
    ),
    Case("api:staff_get", kwargs=lambda w: {"pk": w.users["worker"].pk}),
    Case(
        "api:staff_grant",
        kwargs=lambda w: {"pk": w.users["worker"].pk},
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "role": "reviewer"},
    ),
    Case(
        "api:staff_revoke",
        kwargs=lambda w: {"pk": w.users["worker"].pk, "role_id": w.staff_role.pk},
        method="delete",
        ok=frozenset({204}),
    ),
    Case("api:staff_password_reset", kwargs=lambda w: {"pk": w.users["worker"].pk}, method="post", data=lambda w: {}),
    Case("api:staff_deactivate", kwargs=lambda w: {"pk": w.users["worker"].pk}, method="post"),
    Case("api:staff_activate", kwargs=lambda w: {"pk": w.users["worker"].pk}, method="post"),
    Case("api:enterprises_get", kwargs=lambda w: {"pk": w.enterprise.pk}),
    Case(
        "api:enterprises_update",
        kwargs=lambda w: {"pk": w.enterprise.pk},
        method="patch",
        data=lambda w: {"contact_name": "李厂长", "contact_phone": "13912340000"},
    ),
    # A new top of the tree is for platform administrators, which no persona is.
    Case(
        "api:orgs_create_root",
        method="post",
        allowed=frozenset(),
        data=lambda w: {"name": "新设市总工会", "kind": "fed_city", "region_code": "320900"},
    ),
    # Public by design: the QR join form and the applicant's own progress look-up.
    Case(
        "api:members_join",
        method="post",
        allowed=PUBLIC_AND_STAFF,
        data=lambda w: {
            "org_code": w.union_a.code,
            "name": "赵公开",
            "id_number": "110105194912310038",
            "mobile": "13911110000",
            "consent": True,
        },
    ),
    Case(  # without a code sent to the phone on record, everyone gets the same 422
        "api:members_join_progress",
        method="post",
        allowed=PUBLIC_AND_STAFF,
        ok=frozenset({422}),
        data=lambda w: {"id_number": "11010519491231002X", "mobile": "13900000001", "code": "000000"},
    ),
    Case(
        "api:phone_codes_send",
        method="post",
        allowed=PUBLIC_AND_STAFF,
        data=lambda w: {"mobile": "13911110001"},
    ),
    Case("api:cards_verify", method="post", allowed=LOGGED_IN, data=lambda w: {"token": "m1:bogus:sig"}),
    Case("api:members_changes", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case(
        "api:members_change_decide",
        kwargs=lambda w: {"pk": w.change.pk},
        method="post",
        data=lambda w: {"approve": False, "reason": "核实不是本人"},
    ),
    Case(
        "api:members_import_start",
        method="form",
        query=lambda w: {"org_code": w.union_a.code},
        data=lambda w: {"file": SimpleUploadedFile("名册.csv", "姓名,身份证号\n周一,11010519491231002X\n".encode())},
    ),
    Case("api:members_import_confirm", kwargs=lambda w: {"job_id": w.import_job.pk}, method="post"),
    Case("api:members_list", allowed=LOGGED_IN, marker=lambda w: "李在册"),
    Case(
        "api:members_search",
        method="post",
        data=lambda w: {"q": "320904198506120014"},
        allowed=LOGGED_IN,
        marker=lambda w: "李在册",
    ),
    Case("api:members_get", kwargs=lambda w: {"pk": w.member.pk}),
    Case(
        "api:members_update",
        kwargs=lambda w: {"pk": w.member.pk},
        method="patch",
        data=lambda w: {"is_migrant_worker": True},
    ),
    Case("api:members_approve", kwargs=lambda w: {"pk": w.pending.pk}, method="post"),
    Case(
        "api:members_reject",
        kwargs=lambda w: {"pk": w.pending.pk},
        method="post",
        data=lambda w: {"reason": "非本单位"},
    ),
    Case("api:transfers_approve", kwargs=lambda w: {"pk": w.transfer.pk}, method="post"),
    Case("api:transfers_reject", kwargs=lambda w: {"pk": w.transfer.pk}, method="post", data=lambda w: {"reason": "x"}),
    Case("api:enterprises_create", kwargs=org("union_a"), method="post", ok=frozenset({201}), data=enterprise_fields),
    Case("api:assistance_files_list", allowed=LOGGED_IN, marker=lambda w: "孙困难"),
    Case("api:assistance_files_get", kwargs=lambda w: {"pk": w.aid_file.pk}),
    Case(
        "api:assistance_files_step",
        kwargs=lambda w: {"pk": w.aid_file.pk},
        method="post",
        data=lambda w: {"kind": "review", "note": "材料齐全"},
    ),
    Case("api:assistance_payouts_list", allowed=LOGGED_IN, marker=lambda w: "孙困难"),
    Case(
        "api:assistance_payouts_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "kind": "living",
            "fund": "union_funds",
            "paid_on": "2026-01-20",
            "amount": "500.00",
            "membership_id": w.member.pk,
        },
    ),
    Case("api:assistance_payouts_approve", kwargs=lambda w: {"pk": w.payout.pk}, method="post"),
    Case(
        "api:assistance_payouts_reject",
        kwargs=lambda w: {"pk": w.payout.pk},
        method="post",
        data=lambda w: {"reason": "凭证不全"},
    ),
    Case(
        "api:assistance_files_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.union_a.code,
            "id_number": w.member.person.id_number.reveal(),
            "family_size": 3,
            "own_income": "1500",
            "main_cause": "illness",
        },
    ),
    Case("api:campaigns_beneficiaries_list", kwargs=lambda w: {"pk": w.aid_campaign.pk}),
    Case(
        "api:campaigns_beneficiaries_rule",
        kwargs=lambda w: {"pk": w.aid_campaign.pk},
        method="post",
        data=lambda w: {"group": "all_members"},
    ),
    Case("api:campaigns_payouts_approve", kwargs=lambda w: {"pk": w.aid_campaign.pk}, method="post"),
    Case("api:campaigns_list", allowed=LOGGED_IN, marker=lambda w: "冬送温暖测试活动"),
    Case("api:campaigns_coverage", kwargs=lambda w: {"pk": w.aid_campaign.pk}),
    Case(
        "api:campaigns_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {
            "org_code": w.town_a.code,
            "name": "夏送清凉",
            "kind": "summer_cool",
            "year": 2026,
            "starts_on": "2026-07-01",
            "ends_on": "2026-08-31",
            "budget": "20000",
        },
    ),
]


def _all_cases() -> list[Case]:
    # Each imports this module's Case and personas.
    from tests.permissions import (
        registry_appointments,
        registry_arrears,
        registry_benefits,
        registry_certification,
        registry_competitions,
        registry_contracts,
        registry_democracy,
        registry_earlywarning,
        registry_events,
        registry_innovation,
        registry_legalaid,
        registry_mediation,
        registry_mentoring,
        registry_reports,
        registry_returns,
        registry_stations,
        registry_study,
        registry_training,
        registry_wishes,
        registry_workreport,
    )

    return (
        WEB_CASES
        + API_CASES
        + registry_innovation.WEB_CASES
        + registry_innovation.API_CASES
        + registry_stations.CASES
        + registry_events.CASES
        + registry_benefits.CASES
        + registry_wishes.CASES
        + registry_appointments.CASES
        + registry_certification.CASES
        + registry_competitions.CASES
        + registry_training.CASES
        + registry_study.CASES
        + registry_mentoring.CASES
        + registry_democracy.CASES
        + registry_contracts.CASES
        + registry_legalaid.CASES
        + registry_mediation.CASES
        + registry_arrears.CASES
        + registry_earlywarning.CASES
        + registry_reports.CASES
        + registry_returns.CASES
        + registry_workreport.CASES
    )


CASES: dict[str, Case] = {case.name: case for case in _all_cases()}

"""The mediation objects (劳动争议调解) of the shared permission World (see tests/world.py): a panel of
town_a with a union mediator; in union_a, against the World's enterprise, an open dispute of 李在册 (the
member persona) and a colleague with one session, an agreed one with its 调解协议, and 李在册's own
application waiting to be accepted."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.rights.mediation import intake, outcomes, panels
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn

PANEL = "大中街道劳动争议调解委员会"
MEMBER_ID = "320904198506120014"  # 李在册
COLLEAGUE_ID = "320904199001010017"


def build_mediation(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    today = timezone.localdate()
    panel = panels.panel_create(actor=owner, org=world.town_a, name=PANEL, kind="union", place="大中街道职工服务中心")
    mediator = panels.mediator_add(actor=owner, panel=panel, name="周调解", body="union", title="街道总工会副主席")
    workers = [WorkerIn("李在册", MEMBER_ID), WorkerIn("王同事", COLLEAGUE_ID)]

    def dispute(summary: str) -> Any:
        return intake.dispute_open(
            actor=owner, org=world.union_a, enterprise_uscc=world.enterprise.uscc, source="cadre", summary=summary,
            workers=workers, claims=[ClaimIn("wages", 8000)],
        )  # fmt: skip

    open_case = dispute("拖欠两个月工资")
    outcomes.dispute_assign(actor=owner, dispute=open_case, panel=panel, mediator=mediator)
    outcomes.session_record(actor=owner, dispute=open_case, held_on=today, minutes="首次调解：双方陈述")
    agreed = dispute("加班费争议")
    outcomes.dispute_assign(actor=owner, dispute=agreed, panel=panel, mediator=mediator)
    outcomes.agreement_record(
        actor=owner, dispute=agreed, terms="公司一次性支付加班费 6000 元。", amount=6000, signed_on=today,
        worker_signatory="李在册", worker_confirmed_on=today, enterprise_signatory="王经理",
        enterprise_confirmed_on=today,
    )  # fmt: skip
    applied = intake.dispute_apply(
        actor=world.users["member"], person=world.member.person, enterprise_name="大丰测试机械有限公司",
        summary="申请调解：经济补偿", claims=[ClaimIn("termination", 9000)],
    )  # fmt: skip
    return SimpleNamespace(panel=panel, mediator=mediator, open=open_case, agreed=agreed, applied=applied)

"""From a case to its outcome: sessions, the agreement both parties confirm (refused without, nothing
changed), payments, 司法确认, withdrawal and referral; each move once, also under a race."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gonghui.rights.mediation import outcomes, panels
from gonghui.rights.mediation.models import Agreement, Dispute, Payment, Session
from gonghui.rights.mediation.outcomes import PaymentIn
from tests.factories import today
from tests.rights.mediation.conftest import Desk, open_dispute

pytestmark = pytest.mark.django_db


def agree(desk: Desk, dispute: Dispute, **fields: object) -> Agreement:
    values: dict[str, object] = {
        "terms": "公司于两期内支付拖欠工资。\n双方再无其他争议。",
        "amount": "10000",
        "signed_on": today(),
        "worker_signatory": "王职工一",
        "worker_confirmed_on": today(),
        "enterprise_signatory": "李经理",
        "enterprise_confirmed_on": today(),
        "payments": [
            PaymentIn("6000", today() + dt.timedelta(days=10)),
            PaymentIn("4000", today() + dt.timedelta(days=40)),
        ],
    }
    values.update(fields)
    return outcomes.agreement_record(actor=desk.officer, dispute=dispute, **values)  # type: ignore[arg-type]


def test_a_session_takes_the_case_to_mediating_and_an_agreement_closes_it(desk: Desk) -> None:
    dispute = open_dispute(desk)
    county = desk.tree.cadre  # 管理员 of the county federation, where the joint panel sits
    panel = panels.panel_create(actor=county, org=desk.tree.county, name="商南县劳动争议联合调解中心", kind="joint")
    judge = panels.mediator_add(actor=county, panel=panel, name="赵法官", body="court", title="县法院立案庭")
    outcomes.dispute_assign(actor=desk.officer, dispute=dispute, panel=panel, mediator=judge)
    session = outcomes.session_record(actor=desk.officer, dispute=dispute, held_on=today(), minutes="双方陈述意见")
    assert session.mediator == judge and Dispute.objects.get(pk=dispute.pk).status == "mediating"
    agreement = agree(desk, dispute)
    dispute.refresh_from_db()
    assert dispute.status == "agreed" and dispute.closed_on == today()
    assert agreement.amount == Decimal("10000.00") and agreement.payments.count() == 2


def test_an_agreement_without_both_confirmations_is_refused_and_nothing_changes(desk: Desk) -> None:
    dispute = open_dispute(desk)
    with pytest.raises(ValidationError) as caught:
        agree(desk, dispute, enterprise_signatory="", enterprise_confirmed_on=None)
    assert caught.value.message_dict["enterprise_confirmed_on"] == [
        "调解协议须经用人单位确认：请填写签字人和确认日期。"
    ]
    with pytest.raises(ValidationError, match="须经职工方确认"):
        agree(desk, dispute, worker_confirmed_on=None)
    dispute.refresh_from_db()
    assert dispute.status == "open" and not Agreement.objects.exists() and not Payment.objects.exists()


def test_payments_must_add_up_and_amounts_are_never_negative(desk: Desk) -> None:
    dispute = open_dispute(desk)
    with pytest.raises(ValidationError, match="各期支付金额之和须等于协议金额"):
        agree(desk, dispute, payments=[PaymentIn("5000", today())])
    with pytest.raises(ValidationError, match="金额不能为负数"):
        agree(desk, dispute, amount="-1", payments=[])
    assert Dispute.objects.get(pk=dispute.pk).status == "open" and not Agreement.objects.exists()


def test_a_closed_case_takes_no_second_outcome(desk: Desk) -> None:
    dispute = open_dispute(desk)
    outcomes.dispute_refer(actor=desk.officer, dispute=dispute, to="arbitration", note="企业拒绝调解")
    with pytest.raises(ValidationError, match="只有已受理、调解中的案件可以登记调解协议"):
        agree(desk, Dispute.objects.get(pk=dispute.pk))
    with pytest.raises(ValidationError, match="不能进行此操作"):
        outcomes.dispute_withdraw(actor=desk.officer, dispute=dispute)
    with pytest.raises(ValidationError):
        outcomes.session_record(actor=desk.officer, dispute=dispute, held_on=today(), minutes="x")
    assert not Session.objects.exists()


def test_a_stale_page_cannot_close_a_case_twice(desk: Desk) -> None:
    dispute = open_dispute(desk)
    stale = Dispute.objects.get(pk=dispute.pk)  # a second officer's page, loaded before the first acted
    outcomes.dispute_withdraw(actor=desk.officer, dispute=dispute, reason="已私下和解")
    with pytest.raises(ValidationError, match="不能进行此操作"):
        agree(desk, stale)
    assert not Agreement.objects.exists() and Dispute.objects.get(pk=dispute.pk).status == "withdrawn"


def test_judicial_confirmation_is_applied_for_then_decided(desk: Desk) -> None:
    agreement = agree(desk, open_dispute(desk))
    with pytest.raises(ValidationError, match="只有已申请司法确认的协议"):
        outcomes.judicial_decide(actor=desk.officer, agreement=agreement, confirmed=True, decided_on=today())
    outcomes.judicial_apply(actor=desk.officer, agreement=agreement, court="商南县人民法院", applied_on=today())
    with pytest.raises(ValidationError, match="已申请过"):
        outcomes.judicial_apply(actor=desk.officer, agreement=agreement, court="x", applied_on=today())
    done = outcomes.judicial_decide(actor=desk.officer, agreement=agreement, confirmed=True, decided_on=today())
    assert done.judicial == "confirmed" and done.court == "商南县人民法院" and done.judicial_decided_on == today()


def test_a_payment_is_marked_paid_once(desk: Desk) -> None:
    payment = agree(desk, open_dispute(desk)).payments.first()
    assert payment is not None
    outcomes.payment_paid(actor=desk.officer, payment=payment, paid_on=today())
    with pytest.raises(ValidationError, match="已登记支付"):
        outcomes.payment_paid(actor=desk.officer, payment=payment, paid_on=today())


def test_a_panel_of_another_county_cannot_take_the_case(desk: Desk) -> None:
    dispute = open_dispute(desk)
    elsewhere = panels.panel_create(
        actor=desk.tree.outsider, org=desk.tree.stranger, name="泰安调解委员会", kind="union"
    )
    with pytest.raises(ValidationError, match="只能指派本会或上级工会"):
        outcomes.dispute_assign(actor=desk.officer, dispute=dispute, panel=elsewhere)

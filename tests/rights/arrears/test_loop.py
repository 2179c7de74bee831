"""The five-step loop 受理 → 分流 → 处置 → 反馈 → 回访: each step once and in order, the guards with Chinese
reasons and nothing changed; a report passed to mediation opens one dispute; drives count what opened in
them; arrears_counts for the early warning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.rights.arrears import drives, selectors, services
from gonghui.rights.arrears.models import Report, Step
from gonghui.rights.mediation.models import Dispute
from tests.factories import EnterpriseFactory, today
from tests.rights.arrears.conftest import Courier, opened, report_from
from tests.rights.mediation.conftest import Desk

pytestmark = pytest.mark.django_db


def test_a_workers_report_goes_round_the_loop_through_mediation(desk: Desk, courier: Courier) -> None:
    report = report_from(courier)
    assert report.stage == "reported" and report.org == desk.tree.union and report.enterprise is None
    services.report_accept(actor=desk.officer, report=report, enterprise_uscc=desk.enterprise.uscc)
    services.report_divert(actor=desk.officer, report=report, route="mediation")
    report.refresh_from_db()
    dispute = report.dispute
    assert report.stage == "diverted" and dispute is not None
    assert dispute.source == "arrears" and dispute.enterprise == desk.enterprise and dispute.claimed == Decimal("9000")
    assert dispute.parties.get().person == courier.person
    services.report_handle(actor=desk.officer, report=report, recovered="9000", note="经调解企业已支付")
    services.report_feedback(actor=desk.officer, report=report, note="工资已全部追回")
    services.report_visit(actor=desk.officer, report=report, satisfied=True, note="职工确认到账")
    report.refresh_from_db()
    assert report.stage == "visited" and report.closed_on == today() and report.amount_recovered == Decimal("9000")
    assert list(report.steps.values_list("stage", flat=True)) == [
        "reported", "accepted", "diverted", "handled", "fed_back", "visited"
    ]  # fmt: skip


def test_steps_are_taken_in_order_and_once(desk: Desk) -> None:
    report = opened(desk)
    with pytest.raises(ValidationError, match="当前为“已受理”"):
        services.report_handle(actor=desk.officer, report=report, recovered=0, note="x")
    services.report_divert(actor=desk.officer, report=report, route="inspection")
    stale = Report.objects.get(pk=report.pk)
    stale.stage = "accepted"  # a page loaded before the first officer diverted
    with pytest.raises(ValidationError):
        services.report_divert(actor=desk.officer, report=stale, route="enterprise")
    assert Report.objects.get(pk=report.pk).route == "inspection"
    assert Step.objects.filter(report=report, stage="diverted").count() == 1


def test_no_more_recovered_than_owed_and_nothing_negative(desk: Desk) -> None:
    report = opened(desk, amount_owed="1000")
    services.report_divert(actor=desk.officer, report=report, route="enterprise")
    with pytest.raises(ValidationError, match="追回金额不能超过欠薪金额"):
        services.report_handle(actor=desk.officer, report=report, recovered="1000.01", note="x")
    with pytest.raises(ValidationError, match="追回金额不能为负数"):
        services.report_handle(actor=desk.officer, report=report, recovered="-1", note="x")
    assert Report.objects.get(pk=report.pk).stage == "diverted"
    with pytest.raises(ValidationError) as caught:
        opened(desk, amount_owed="-5")
    assert caught.value.message_dict["amount_owed"] == ["欠薪金额不能为负数。"]


def test_an_enterprise_outside_the_scope_is_refused(desk: Desk) -> None:
    elsewhere = EnterpriseFactory(name="泰安某建筑公司", union=desk.tree.stranger)
    with pytest.raises(ValidationError) as caught:
        services.report_open(
            actor=desk.officer, org=desk.tree.union, enterprise_uscc=elsewhere.uscc, source="cadre",
            amount_owed=100, summary="欠薪",
        )  # fmt: skip
    assert "本级工会及下级工会登记的企业中没有这个统一社会信用代码。" in caught.value.message_dict["enterprise"]
    assert not Report.objects.exists()


def test_mediation_needs_a_worker_and_a_failed_dispute_leaves_the_report(desk: Desk) -> None:
    report = opened(desk)
    with pytest.raises(ValidationError, match="至少一名职工当事人"):
        services.report_divert(actor=desk.officer, report=report, route="mediation")
    assert Report.objects.get(pk=report.pk).stage == "accepted" and not Dispute.objects.exists()


def test_only_the_rights_role_handles_reports(desk: Desk, courier: Courier) -> None:
    report = report_from(courier)
    with pytest.raises(PermissionDenied):
        services.report_accept(actor=desk.clerk, report=report, enterprise_uscc=desk.enterprise.uscc)
    assert Report.objects.get(pk=report.pk).stage == "reported"


def test_a_rejected_report_tells_the_worker_why(desk: Desk, courier: Courier) -> None:
    report = report_from(courier)
    services.report_reject(actor=desk.officer, report=report, reason="不属于本会受理范围，请向建筑工地所在地反映")
    report.refresh_from_db()
    assert report.stage == "rejected" and report.closed_on == today() and "不属于本会" in report.feedback


def test_a_drive_counts_the_reports_opened_in_its_period(desk: Desk) -> None:
    before = opened(desk, received_on=today() - dt.timedelta(days=60))
    inside = opened(desk, received_on=today() - dt.timedelta(days=5))
    drive = drives.drive_create(
        actor=desk.tree.cadre, org=desk.tree.county, name="春节前根治欠薪冬季专项行动",
        starts_on=today() - dt.timedelta(days=20), ends_on=today() + dt.timedelta(days=40), target_amount="100000",
    )  # fmt: skip
    later = opened(desk)
    assert set(drive.reports.all()) == {inside, later} and before.drive is None
    services.report_divert(actor=desk.officer, report=later, route="enterprise")
    services.report_handle(actor=desk.officer, report=later, recovered="30000", note="企业补发")
    p = selectors.drive_progress(drive)
    assert (p.reports, p.owed, p.recovered, p.workers) == (2, Decimal("100000"), Decimal("30000"), 24)
    assert p.percent_of(drive.target_amount) == 30.0
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        drives.drive_create(
            actor=desk.tree.cadre, org=desk.tree.county, name="错的", starts_on=today(),
            ends_on=today() - dt.timedelta(1),
            target_amount=1,
        )  # fmt: skip


def test_arrears_counts_per_enterprise_in_one_query(desk: Desk, django_assert_num_queries: object) -> None:
    first = opened(desk, amount_owed="1000")
    opened(desk, amount_owed="500")
    closed = opened(desk, amount_owed="700")
    services.report_divert(actor=desk.officer, report=first, route="enterprise")
    services.report_handle(actor=desk.officer, report=first, recovered="400", note="部分补发")
    services.report_divert(actor=desk.officer, report=closed, route="enterprise")
    services.report_handle(actor=desk.officer, report=closed, recovered="700", note="补发")
    services.report_feedback(actor=desk.officer, report=closed, note="已补发")
    services.report_visit(actor=desk.officer, report=closed, satisfied=True)
    with django_assert_num_queries(1):  # type: ignore[operator]
        counts = selectors.arrears_counts(today() - dt.timedelta(days=30))
    assert counts == {desk.enterprise.pk: (2, Decimal("1100"))}

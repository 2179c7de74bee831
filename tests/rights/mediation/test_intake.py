"""Receiving disputes: checks with Chinese reasons and nothing written on refusal; parties sealed; the
collective flag and the escalation to the federation above; a worker's application and its acceptance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from gonghui.common.models import AuditEvent
from gonghui.members.identity import document_hmac
from gonghui.orgs.kinds import OrgKind
from gonghui.rights.mediation import intake
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn
from gonghui.rights.mediation.models import Claim, Dispute, Party, UnionSetting
from gonghui.rights.mediation.selectors import dispute_counts
from tests.factories import EnterpriseFactory, id_number, make_member, make_org
from tests.rights.mediation.conftest import Desk, open_dispute, workers

pytestmark = pytest.mark.django_db


def test_a_dispute_is_opened_with_sealed_parties_and_its_claims(desk: Desk) -> None:
    dispute = open_dispute(desk, n=2, claims=[ClaimIn("wages", "8000.5"), ClaimIn("overtime", 1200)])
    assert dispute.status == "open" and dispute.enterprise == desk.enterprise
    assert dispute.worker_count == 2 and dispute.claimed == Decimal("9200.50")
    party = Party.objects.filter(dispute=dispute).first()
    assert party is not None and party.id_hmac == document_hmac(id_number(100))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM mediation_party WHERE id = %s", [party.pk])
        stored = cursor.fetchone()[0]
    number = id_number(100)
    assert number not in stored and str(party.id_number) == number[:6] + "********" + number[-4:]


def test_an_enterprise_outside_the_scope_is_refused_and_nothing_is_written(desk: Desk) -> None:
    elsewhere = EnterpriseFactory(name="泰安某公司", union=desk.tree.stranger)
    with pytest.raises(ValidationError) as caught:
        intake.dispute_open(
            actor=desk.officer,
            org=desk.tree.union,
            enterprise_uscc=elsewhere.uscc,
            source="cadre",
            summary="拖欠工资",
            workers=workers(1),
        )
    assert "本级工会及下级工会登记的企业中没有这个统一社会信用代码。" in caught.value.message_dict["enterprise"]
    assert not Dispute.objects.exists() and not Party.objects.exists()


def test_a_negative_claim_is_refused_and_nothing_is_written(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        open_dispute(desk, claims=[ClaimIn("wages", "-100")])
    assert caught.value.message_dict["claims"] == ["拖欠工资金额不能为负数。"]
    assert not Dispute.objects.exists() and not Claim.objects.exists()


def test_bad_workers_are_named_by_line(desk: Desk) -> None:
    bad = [WorkerIn("张三", "123"), WorkerIn("李四", id_number(5)), WorkerIn("李四", id_number(5))]
    with pytest.raises(ValidationError) as caught:
        open_dispute(desk, workers=bad)
    messages = caught.value.message_dict["workers"]
    assert messages[0].startswith("第 1 名职工：身份证号码")
    assert messages[1] == "第 3 名职工：身份证号码与前面的职工重复。"
    assert not Dispute.objects.exists()


def test_only_the_rights_role_opens_a_dispute(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        open_dispute(desk, actor=desk.clerk)
    assert not Dispute.objects.exists()


def test_a_future_received_date_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="受理日期不能晚于今天"):
        open_dispute(desk, received_on=timezone.localdate() + dt.timedelta(days=2))


def test_three_workers_make_a_collective_dispute_escalated_to_the_federation_above(desk: Desk) -> None:
    single = open_dispute(desk, n=2)
    assert not single.collective and single.escalated_to is None
    collective = open_dispute(desk, n=3, workers=workers(3, start=300))
    assert collective.collective and collective.escalated_to == desk.tree.county
    assert collective.escalated_at is not None
    assert AuditEvent.objects.filter(target_id=str(collective.pk), detail__escalated_to=desk.tree.county.code).exists()
    # Adding a third worker to the first one flags it then.
    intake.parties_add(actor=desk.officer, dispute=single, workers=workers(1, start=500))
    single.refresh_from_db()
    assert single.collective and single.worker_count == 3 and single.escalated_to == desk.tree.county


def test_the_threshold_is_the_nearest_setting_up_the_tree(desk: Desk) -> None:
    UnionSetting.objects.create(org=desk.tree.county, collective_min=10)
    assert not open_dispute(desk, n=9).collective
    assert open_dispute(desk, n=10, workers=workers(10, start=700)).collective


def test_a_county_federations_collective_dispute_goes_to_the_city(desk: Desk) -> None:
    city = make_org("测试市总工会")
    county = make_org("测试县总工会", parent=city, kind=OrgKind.FED_COUNTY)
    assert intake.federation_above(county) == city
    assert intake.federation_above(city) is None


def test_a_worker_applies_and_the_union_accepts_naming_the_enterprise(desk: Desk) -> None:
    person = make_member(desk.tree.union, 42).person
    dispute = intake.dispute_apply(
        actor=desk.officer, person=person, enterprise_name="城关建材", summary="老板欠我两个月工资",
        claims=[ClaimIn("wages", 6000)],
    )  # fmt: skip
    assert dispute.status == "submitted" and dispute.enterprise is None and dispute.org == desk.tree.union
    assert dispute.parties.get().person == person
    assert dispute_counts(dt.date(2000, 1, 1)) == {}  # not yet accepted: names no enterprise
    with pytest.raises(ValidationError):
        intake.dispute_accept(actor=desk.officer, dispute=dispute, enterprise_uscc="91320904MA1XXXXXX0")
    dispute.refresh_from_db()
    assert dispute.status == "submitted"
    intake.dispute_accept(actor=desk.officer, dispute=dispute, enterprise_uscc=desk.enterprise.uscc)
    assert Dispute.objects.get(pk=dispute.pk).status == "open"
    with pytest.raises(ValidationError, match="不能进行此操作"):
        intake.dispute_accept(actor=desk.officer, dispute=dispute, enterprise_uscc=desk.enterprise.uscc)


def test_dispute_counts_per_enterprise_in_one_query(desk: Desk, django_assert_num_queries: object) -> None:
    open_dispute(desk, n=1)
    open_dispute(desk, n=3, workers=workers(3, start=900))
    other = EnterpriseFactory(name="另一家公司", union=desk.tree.other)
    intake.dispute_open(
        actor=desk.tree.cadre, org=desk.tree.other, enterprise_uscc=other.uscc, source="court", summary="加班费",
        workers=workers(1), received_on=dt.date(2020, 1, 1),
    )  # fmt: skip
    with django_assert_num_queries(1):  # type: ignore[operator]
        counts = dispute_counts(timezone.localdate() - dt.timedelta(days=30))
    assert counts == {desk.enterprise.pk: (2, 1)}
    assert dispute_counts(dt.date(2019, 1, 1))[other.pk] == (1, 0)

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from gonghui.members.choices import EventKind, MembershipStatus, TransferStatus
from gonghui.members.identity import Applicant, document_hmac
from gonghui.members.models import JoinPolicy, Membership, Person, Transfer
from gonghui.members.services import (
    Outcome,
    member_join,
    membership_approve,
    membership_end,
    membership_reject,
    memberships_decide,
    transfer_approve,
    transfer_reject,
)
from gonghui.orgs.models import OrgNode
from tests.members.conftest import make_id
from tests.world import World


def test_join_creates_a_pending_application_with_derived_identity(world: World, applicant: Applicant) -> None:
    result = member_join(org=world.union_a, applicant=applicant)
    assert result.outcome == Outcome.APPLIED and "审核" in result.message
    person = Person.objects.get(name="刘保柱")
    assert (person.sex, person.birth_date, person.name_pinyin) == ("M", dt.date(1985, 6, 12), "liubaozhu")
    assert str(person.id_number).startswith("320904") and "*" in str(person.id_number)
    membership = result.membership
    assert membership is not None and membership.status == MembershipStatus.PENDING
    assert list(membership.events.values_list("kind", flat=True)) == [EventKind.APPLY]


def test_second_submission_gets_a_helpful_answer_and_no_second_record(world: World, applicant: Applicant) -> None:
    member_join(org=world.union_a, applicant=applicant)
    again = member_join(org=world.union_a, applicant=applicant)
    assert again.outcome == Outcome.PENDING and "正在审核中" in again.message
    membership_approve(actor=world.users["owner"], membership=again.membership)  # type: ignore[arg-type]
    third = member_join(org=world.union_a, applicant=applicant)
    assert third.outcome == Outcome.ALREADY_MEMBER and third.message == "您已是测试基层工会会员。"
    assert Membership.objects.filter(person__name="刘保柱").count() == 1
    assert Person.objects.filter(name="刘保柱").count() == 1


def test_bad_fields_each_get_a_chinese_reason_and_nothing_is_saved(world: World) -> None:
    bad = Applicant(name="x", id_number="110105194912310021", mobile="123", consent=False)
    before = (Person.objects.count(), Membership.objects.count())
    with pytest.raises(ValidationError) as info:
        member_join(org=world.union_a, applicant=bad)
    assert set(info.value.message_dict) == {"name", "id_number", "mobile", "consent"}
    assert "校验位" in info.value.message_dict["id_number"][0]
    assert (Person.objects.count(), Membership.objects.count()) == before


def test_another_name_for_a_known_id_changes_nothing_and_is_held(world: World, applicant: Applicant) -> None:
    member_join(org=world.union_a, applicant=applicant)
    applicant.name = "王大锤"
    before = (Person.objects.count(), Membership.objects.count())
    result = member_join(org=world.union_b, applicant=applicant)
    assert result.outcome == Outcome.HELD and "不一致" in result.message
    assert (Person.objects.count(), Membership.objects.count()) == before
    assert Person.objects.get(id_hmac=document_hmac(applicant.id_number)).name == "刘保柱"


def test_traditional_spelling_of_the_same_name_is_the_same_person(world: World, applicant: Applicant) -> None:
    member_join(org=world.union_a, applicant=applicant)
    applicant.name = "劉保柱"
    assert member_join(org=world.union_a, applicant=applicant).outcome == Outcome.PENDING


def test_auto_approval_assigns_a_member_number_and_counts(world: World, applicant: Applicant) -> None:
    JoinPolicy.objects.create(org=world.union_a, auto_approve=True)
    result = member_join(org=world.union_a, applicant=applicant)
    assert result.outcome == Outcome.APPROVED
    membership = result.membership
    assert membership is not None and membership.member_no == f"320904{membership.pk:08d}"
    assert OrgNode.objects.get(pk=world.union_a.pk).member_count == 2  # the world already has one member


def test_reject_needs_a_reason_and_the_person_may_apply_again(world: World, applicant: Applicant) -> None:
    membership = member_join(org=world.union_a, applicant=applicant).membership
    with pytest.raises(ValidationError):
        membership_reject(actor=world.users["owner"], membership=membership, reason=" ")  # type: ignore[arg-type]
    membership_reject(actor=world.users["owner"], membership=membership, reason="非本单位职工")  # type: ignore[arg-type]
    assert member_join(org=world.union_a, applicant=applicant).outcome == Outcome.APPLIED
    assert Membership.objects.filter(person__name="刘保柱").count() == 2


def test_only_reviewers_in_scope_decide(world: World, applicant: Applicant) -> None:
    from django.http import Http404

    membership = member_join(org=world.union_a, applicant=applicant).membership
    with pytest.raises(Http404):
        membership_approve(actor=world.users["sibling"], membership=membership)  # type: ignore[arg-type]


def test_bulk_decisions_skip_already_decided(world: World) -> None:
    memberships = [
        member_join(
            org=world.union_a,
            applicant=Applicant(
                name="张三丰", id_number=make_id(i, birth="19900101"), mobile=f"1391234{i:04d}", consent=True
            ),
        ).membership
        for i in range(5)
    ]
    membership_approve(actor=world.users["owner"], membership=memberships[0])  # type: ignore[arg-type]
    result = memberships_decide(actor=world.users["owner"], memberships=memberships, approve=True)  # type: ignore[arg-type]
    assert (result.done, result.skipped) == (4, 1)
    assert OrgNode.objects.get(pk=world.union_a.pk).member_count == 1 + 5


def test_joining_a_second_union_starts_a_transfer_that_both_sides_approve(world: World, applicant: Applicant) -> None:
    first = member_join(org=world.union_a, applicant=applicant).membership
    membership_approve(actor=world.users["owner"], membership=first)  # type: ignore[arg-type]
    person = Person.objects.get(name="刘保柱")
    result = member_join(org=world.union_b, applicant=applicant, signed_in=person)
    assert result.outcome == Outcome.TRANSFER_REQUESTED and "转会" in result.message
    transfer = result.transfer
    assert transfer is not None
    assert Membership.objects.filter(person__name="刘保柱", status__in=["pending", "active"]).count() == 1

    transfer_approve(actor=world.users["owner"], transfer=transfer)  # out side only
    assert Membership.objects.get(pk=first.pk).status == MembershipStatus.ACTIVE  # type: ignore[union-attr]
    transfer = transfer_approve(actor=world.users["sibling"], transfer=transfer)  # in side completes it
    assert transfer.status == TransferStatus.DONE
    assert Membership.objects.get(pk=first.pk).status == MembershipStatus.TRANSFERRED  # type: ignore[union-attr]
    assert transfer.to_membership is not None and transfer.to_membership.org == world.union_b
    assert Membership.objects.filter(person__name="刘保柱", status="active").count() == 1
    counts = dict(
        OrgNode.objects.filter(pk__in=[world.union_a.pk, world.union_b.pk]).values_list("code", "member_count")
    )
    assert counts == {"w-union-a": 1, "w-union-b": 1}  # union_a keeps the world's own member
    kinds = set(Membership.objects.get(pk=first.pk).events.values_list("kind", flat=True))  # type: ignore[union-attr]
    assert {"transfer_request", "transfer_out"} <= kinds


def test_a_rejected_transfer_keeps_the_old_membership(world: World, applicant: Applicant) -> None:
    first = member_join(org=world.union_a, applicant=applicant).membership
    membership_approve(actor=world.users["owner"], membership=first)  # type: ignore[arg-type]
    transfer = member_join(org=world.union_b, applicant=applicant, signed_in=first.person).transfer  # type: ignore[union-attr]
    transfer_reject(actor=world.users["sibling"], transfer=transfer, reason="未在本单位工作")  # type: ignore[arg-type]
    assert Membership.objects.get(pk=first.pk).status == MembershipStatus.ACTIVE  # type: ignore[union-attr]
    assert Transfer.objects.get(person__name="刘保柱").status == TransferStatus.REJECTED


def test_leaving_and_rejoining_keeps_history(world: World, applicant: Applicant) -> None:
    first = member_join(org=world.union_a, applicant=applicant).membership
    membership_approve(actor=world.users["owner"], membership=first)  # type: ignore[arg-type]
    membership_end(actor=world.users["owner"], membership=first, reason="离职")  # type: ignore[arg-type]
    assert OrgNode.objects.get(pk=world.union_a.pk).member_count == 1
    again = member_join(org=world.union_b, applicant=applicant)
    assert again.outcome == Outcome.APPLIED
    mine = Membership.objects.filter(person__name="刘保柱").order_by("id")
    assert list(mine.values_list("status", flat=True)) == ["left", "pending"]


def test_the_database_refuses_a_second_live_membership(world: World, applicant: Applicant) -> None:
    membership = member_join(org=world.union_a, applicant=applicant).membership
    assert membership is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=membership.person, org=world.union_b, status="active", source="cadre", applied_at=timezone.now()
        )


@pytest.mark.postgres
@pytest.mark.usefixtures("regions")
def test_fifty_concurrent_submissions_with_one_id_make_one_application() -> None:
    from tests.factories import make_org

    union = make_org("并发入会工会", code="race-join")
    outcomes: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(50)

    def submit() -> None:
        try:
            barrier.wait()
            applicant = Applicant(name="刘保柱", id_number=make_id(7), mobile="13912340007", consent=True)
            outcomes.append(member_join(org=union, applicant=applicant).outcome)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert outcomes.count(Outcome.APPLIED) == 1 and outcomes.count(Outcome.PENDING) == 49
    assert Person.objects.count() == 1 and Membership.objects.count() == 1

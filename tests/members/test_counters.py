"""Each union's member_count stays equal to a recount after every service that changes a membership."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gonghui.members.counters import member_counts_drift, member_counts_repair
from gonghui.members.identity import Applicant
from gonghui.members.importer.pipeline import roster_import
from gonghui.members.models import Membership, Transfer
from gonghui.members.services import (
    join_policy_set,
    member_join,
    membership_approve,
    membership_end,
    membership_reject,
    transfer_approve,
)
from gonghui.orgs.models import OrgNode
from tests.members.conftest import make_id
from tests.members.test_import import good_rows, roster
from tests.world import World


def _applicant(seq: int, name: str = "计数职工") -> Applicant:
    return Applicant(
        name=name, id_number=make_id(800 + seq, birth="19900101"), mobile=f"1370000{seq:04d}", consent=True
    )


def _count(org: OrgNode) -> int:
    return OrgNode.objects.get(pk=org.pk).member_count


def test_every_membership_service_keeps_the_counts_exact(world: World) -> None:
    member_counts_repair()  # the World's memberships are made by hand
    owner = world.users["owner"]
    before = _count(world.union_a)

    joined = member_join(org=world.union_a, applicant=_applicant(1)).membership
    assert joined is not None and _count(world.union_a) == before  # pending: not counted yet
    membership_approve(actor=owner, membership=joined)
    rejected = member_join(org=world.union_a, applicant=_applicant(2)).membership
    membership_reject(actor=owner, membership=rejected, reason="材料不全")
    join_policy_set(actor=owner, org=world.joint_a, auto_approve=True)
    member_join(org=world.joint_a, applicant=_applicant(3))  # approved on arrival
    assert _count(world.union_a) == before + 1 and member_counts_drift() == []

    # A transfer the worker starts signed in, approved by both sides.
    person = joined.person
    member_join(org=world.joint_a, applicant=_applicant(1), signed_in=person)
    transfer = Transfer.objects.get(person=person, status="pending")
    transfer_approve(actor=owner, transfer=transfer)
    assert Transfer.objects.get(pk=transfer.pk).status == "done" and member_counts_drift() == []

    membership_end(actor=owner, membership=Membership.objects.get(person=person, status="active"), reason="离职")
    membership_end(actor=owner, membership=world.member, reason="病故", deceased=True)
    roster_import(actor=owner, org=world.union_a, source=roster(good_rows()), filename="花名册.xlsx")
    assert member_counts_drift() == []


def test_the_command_reports_drift_and_repairs_it(world: World) -> None:
    member_counts_repair()
    OrgNode.objects.filter(pk=world.union_a.pk).update(member_count=999)
    with pytest.raises(CommandError, match="1 union"):
        call_command("org_counters", "--check", stdout=StringIO())
    out = StringIO()
    call_command("org_counters", stdout=out)
    assert "w-union-a: kept 999" in out.getvalue() and member_counts_drift() == []
    call_command("org_counters", "--check", stdout=StringIO())  # clean now: no error

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from gonghui.assistance.choices import Cause
from gonghui.assistance.models import HardshipFile, SubsistenceStandard
from gonghui.assistance.services import (
    Household,
    hardship_file_apply,
    hardship_file_notice,
    hardship_file_open,
    hardship_file_review,
    hardship_file_visit,
)
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.models import OrgNode
from tests.members.conftest import make_id
from tests.world import World

STANDARD = Decimal("800.00")


@pytest.fixture
def standard(world: World) -> SubsistenceStandard:
    """大丰区's 低保 for this year: 800 yuan per person per month (a prefecture figure is set too)."""
    year = timezone.localdate().year
    SubsistenceStandard.objects.update_or_create(region_id="320900", year=year, defaults={"monthly": Decimal("750")})
    return SubsistenceStandard.objects.update_or_create(region_id="320904", year=year, defaults={"monthly": STANDARD})[
        0
    ]


def member_in(org: OrgNode, name: str, seq: int, *, migrant: bool = False, member: bool = True) -> Person:
    person = Person.objects.create(
        name=name, id_number=make_id(seq, birth="19780101"), is_migrant_worker=migrant, **person_keys(name)
    )
    if member:
        Membership.objects.create(
            person=person,
            org=org,
            status=MembershipStatus.ACTIVE,
            applied_at=timezone.now(),
            joined_on=dt.date(2020, 1, 1),
        )
    return person


def poor(**kwargs: object) -> Household:
    """A family of three living on 1,500 a month: 500 per head, under the 800 standard."""
    values: dict[str, object] = {"own_income": Decimal("1500"), "family_size": 3, "main_cause": Cause.ILLNESS}
    values.update(kwargs)
    return Household(**values)  # type: ignore[arg-type]


def open_file(world: World, person: Person) -> HardshipFile:
    """Take a file through the whole workflow to 已建档."""
    owner = world.users["owner"]
    file = hardship_file_apply(actor=owner, org=world.union_a, person=person, household=poor())
    hardship_file_review(actor=owner, file=file, approve=True)
    hardship_file_visit(
        actor=owner, file=file, visited_on=timezone.localdate(), visitors="王主席、李干事", findings="情况属实"
    )
    hardship_file_notice(actor=owner, file=file, ends_on=timezone.localdate())
    return hardship_file_open(actor=owner, file=file, plan="每季度走访，申请医疗救助")

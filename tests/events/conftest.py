"""Shared helpers of the events tests: a small tree, a cadre, members, and an event factory."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.idcard import check_char
from gonghui.events.choices import EventKind, EventStatus
from gonghui.events.models import Event
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import OrgNode
from tests.factories import UserFactory, grant, make_org


def id_number(seq: int) -> str:
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=seq // 900)
    first17 = f"320904{birth:%Y%m%d}{seq % 900 + 100:03d}"
    return first17 + check_char(first17)


def make_member(org: OrgNode, seq: int, *, name: str = "", sex: str = "M", form: str = "") -> Membership:
    name = name or f"职工{seq}"
    person = Person.objects.create(
        name=name, id_number=id_number(seq), mobile=f"139{seq:08d}", sex=sex, **person_keys(name)
    )
    return Membership.objects.create(
        person=person,
        org=org,
        status=MembershipStatus.ACTIVE,
        source="cadre",
        applied_at=timezone.now(),
        member_no=f"M{seq:05d}",
        employment_form=form,
    )


def make_event(org: OrgNode, creator: Any, **fields: Any) -> Event:
    start = timezone.now() + dt.timedelta(days=2)
    values: dict[str, Any] = {
        "kind": EventKind.LECTURE,
        "title": "工会大讲堂",
        "address": "职工之家",
        "capacity": 3,
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "status": EventStatus.PUBLISHED,
    }
    values.update(fields)
    return Event.objects.create(org=org, created_by=creator, **values)


class Tree:
    def __init__(self) -> None:
        self.county = make_org("商南县总工会", kind=OrgKind.FED_COUNTY)
        self.union = make_org("商南县城关基层工会", parent=self.county)
        self.other = make_org("商南县富水基层工会", parent=self.county)
        self.stranger = make_org("泰安市总工会")
        self.cadre = UserFactory(username="county-cadre")
        grant(self.cadre, self.county)
        self.union_cadre = UserFactory(username="union-cadre")
        grant(self.union_cadre, self.union)
        self.outsider = UserFactory(username="taian-cadre")
        grant(self.outsider, self.stranger)


@pytest.fixture
def tree(db: None) -> Tree:
    return Tree()

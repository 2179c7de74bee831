"""Factories of the democracy tests (the tree and members are in tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.democracy.models import Representative, Session
from tests.factories import EnterpriseFactory, make_member

HELD = dt.date(2024, 3, 20)


def enterprise_of(union: OrgNode, name: str = "商洛市虎之翼科技有限公司", industry: str = "C") -> Enterprise:
    return EnterpriseFactory(name=name, union=union, industry=industry)


def reps(
    enterprise: Enterprise, by: Any, *, term: int = 2, start: int = 1000, **flags: tuple[bool, int]
) -> list[Representative]:
    """Representatives as the database holds them: `industrial=(True, 12)` makes 12 with that flag; the rest of
    `total` plain. Each is a fresh member of the enterprise's union."""
    made = []
    seq = start
    for name, (value, count) in flags.items():
        for _i in range(count):
            seq += 1
            membership = make_member(enterprise.union, seq)
            made.append(
                Representative.objects.create(
                    enterprise=enterprise,
                    term=term,
                    membership=membership,
                    elected_on=HELD,
                    created_by=by,
                    **{name: value},
                )
            )
    return made


def session_of(
    enterprise: Enterprise, by: Any, *, seats: int, attended: int, term: int = 2, number: int = 1
) -> Session:
    return Session.objects.create(
        enterprise=enterprise, term=term, number=number, held_on=HELD, seats=seats, attended=attended, created_by=by
    )


def member(union: OrgNode, seq: int, **kw: Any) -> Membership:
    return make_member(union, seq, **kw)


def desk(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client

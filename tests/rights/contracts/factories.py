"""Factories of the contracts tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.contracts.choices import ContractLevel, ContractStage, Kind
from gonghui.rights.contracts.models import Contract, Coverage
from gonghui.rights.contracts.services import Terms
from gonghui.rights.democracy.models import Resolution, Session
from tests.factories import EnterpriseFactory

TODAY = timezone.localdate


def terms(**kw: Any) -> Terms:
    today = TODAY()
    values: dict[str, Any] = {
        "starts_on": today,
        "ends_on": today + dt.timedelta(days=3 * 365 - 1),
        "wage_growth": Decimal("6.5"),
        "min_wage": Decimal(2300),
        "weekly_hours": Decimal(40),
    }
    values.update(kw)
    return Terms(**values)


def firm(union: OrgNode, name: str = "柳市电器科技股份有限公司") -> Enterprise:
    return EnterpriseFactory(name=name, union=union)


def congress(enterprise: Enterprise, by: Any, *, held_on: dt.date, adopted: bool = True, seats: int = 9) -> Session:
    """A 职代会 session of the enterprise; `adopted`: it passed the collective contract draft."""
    number = Session.objects.filter(enterprise=enterprise).count() + 1
    session = Session.objects.create(
        enterprise=enterprise, term=1, number=number, held_on=held_on, seats=seats, attended=seats, created_by=by
    )
    Resolution.objects.create(
        session=session,
        subject="contract",
        title="审议工资专项集体合同草案",
        votes_for=seats if adopted else 2,
        adopted=adopted,
    )
    return session


def signed(
    enterprise: Enterprise, by: Any, *, ends_in: int, stage: str = ContractStage.PUBLISHED, workers: int = 10, **kw: Any
) -> Contract:
    """A signed contract as the database holds it, ending `ends_in` days from today."""
    today = TODAY()
    ends = today + dt.timedelta(days=ends_in)
    starts = ends - dt.timedelta(days=2 * 365)
    values: dict[str, Any] = {
        "org": enterprise.union,
        "level": ContractLevel.ENTERPRISE,
        "kind": Kind.WAGE,
        "title": f"{enterprise.name}工资专项集体合同",
        "enterprise": enterprise,
        "stage": stage,
        "offered_on": starts - dt.timedelta(days=60),
        "signed_on": starts - dt.timedelta(days=10),
        "filed_on": starts - dt.timedelta(days=5),
        "published_on": starts,
        "starts_on": starts,
        "ends_on": ends,
        "workers": workers,
        "created_by": by,
    }
    values.update(kw)
    contract = Contract.objects.create(**values)
    Coverage.objects.create(contract=contract, enterprise=enterprise, workers=workers)
    return contract

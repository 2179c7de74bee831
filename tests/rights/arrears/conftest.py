"""The arrears tests stand on the mediation tests' desk (商南's tree, an enterprise under the 城关 union, a
rights officer and a read-only clerk there), and add a worker who reports from 我的."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from gonghui.accounts.models import User, UserKind
from gonghui.members.models import Person, WorkerAccount
from gonghui.rights.arrears import services
from gonghui.rights.arrears.models import Report
from tests.factories import UserFactory, make_member
from tests.rights.mediation.conftest import Desk, desk  # noqa: F401  (the fixture, shared)


@dataclass
class Courier:
    person: Person
    account: User


@pytest.fixture
def courier(desk: Desk) -> Courier:  # noqa: F811
    member = make_member(desk.tree.union, 77, name="周快递")
    account = UserFactory(username="courier", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=account, person=member.person)
    return Courier(person=member.person, account=account)


def report_from(courier: Courier, **fields: Any) -> Report:
    fields.setdefault("enterprise_name", "城关建材")
    fields.setdefault("amount_owed", "9000")
    fields.setdefault("summary", "2024年10月至12月工资未发")
    return services.report_submit(actor=courier.account, person=courier.person, **fields)


def opened(desk: Desk, **fields: Any) -> Report:  # noqa: F811
    fields.setdefault("source", "cadre")
    fields.setdefault("amount_owed", "50000")
    fields.setdefault("summary", "工地拖欠农民工工资")
    fields.setdefault("workers_affected", 12)
    return services.report_open(actor=desk.officer, org=desk.tree.union, enterprise_uscc=desk.enterprise.uscc, **fields)

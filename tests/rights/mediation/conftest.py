"""Shared fixtures of the mediation tests: 商南's tree (tests/factories.Tree) with an enterprise under the
城关 union, a rights officer there, and a helper that opens a dispute."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from gonghui.accounts.models import User
from gonghui.orgs.models import Enterprise
from gonghui.orgs.roles import Role
from gonghui.rights.mediation.checks import ClaimIn, WorkerIn
from gonghui.rights.mediation.intake import dispute_open
from gonghui.rights.mediation.models import Dispute
from tests.factories import EnterpriseFactory, Tree, UserFactory, grant, id_number


@dataclass
class Desk:
    tree: Tree
    enterprise: Enterprise
    officer: User  # 维权专员 of the 城关 union
    clerk: User  # 只读 of the same union


@pytest.fixture
def desk(tree: Tree) -> Desk:
    officer = UserFactory(username="rights-officer")
    grant(officer, tree.union, Role.RIGHTS)
    clerk = UserFactory(username="readonly-clerk")
    grant(clerk, tree.union, Role.READONLY)
    enterprise = EnterpriseFactory(name="商南县城关建材有限公司", union=tree.union)
    return Desk(tree=tree, enterprise=enterprise, officer=officer, clerk=clerk)


def workers(n: int, start: int = 100) -> list[WorkerIn]:
    return [WorkerIn(name=f"王职工{'一二三四五六七八九十'[i % 10]}", id_number=id_number(start + i)) for i in range(n)]


def open_dispute(desk: Desk, *, n: int = 1, actor: Any = None, **fields: Any) -> Dispute:
    fields.setdefault("source", "cadre")
    fields.setdefault("summary", "拖欠三个月工资")
    fields.setdefault("claims", [ClaimIn(kind="wages", amount=Decimal("12000"))])
    return dispute_open(
        actor=actor or desk.officer,
        org=desk.tree.union,
        enterprise_uscc=desk.enterprise.uscc,
        workers=fields.pop("workers", None) or workers(n),
        **fields,
    )

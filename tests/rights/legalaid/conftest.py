"""A small 商南 for 法律援助: the county (管理员 "county-cadre") with two grassroots unions, 泰安 beside it
(管理员 "taian-cadre"); a rights officer and a read-only clerk of the first union; two members there; a union
lawyer of the county signed in as a provider account; a migrant worker with no union."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from gonghui.accounts.models import User, UserKind
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Provider
from gonghui.members.models import Person
from gonghui.members.services import person_keys
from gonghui.orgs.roles import Role
from gonghui.rights.legalaid import cases
from gonghui.rights.legalaid.models import LegalAidCase
from tests.factories import Tree, UserFactory, grant, id_number, make_member

LAWYER_MOBILE = "13809140301"


@dataclass
class Place:
    tree: Tree
    officer: User  # 维权专员 of tree.union
    clerk: User  # 只读 of tree.union
    member: Person  # of tree.union
    other_member: Person  # of tree.other
    migrant: Person  # 农民工, no union
    lawyer: Provider  # the county's, on a provider account
    stranger_lawyer: Provider  # 泰安's


@pytest.fixture
def place(tree: Tree) -> Place:
    officer = UserFactory(username="rights-officer")
    grant(officer, tree.union, Role.RIGHTS)
    clerk = UserFactory(username="readonly-clerk")
    grant(clerk, tree.union, Role.READONLY)
    member = make_member(tree.union, 1, name="周快递").person
    other = make_member(tree.other, 2, name="吴富水").person
    migrant = Person.objects.create(
        name="马进城", id_number=id_number(3), mobile="13900000003", is_migrant_worker=True, **person_keys("马进城")
    )
    account = UserFactory(username="lawyer-account", kind=UserKind.PROVIDER)
    lawyer = Provider.objects.create(
        org=tree.county, kind=ServiceKind.LEGAL, name="杨律师", title="秦岭律师事务所", mobile=LAWYER_MOBILE,
        user=account, created_by=tree.cadre,
    )  # fmt: skip
    stranger = Provider.objects.create(
        org=tree.stranger, kind=ServiceKind.LEGAL, name="泰安律师", mobile="13809140399", created_by=tree.outsider
    )
    return Place(tree, officer, clerk, member, other, migrant, lawyer, stranger)


def apply(place: Place, person: Person | None = None, **fields: Any) -> LegalAidCase:
    data = cases.CaseFields(topic=fields.pop("topic", "wages"), summary=fields.pop("summary", "追讨拖欠工资"),
                            claim_amount=fields.pop("claim_amount", Decimal("12000")))  # fmt: skip
    return cases.case_apply(
        actor=fields.pop("actor", place.tree.cadre),
        org=fields.pop("org", place.tree.union),
        person=person or place.member,
        data=data,
        **fields,
    )


def to_acting(place: Place, case: LegalAidCase) -> LegalAidCase:
    cadre = place.tree.cadre
    cases.case_accept(actor=cadre, case=case)
    cases.case_assign(actor=cadre, case=case, provider=place.lawyer)
    assert place.lawyer.user is not None
    cases.case_step(actor=place.lawyer.user, case=case, kind="consultation", note="面谈，收集工资条")
    return case

"""Each transition of a negotiation and its guard: 要约 → 协商会议 → 职代会审议 → 签订 → 报送 → 公示; bad input
refused with a Chinese reason and nothing changed; coverage within the union's subtree; workers from rosters."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from gonghui.orgs.roles import Role
from gonghui.rights.contracts import selectors, services, stages
from gonghui.rights.contracts.models import Contract, Coverage, Document, Meeting
from tests.factories import Tree, UserFactory, grant, image_bytes, make_member
from tests.rights.contracts.factories import TODAY, congress, firm, terms

pytestmark = pytest.mark.django_db


def _open(tree: Tree, enterprise: object, **kw: object) -> Contract:
    values = {
        "actor": tree.cadre,
        "org": tree.county,
        "level": "enterprise",
        "kind": "wage",
        "title": "工资专项集体合同",
        "terms": terms(),
        "offered_on": TODAY() - dt.timedelta(days=30),
        "enterprise": enterprise,
    }
    values.update(kw)
    return services.contract_open(**values)  # type: ignore[arg-type]


def test_an_enterprise_contract_goes_through_every_stage(tree: Tree) -> None:
    factory = firm(tree.union)
    for seq in range(1, 6):
        make_member(tree.union, seq)
    contract = _open(tree, factory)
    assert contract.org == tree.union and contract.stage == "offered" and contract.workers == 5
    today = TODAY()
    with pytest.raises(ValidationError, match="须先登记协商会议"):
        stages.contract_deliberate(
            actor=tree.cadre, contract=contract, session=congress(factory, tree.cadre, held_on=today)
        )
    with pytest.raises(ValidationError, match="不能早于要约日期"):
        stages.meeting_record(actor=tree.cadre, contract=contract, held_on=today - dt.timedelta(days=40), summary="x")
    minutes = BytesIO(image_bytes())
    stages.meeting_record(
        actor=tree.cadre,
        contract=contract,
        held_on=today - dt.timedelta(days=20),
        summary="就工资增长达成一致",
        minutes=minutes,
        size=len(minutes.getvalue()),
    )
    contract.refresh_from_db()
    assert contract.stage == "negotiating" and Document.objects.get().kind == "minutes"
    with pytest.raises(ValidationError, match="职工代表大会审议通过后方可签订"):
        stages.contract_sign(actor=tree.cadre, contract=contract, signed_on=today)
    early = congress(factory, tree.cadre, held_on=today - dt.timedelta(days=25))
    with pytest.raises(ValidationError, match="应在协商会议"):
        stages.contract_deliberate(actor=tree.cadre, contract=contract, session=early)
    refused = congress(factory, tree.cadre, held_on=today - dt.timedelta(days=10), adopted=False)
    with pytest.raises(ValidationError, match="没有通过集体合同草案"):
        stages.contract_deliberate(actor=tree.cadre, contract=contract, session=refused)
    other = congress(firm(tree.other, name="别家企业"), tree.cadre, held_on=today - dt.timedelta(days=10))
    with pytest.raises(ValidationError, match="不是本企业的职代会"):
        stages.contract_deliberate(actor=tree.cadre, contract=contract, session=other)
    contract.refresh_from_db()
    assert contract.stage == "negotiating" and contract.session is None
    session = congress(factory, tree.cadre, held_on=today - dt.timedelta(days=10))
    stages.contract_deliberate(actor=tree.cadre, contract=contract, session=session)
    with pytest.raises(ValidationError, match="不能早于职代会审议日期"):
        stages.contract_sign(actor=tree.cadre, contract=contract, signed_on=today - dt.timedelta(days=11))
    make_member(tree.union, 6)
    stages.contract_sign(actor=tree.cadre, contract=contract, signed_on=today - dt.timedelta(days=8))
    contract.refresh_from_db()
    assert contract.stage == "signed" and contract.workers == 6  # the roster on the day of signing
    with pytest.raises(ValidationError, match="须先报送人社审查"):
        stages.contract_publish(actor=tree.cadre, contract=contract, published_on=today)
    with pytest.raises(ValidationError, match="晚于今天"):
        stages.contract_file(actor=tree.cadre, contract=contract, filed_on=today + dt.timedelta(days=1))
    stages.contract_file(actor=tree.cadre, contract=contract, filed_on=today - dt.timedelta(days=3))
    stages.contract_publish(actor=tree.cadre, contract=contract, published_on=today)
    contract.refresh_from_db()
    assert contract.stage == "published" and contract.published_on == today
    with pytest.raises(ValidationError, match="条款不能再修改"):
        services.terms_set(actor=tree.cadre, contract=contract, terms=terms(wage_growth=10))


def test_bad_contracts_are_refused_and_nothing_is_made(tree: Tree) -> None:
    factory = firm(tree.union)
    today = TODAY()
    with pytest.raises(ValidationError, match="期限止不能早于期限起"):
        _open(tree, factory, terms=terms(ends_on=today - dt.timedelta(days=1)))
    with pytest.raises(ValidationError, match="一至三年"):
        _open(tree, factory, terms=terms(ends_on=today + dt.timedelta(days=4 * 365)))
    with pytest.raises(ValidationError, match="不超过44小时"):
        _open(tree, factory, terms=terms(weekly_hours=50))
    with pytest.raises(ValidationError, match="须选择企业"):
        _open(tree, None)
    outside = firm(tree.stranger, name="泰安企业")
    near = firm(tree.other, name="富水企业")
    with pytest.raises(ValidationError, match="泰安企业"):
        _open(tree, None, level="regional", org=tree.county, enterprises=[near, outside])
    assert not Contract.objects.exists() and not Coverage.objects.exists()
    with pytest.raises(ValidationError, match="不在商南县城关基层工会及下级工会登记的企业中"):
        selectors.enterprises_named(tree.cadre, [near.uscc], tree.union)
    with pytest.raises(IntegrityError):
        Contract.objects.create(
            org=tree.union, level="wage", kind="wage", title="x", offered_on=today, starts_on=today,
            ends_on=today - dt.timedelta(days=1), created_by=tree.cadre,
        )  # fmt: skip


def test_a_regional_contract_covers_its_enterprises_and_signs_without_a_congress(tree: Tree) -> None:
    a, b = firm(tree.union, name="园区企业甲"), firm(tree.other, name="园区企业乙")
    shared = firm(tree.union, name="园区企业丙")  # the same union as 甲: its roster is counted once
    for seq in range(1, 4):
        make_member(tree.union, seq)
    make_member(tree.other, 10)
    contract = _open(tree, None, level="regional", title="区域性工资专项集体合同", enterprises=[a, b, shared])
    assert contract.workers == 4 and contract.coverage.count() == 3
    services.coverage_set(actor=tree.cadre, contract=contract, enterprises=[a, b])
    contract.refresh_from_db()
    assert contract.workers == 4 and contract.coverage.count() == 2
    stages.meeting_record(
        actor=tree.cadre, contract=contract, held_on=TODAY() - dt.timedelta(days=5), summary="区域协商"
    )
    stages.contract_sign(actor=tree.cadre, contract=contract, signed_on=TODAY())
    contract.refresh_from_db()
    assert contract.stage == "signed"
    with pytest.raises(ValidationError, match="覆盖范围不能再修改"):
        services.coverage_set(actor=tree.cadre, contract=contract, enterprises=[a])


def test_documents_are_checked(tree: Tree) -> None:
    contract = _open(tree, firm(tree.union))
    fake = BytesIO(b"not really a pdf")
    with pytest.raises(ValidationError, match="只接受"):
        stages.document_attach(actor=tree.cadre, contract=contract, kind="text", file=fake, size=16)
    assert not Document.objects.exists() and not Meeting.objects.exists()


def test_read_only_and_outsiders(tree: Tree) -> None:
    contract = _open(tree, firm(tree.union))
    reader = UserFactory(username="reader")
    grant(reader, tree.union, Role.READONLY)
    assert selectors.contract_get_for(reader, contract.pk) == contract
    with pytest.raises(PermissionDenied):
        stages.meeting_record(actor=reader, contract=contract, held_on=TODAY(), summary="x")
    assert not selectors.contracts_for(tree.outsider).exists()

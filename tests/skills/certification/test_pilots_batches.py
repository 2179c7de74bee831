"""Pilots, licences, pay grades and batches: the federation files what an enterprise may certify; the
enterprise's certification staff open batches within it and see only their own; the federation sees all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.skills.certification import pilots, selectors
from gonghui.skills.certification.batches import batch_create
from gonghui.skills.certification.models import Batch, Licence, PilotEnterprise
from gonghui.skills.certification.occupations import occupation_by_code, occupation_ensure
from tests.factories import EnterpriseFactory, Tree, UserFactory, grant
from tests.skills.certification.factories import batch_fields, make_batch, make_pilot

pytestmark = pytest.mark.django_db


def test_only_a_union_above_the_enterprise_designates_it_once(tree: Tree) -> None:
    enterprise = EnterpriseFactory(union=tree.union)
    with pytest.raises(ValidationError, match="下级的基层工会"):  # the enterprise's own union cannot
        pilots.pilot_designate(actor=tree.union_cadre, enterprise=enterprise, by=tree.union)
    with pytest.raises(Http404):  # nor act for the county
        pilots.pilot_designate(actor=tree.union_cadre, enterprise=enterprise, by=tree.county)
    pilot = pilots.pilot_designate(actor=tree.cadre, enterprise=enterprise, by=tree.county)
    assert (pilot.org, pilot.designated_by) == (tree.union, tree.county)
    with pytest.raises(ValidationError, match="已经是认定试点企业"):
        pilots.pilot_designate(actor=tree.cadre, enterprise=enterprise, by=tree.county)
    assert PilotEnterprise.objects.count() == 1


def test_licences_are_filed_by_the_federation_and_checked(tree: Tree) -> None:
    pilot = make_pilot(tree)
    data = pilots.LicenceFields(
        occupation=occupation_by_code("6-18-02-04"),  # 焊工: a common occupation, made on first use
        lowest="4",
        highest="5",
        valid_from=dt.date(2025, 1, 1),
        valid_until=dt.date(2024, 1, 1),
        authority=" ",
    )
    with pytest.raises(PermissionDenied):  # the enterprise's staff cannot widen what they certify
        pilots.licence_add(actor=tree.union_cadre, pilot=pilot, data=data)
    with pytest.raises(ValidationError) as caught:
        pilots.licence_add(actor=tree.cadre, pilot=pilot, data=data)
    assert set(caught.value.message_dict) == {"highest", "valid_until", "authority"}
    with pytest.raises(ValidationError, match="没有编码为"):
        occupation_by_code("9-99-99-99")
    assert Licence.objects.count() == 1


def test_the_enterprise_keeps_its_pay_grade_table(tree: Tree) -> None:
    pilot = make_pilot(tree, grades=False)
    pilots.pay_grade_set(actor=tree.union_cadre, pilot=pilot, level="3", grade="技能三档", allowance=Decimal(300))
    row = pilots.pay_grade_set(actor=tree.union_cadre, pilot=pilot, level="3", grade="技能三档", allowance=Decimal(350))
    assert pilot.pay_grades.get().allowance == Decimal(350) == row.allowance
    with pytest.raises(ValidationError):
        pilots.pay_grade_set(actor=tree.union_cadre, pilot=pilot, level="3", grade="", allowance=Decimal(-1))
    with pytest.raises(Http404):
        pilots.pay_grade_set(actor=tree.outsider, pilot=pilot, level="3", grade="x", allowance=Decimal(1))


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"occupation": "welder"}, "没有“焊工”的认定资质"),
        ({"levels": ["3", "2"]}, "只包括五级/初级工至三级/高级工，不含二级/技师"),
        ({"starts_on": dt.date(2019, 12, 20), "ends_on": dt.date(2020, 1, 5)}, "认定资质有效期"),
        ({"ends_on": dt.date(2024, 5, 1)}, "不能早于开始日期"),
        ({"theory_pass": Decimal(120)}, "0到100之间"),
    ],
)
def test_a_batch_outside_the_licence_is_refused_with_its_reason(tree: Tree, overrides: dict, reason: str) -> None:
    pilot = make_pilot(tree)
    if overrides.get("occupation") == "welder":
        overrides["occupation"] = occupation_ensure(code="6-18-02-04", name="焊工")
    with pytest.raises(ValidationError) as caught:
        make_batch(tree, pilot, **overrides)
    assert reason in "；".join(caught.value.messages)
    assert not Batch.objects.exists()


def test_certification_staff_see_and_edit_only_their_own_batches(tree: Tree) -> None:
    ours = make_batch(tree, make_pilot(tree))
    other_pilot = make_pilot(tree, union=tree.other, name="富水电器有限公司")
    other_cadre = UserFactory(username="fushui-cadre")
    grant(other_cadre, tree.other)
    with pytest.raises(Http404):  # 城关's cadre cannot open a batch for 富水's enterprise
        make_batch(tree, other_pilot)
    theirs = batch_create(actor=other_cadre, pilot=other_pilot, data=batch_fields(name="富水第一批"))
    assert list(selectors.batches_for(tree.union_cadre)) == [ours]
    assert list(selectors.batches_for(other_cadre)) == [theirs]
    assert set(selectors.batches_for(tree.cadre)) == {ours, theirs}  # the county sees its subtree
    assert not selectors.batches_for(tree.outsider).exists()
    with pytest.raises(Http404):
        selectors.batch_get_for(tree.union_cadre, theirs.pk)
    assert selectors.batch_get_for(tree.cadre, theirs.pk) == theirs
    assert [p.enterprise.name for p in selectors.pilots_for(tree.union_cadre)] == ["商南电器有限公司"]

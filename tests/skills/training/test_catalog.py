"""Bases and teaching points (a station or an enterprise, never both), and courses."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gonghui.skills.training import catalog
from gonghui.skills.training.choices import BaseKind
from gonghui.skills.training.models import Course, TrainingBase
from tests.factories import EnterpriseFactory, Tree, make_station
from tests.skills.training.factories import electrician, make_course

pytestmark = pytest.mark.django_db


def test_a_base_is_a_station_or_an_enterprise_of_the_union(tree: Tree) -> None:
    station = make_station(tree.union, name="城关职工之家")
    base = catalog.base_create(
        actor=tree.cadre,
        org=tree.county,
        data=catalog.BaseFields(kind=BaseKind.BASE, name="城关培训基地", station=station),
    )
    assert base.station == station and base.address == station.address
    company = EnterpriseFactory(name="商南县茶叶联营公司", union=tree.union, address="城关镇茶园路1号")
    point = catalog.base_create(
        actor=tree.cadre,
        org=tree.county,
        data=catalog.BaseFields(kind=BaseKind.TEACHING_POINT, name="茶叶联营公司教学点", enterprise=company),
    )
    assert point.enterprise == company and point.address == "城关镇茶园路1号"


@pytest.mark.parametrize("both", [True, False])
def test_both_or_neither_host_is_refused(tree: Tree, both: bool) -> None:
    station = make_station(tree.union)
    company = EnterpriseFactory(union=tree.union)
    data = catalog.BaseFields(
        kind=BaseKind.BASE, name="基地", station=station if both else None, enterprise=company if both else None
    )
    with pytest.raises(ValidationError) as caught:
        catalog.base_create(actor=tree.cadre, org=tree.county, data=data)
    assert "二者选一" in str(caught.value)
    assert not TrainingBase.objects.exists()


def test_the_database_holds_one_host_too(tree: Tree) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingBase.objects.create(
            org=tree.county, kind=BaseKind.BASE, name="无依托", address="x", created_by=tree.cadre
        )


def test_a_station_of_another_union_is_refused(tree: Tree) -> None:
    elsewhere = make_station(tree.other)
    with pytest.raises(ValidationError) as caught:
        catalog.base_create(
            actor=tree.union_cadre,
            org=tree.union,
            data=catalog.BaseFields(kind=BaseKind.BASE, name="b", station=elsewhere),
        )
    assert "本会或下级工会" in str(caught.value)


def test_an_outsider_cannot_register_a_base(tree: Tree) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        catalog.base_create(
            actor=tree.outsider,
            org=tree.county,
            data=catalog.BaseFields(kind=BaseKind.BASE, name="b", enterprise=EnterpriseFactory(union=tree.union)),
        )


def test_a_course_names_its_trade_and_hours_once_per_union(tree: Tree) -> None:
    course = make_course(tree.cadre, tree.county, title="电工技能提升", hours="40")
    assert course.occupation == electrician() and course.hours == Decimal(40)
    with pytest.raises(ValidationError) as caught:
        make_course(tree.cadre, tree.county, title="电工技能提升")
    assert "同名课程" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        catalog.course_create(
            actor=tree.cadre, org=tree.county, data=catalog.CourseFields(title="茶树栽培", hours=Decimal(0))
        )
    assert "课程学时" in str(caught.value)
    assert Course.objects.count() == 1

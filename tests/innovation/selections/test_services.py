"""Selections with quotas: 全员创新企业 by score, honors by hand, notice, withdrawal, award."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.innovation.choices import NominationStatus, RoundKind
from gonghui.innovation.models import HonorTitle, Nomination
from gonghui.innovation.selections.services import (
    nominate,
    nomination_decide,
    nomination_withdraw,
    round_notice,
    round_open,
    round_publish,
    round_select_top,
)
from tests.factories import EnterpriseFactory
from tests.world import World

CRITERIA = [{"key": "system", "name": "创新制度", "max": 30}, {"key": "results", "name": "创新成果", "max": 70}]


def test_innovative_enterprises_default_to_ten_and_the_top_scores_are_selected(world: World) -> None:
    owner, year = world.users["owner"], timezone.localdate().year
    round_ = round_open(
        actor=owner,
        kind=RoundKind.INNOVATIVE_ENTERPRISE,
        org=world.county_a,
        year=year,
        name="全员创新企业",
        criteria=CRITERIA,
    )
    assert round_.quota == 10
    round_.quota = 2
    round_.save()
    for i, score in enumerate([60, 95, 80]):
        enterprise = EnterpriseFactory(union=world.union_a)
        nominate(
            actor=owner,
            round_=round_,
            nominated_by=world.union_a,
            kind="organisation",
            enterprise=enterprise,
            scores={"system": 25, "results": score - 25},
            deeds=f"第{i}家",
        )
    with pytest.raises(ValidationError, match="已在本次评选中"):
        nominate(actor=owner, round_=round_, nominated_by=world.union_a, kind="organisation", enterprise=enterprise)
    with pytest.raises(ValidationError, match="0 到 70"):
        nominate(
            actor=owner,
            round_=round_,
            nominated_by=world.union_a,
            kind="organisation",
            enterprise=EnterpriseFactory(union=world.union_a),
            scores={"results": 71},
        )
    assert round_select_top(actor=owner, round_=round_) == 2
    chosen = sorted(round_.nominations.filter(status=NominationStatus.SELECTED).values_list("score", flat=True))
    assert chosen == [Decimal("80.00"), Decimal("95.00")]


def test_an_honor_within_quota_through_notice_to_award(world: World) -> None:
    owner, year = world.users["owner"], timezone.localdate().year
    title = HonorTitle.objects.get(code="county-model-worker")
    round_ = round_open(
        actor=owner, kind=RoundKind.HONOR, org=world.county_a, year=year, name="县劳模", quota=1, title=title
    )
    with pytest.raises(ValidationError, match="只接受“个人”"):
        nominate(actor=owner, round_=round_, nominated_by=world.union_a, kind="team", team_name="数控班")
    first = nominate(
        actor=owner,
        round_=round_,
        nominated_by=world.union_a,
        kind="person",
        person=world.member.person,
        is_front_line=True,
    )
    second = nominate(
        actor=owner, round_=round_, nominated_by=world.union_a, kind="person", person=world.pending.person
    )
    with pytest.raises(ValidationError, match="已在本次评选中"):
        nominate(actor=owner, round_=round_, nominated_by=world.union_a, kind="person", person=world.member.person)
    with pytest.raises(ValidationError, match="不在该评选的推荐范围内"):
        nominate(
            actor=world.users["sibling"],
            round_=round_,
            nominated_by=world.union_b,
            kind="person",
            person=world.member.person,
        )
    nomination_decide(actor=owner, nomination=first, select=True)
    with pytest.raises(ValidationError, match="名额（1 个）已满"):
        nomination_decide(actor=owner, nomination=second, select=True)
    round_notice(actor=owner, round_=round_)
    assert Nomination.objects.get(pk=second.pk).status == NominationStatus.NOT_SELECTED
    with pytest.raises(ValidationError, match="公示期尚未结束"):
        round_publish(actor=owner, round_=round_)
    assert round_publish(actor=owner, round_=round_, today=timezone.localdate() + dt.timedelta(days=8)) == 1
    assert Nomination.objects.get(pk=first.pk).status == NominationStatus.AWARDED


def test_an_upheld_objection_withdraws_the_nominee_before_the_award(world: World) -> None:
    owner, year = world.users["owner"], timezone.localdate().year
    title = HonorTitle.objects.get(code="gold-medal-employee")
    round_ = round_open(
        actor=owner, kind=RoundKind.HONOR, org=world.county_a, year=year, name="金牌员工", quota=5, title=title
    )
    nomination = nominate(
        actor=owner, round_=round_, nominated_by=world.union_a, kind="person", person=world.member.person
    )
    nomination_decide(actor=owner, nomination=nomination, select=True)
    round_notice(actor=owner, round_=round_)
    nomination_withdraw(actor=owner, nomination=nomination, reason="群众反映事迹不实，经核实撤销")
    assert round_publish(actor=owner, round_=round_, today=timezone.localdate() + dt.timedelta(days=8)) == 0


def test_the_public_list_shows_nominees_on_notice_then_the_conferred(world: World) -> None:
    from django.test import Client

    owner, year = world.users["owner"], timezone.localdate().year
    title = HonorTitle.objects.get(code="county-model-worker")
    round_ = round_open(
        actor=owner, kind=RoundKind.HONOR, org=world.county_a, year=year, name="县劳模", quota=1, title=title
    )
    nomination = nominate(
        actor=owner, round_=round_, nominated_by=world.union_a, kind="person", person=world.member.person
    )
    assert Client().get(f"/h5/innovation/selections/{round_.pk}/").status_code == 404  # still nominating
    nomination_decide(actor=owner, nomination=nomination, select=True)
    round_notice(actor=owner, round_=round_)
    assert "李在册" in Client().get(f"/h5/innovation/selections/{round_.pk}/").content.decode()
    round_publish(actor=owner, round_=round_, today=timezone.localdate() + dt.timedelta(days=8))
    page = Client().get(f"/h5/innovation/selections/{round_.pk}/").content.decode()
    assert "授予名单" in page and "李在册" in page

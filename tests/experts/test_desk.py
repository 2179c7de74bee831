"""The desk's closed loop and its recommendation ranking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Expert, Need
from gonghui.experts.recommend import recommend
from gonghui.experts.selectors import needs_for
from gonghui.experts.services import (
    dispatch_complete,
    dispatch_expert,
    need_close_unresolved,
    need_confirm,
    need_escalate,
    service_record_add,
)
from tests.experts.conftest import enrol
from tests.world import World


def test_a_matching_specialist_ranks_above_others_and_load_lowers_rank(world: World, flow_meter_need: Need) -> None:
    meter = enrol(world, "陈立新", 1, ["电磁流量计", "仪表维修"], industry="C", bio="长期从事流量计和PLC控制系统维护。")
    busy_meter = enrol(world, "周海峰", 2, ["电磁流量计", "仪表维修"], industry="C", bio="仪表工。")
    welder = enrol(world, "孙国庆", 3, ["焊接", "压力容器"], industry="C")
    far = enrol(world, "马志强", 4, ["电磁流量计"], region="320925")  # another county
    Expert.objects.filter(pk=busy_meter.pk).update(active_load=2)
    full = enrol(world, "何春梅", 5, ["电磁流量计"], max_load=1)
    Expert.objects.filter(pk=full.pk).update(active_load=1)
    resting = enrol(world, "罗红霞", 6, ["电磁流量计"], available=False)
    ranked = recommend(flow_meter_need)
    order = [r.expert_id for r in ranked]
    assert order[0] == meter.pk
    assert order.index(meter.pk) < order.index(busy_meter.pk) < order.index(welder.pk)
    assert order.index(meter.pk) < order.index(far.pk)
    assert full.pk not in order and resting.pk not in order
    reasons = " ".join(ranked[0].reasons)
    assert "电磁流量计" in reasons and "制造业" in reasons and "同在一个县区" in reasons


def test_the_closed_loop_from_dispatch_to_the_enterprises_rating(world: World, flow_meter_need: Need) -> None:
    owner = world.users["owner"]
    expert = enrol(world, "陈立新", 1, ["电磁流量计"])
    dispatch = dispatch_expert(actor=owner, need=flow_meter_need, expert=expert)
    assert Expert.objects.get(pk=expert.pk).active_load == 1 and "电磁流量计" in " ".join(dispatch.reasons)
    with pytest.raises(ValidationError, match="已向该专家派过"):
        dispatch_expert(actor=owner, need=flow_meter_need, expert=expert)
    with pytest.raises(ValidationError, match="先登记服务记录"):
        dispatch_complete(actor=owner, dispatch=dispatch)
    service_record_add(
        actor=owner,
        dispatch=dispatch,
        served_on=timezone.localdate(),
        hours=Decimal("6"),
        diagnosis="流量计接地不良，变频器干扰",
        solution="重做接地、信号线加屏蔽",
        workers_trained=12,
        benefit_yuan=Decimal("80000"),
        benefit_evidence="减少停机 20 小时",
    )
    need = dispatch_complete(actor=owner, dispatch=dispatch)
    assert need.status == NeedStatus.AWAITING and Expert.objects.get(pk=expert.pk).active_load == 0
    enterprise = world.enterprise
    with pytest.raises(ValidationError, match="1 到 5 分"):
        need_confirm(enterprise=enterprise, need=need, resolved=True, rating=None)
    need = need_confirm(enterprise=enterprise, need=need, resolved=True, rating=5, comment="解决了，感谢劳模")
    assert (need.status, need.rating) == (NeedStatus.RESOLVED, 5)


def test_the_portal_finds_the_enterprises_of_a_proven_contact_phone(world: World) -> None:
    from gonghui.experts.selectors import enterprises_of_contact
    from gonghui.members.identity import mobile_hmac

    assert list(enterprises_of_contact(mobile_hmac("13912345678"))) == [world.enterprise]
    assert not enterprises_of_contact(mobile_hmac("13900000000")).exists()


def test_not_resolved_goes_back_to_the_desk_which_closes_with_a_reason_or_escalates(
    world: World, flow_meter_need: Need
) -> None:
    owner = world.users["owner"]
    expert = enrol(world, "陈立新", 1, ["电磁流量计"])
    dispatch = dispatch_expert(actor=owner, need=flow_meter_need, expert=expert)
    service_record_add(
        actor=owner,
        dispatch=dispatch,
        served_on=timezone.localdate(),
        hours=Decimal(2),
        diagnosis="初步检查传感器",
        solution="更换电极未见好转",
    )
    need = dispatch_complete(actor=owner, dispatch=dispatch)
    need = need_confirm(enterprise=world.enterprise, need=need, resolved=False, rating=None, comment="仍然跳变")
    assert need.status == NeedStatus.OPEN
    with pytest.raises(ValidationError, match="原因"):
        need_close_unresolved(actor=owner, need=need, reason=" ")
    need = need_escalate(actor=owner, need=need, reason="需要市级仪表专家")
    assert (need.status, need.escalated_to) == (NeedStatus.ESCALATED, world.town_a)  # the union's parent
    upstairs = Need.objects.get(org=world.town_a)
    assert upstairs.status == NeedStatus.OPEN and "上报" in upstairs.problem
    assert Expert.objects.get(pk=expert.pk).active_load == 0


def test_overdue_needs_are_flagged_and_outsiders_see_none(world: World, flow_meter_need: Need) -> None:
    Need.objects.filter(pk=flow_meter_need.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    Need.objects.exclude(pk=flow_meter_need.pk).update(due_on=timezone.localdate())  # the World's own need: due today
    owner = world.users["owner"]
    assert {n.pk: n.overdue for n in needs_for(owner)} == {flow_meter_need.pk: True, world.need.pk: False}
    assert list(needs_for(owner, overdue=True)) == [flow_meter_need]
    assert not needs_for(world.users["sibling"]).exists()
    with pytest.raises(Http404):
        dispatch_expert(actor=world.users["sibling"], need=flow_meter_need, expert=enrol(world, "陈", 9, ["x"]))

"""The enterprise portal (post, follow, confirm) and the desk's need page with ranked recommendations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Need
from gonghui.experts.services import dispatch_complete, service_record_add
from tests.experts.conftest import enrol
from tests.world import World


def _portal(world: World, **overrides: str) -> str:
    data = {
        "uscc": world.enterprise.uscc,
        "phone": "13912345678",
        "category": "equipment",
        "title": "控制柜过热",
        "problem": "夏天电气控制柜温度过高，变频器频繁过热保护停机。",
        "equipment": "电气控制柜",
        "urgency": "high",
        "contact_name": "王经理",
        "contact_phone": "13912345678",
    } | overrides
    return Client().post(f"/h5/desk/{world.county_a.code}/", data).content.decode()


def test_an_enterprise_posts_a_need_with_its_code_and_phone(world: World) -> None:
    assert "需求已提交" in _portal(world)
    need = Need.objects.get(title="控制柜过热")
    assert (need.org, need.channel, need.due_on) == (
        world.county_a,
        "portal",
        timezone.localdate() + dt.timedelta(days=7),
    )
    assert "不一致" in _portal(world, phone="13800000000", title="冒名需求")
    assert "不在" in Client().post(f"/h5/desk/{world.county_b.code}/", {**_data_of(world)}).content.decode()
    assert not Need.objects.filter(title="冒名需求").exists()


def _data_of(world: World) -> dict[str, str]:
    return {
        "uscc": world.enterprise.uscc,
        "phone": "13912345678",
        "category": "equipment",
        "title": "跨县需求",
        "problem": "这是一个发到别的县的需求描述。",
        "urgency": "low",
        "contact_name": "王经理",
        "contact_phone": "13912345678",
    }


def test_the_desk_ranks_experts_and_the_enterprise_confirms_on_the_portal(world: World) -> None:
    _portal(world)
    need = Need.objects.get(title="控制柜过热")
    cabinet = enrol(world, "陈立新", 1, ["电气控制柜", "变频器"])
    enrol(world, "孙国庆", 2, ["焊接"])
    client = Client()
    client.force_login(world.users["owner"])
    page = client.get(f"/experts/needs/{need.pk}/").content.decode()
    assert page.index("陈立新") < page.index("孙国庆") and "电气控制柜" in page
    client.post(f"/experts/needs/{need.pk}/dispatch/", {"expert": cabinet.pk})
    dispatch = need.dispatches.get()
    service_record_add(
        actor=world.users["owner"],
        dispatch=dispatch,
        served_on=timezone.localdate(),
        hours=Decimal(3),
        diagnosis="散热风道堵塞",
        solution="清理风道、加装轴流风机",
        workers_trained=6,
    )
    dispatch_complete(actor=world.users["owner"], dispatch=dispatch)
    sign_in = {"uscc": world.enterprise.uscc, "phone": "13912345678"}
    mine = Client().post("/h5/desk/mine/", sign_in).content.decode()
    assert "控制柜过热" in mine and 'name="resolved"' in mine
    done = Client().post(
        "/h5/desk/mine/", {**sign_in, "need": need.pk, "resolved": "1", "rating": "5", "comment": "很好"}
    )
    assert "感谢您的评价" in done.content.decode()
    need.refresh_from_db()
    assert (need.status, need.rating) == (NeedStatus.RESOLVED, 5)

"""The enterprise portal (post, follow, confirm) and the desk's need page with ranked recommendations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.pii_crypto import blind_index
from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Need
from gonghui.experts.services import dispatch_complete, service_record_add
from tests.experts.conftest import enrol
from tests.world import World

CONTACT = "13912345678"  # the world's enterprise keeps this contact phone on record


def contact_client(mobile: str = CONTACT) -> Client:
    """A visitor who proved `mobile` with a sign-in code, asking for the desk (no member account needed)."""
    client = Client()
    client.post(reverse("portal:signin"), {"mobile": mobile, "for": "phone", "next": "/h5/desk/mine/"})
    code = ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]
    proved = client.post(
        reverse("portal:signin"), {"step": "code", "code": code, "for": "phone", "next": "/h5/desk/mine/"}
    )
    assert proved["Location"] == "/h5/desk/mine/"
    return client


NEED = {
    "category": "equipment",
    "title": "控制柜过热",
    "problem": "夏天电气控制柜温度过高，变频器频繁过热保护停机。",
    "equipment": "电气控制柜",
    "urgency": "high",
    "contact_name": "王经理",
    "contact_phone": CONTACT,
}


def _portal(world: World, client: Client | None = None, org: Any = None, **overrides: str) -> str:
    client = client or contact_client()
    data = {"enterprise": world.enterprise.pk} | NEED | overrides
    return client.post(f"/h5/desk/{(org or world.county_a).code}/", data).content.decode()


def test_an_enterprise_posts_a_need_once_its_contact_proved_the_phone_on_record(world: World) -> None:
    assert Client().get(f"/h5/desk/{world.county_a.code}/")["Location"].startswith("/h5/me/signin/")
    contact = contact_client()
    assert "需求已提交" in _portal(world, contact)
    need = Need.objects.get(title="控制柜过热")
    assert (need.org, need.channel, need.due_on) == (
        world.county_a,
        "portal",
        timezone.localdate() + dt.timedelta(days=7),
    )
    stranger = contact_client("13800000000")  # proved a number, but no enterprise keeps it on record
    assert "不是" in _portal(world, stranger, title="冒名需求")
    # its enterprise is not under county B:
    assert "不是" in _portal(world, contact, org=world.county_b, title="跨县需求")
    assert not Need.objects.filter(title__in=["冒名需求", "跨县需求"]).exists()


def test_the_desk_ranks_experts_and_the_enterprise_confirms_on_the_portal(world: World) -> None:
    contact = contact_client()
    _portal(world, contact)
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
    mine = contact.get("/h5/desk/mine/").content.decode()
    assert "控制柜过热" in mine and 'name="resolved"' in mine
    assert "控制柜过热" not in contact_client("13800000001").get("/h5/desk/mine/").content.decode()
    done = contact.post("/h5/desk/mine/", {"need": need.pk, "resolved": "1", "rating": "5", "comment": "很好"})
    assert "感谢您的评价" in done.content.decode()
    need.refresh_from_db()
    assert (need.status, need.rating) == (NeedStatus.RESOLVED, 5)

"""The desk over the API: a confirmation recorded by a cadre with evidence, and needs by subtree and year."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.utils import timezone

from gonghui.experts.choices import NeedStatus
from gonghui.experts.models import Need
from gonghui.experts.services import dispatch_complete, dispatch_expert, service_record_add
from tests.experts.conftest import enrol
from tests.world import World


def _awaiting(world: World, need: Need) -> Need:
    owner = world.users["owner"]
    dispatch = dispatch_expert(actor=owner, need=need, expert=enrol(world, "陈立新", 1, ["电磁流量计"]))
    service_record_add(
        actor=owner,
        dispatch=dispatch,
        served_on=timezone.localdate(),
        hours=Decimal("4"),
        diagnosis="接地不良",
        solution="重做接地",
        workers_trained=3,
        benefit_yuan=Decimal("1000"),
        benefit_evidence="少停机",
    )
    return dispatch_complete(actor=owner, dispatch=dispatch)


def _api(world: World, persona: str = "owner") -> Client:
    return Client(headers={"Authorization": f"Bearer {world.tokens[persona]}"})


def test_a_cadre_records_the_enterprise_s_confirmation_with_evidence(world: World, flow_meter_need: Need) -> None:
    need = _awaiting(world, flow_meter_need)
    url = f"/api/v1/experts/needs/{need.pk}/confirm"
    no_evidence = _api(world).post(
        url, {"resolved": True, "rating": 5, "evidence": " "}, content_type="application/json"
    )
    assert no_evidence.status_code == 422 and "如何确认" in no_evidence.json()["detail"]
    refused = _api(world, "sibling").post(
        url, {"resolved": True, "rating": 5, "evidence": "电话"}, content_type="application/json"
    )
    assert refused.status_code == 404
    body = {"resolved": True, "rating": 4, "comment": "基本解决", "evidence": "11月30日电话回访王经理"}
    answer = _api(world).post(url, body, content_type="application/json")
    assert answer.status_code == 200 and answer.json()["status"] == NeedStatus.RESOLVED
    need.refresh_from_db()
    assert need.rating == 4 and need.confirmed_by == world.users["owner"]
    assert need.confirmation_evidence == "11月30日电话回访王经理"


def test_the_need_page_offers_the_recorded_confirmation_only_while_awaiting(
    world: World, flow_meter_need: Need
) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    assert "代企业登记确认" not in client.get(f"/experts/needs/{flow_meter_need.pk}/").content.decode()
    need = _awaiting(world, flow_meter_need)
    assert "代企业登记确认" in client.get(f"/experts/needs/{need.pk}/").content.decode()
    client.post(f"/experts/needs/{need.pk}/confirm/", {"resolved": "0", "comment": "还会跳", "evidence": "现场回访"})
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN and need.confirmation_evidence == "现场回访"


def test_needs_filter_by_subtree_and_year(world: World, flow_meter_need: Need) -> None:
    this_year = timezone.localdate().year
    rows = _api(world).get("/api/v1/experts/needs", {"under": world.union_a.code, "year": this_year}).json()
    assert flow_meter_need.pk in [n["id"] for n in rows["items"]]
    assert _api(world).get("/api/v1/experts/needs", {"under": world.joint_a.code}).json()["items"] == [] or all(
        n["id"] != flow_meter_need.pk
        for n in _api(world).get("/api/v1/experts/needs", {"under": world.joint_a.code}).json()["items"]
    )
    assert _api(world).get("/api/v1/experts/needs", {"year": this_year - 1}).json()["items"] == []
    assert _api(world).get("/api/v1/experts/needs", {"year": 99999}).status_code == 422

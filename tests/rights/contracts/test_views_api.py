"""The workbench pages (the list and the expiring list in a few queries; opening a regional contract with an
enterprise outside the union refused) and the API (the signing guard as a 422 that changes nothing)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.test import Client
from django.urls import reverse

from gonghui.accounts.services import api_token_issue
from gonghui.rights.contracts.models import Contract, Reminder
from tests.factories import Tree
from tests.rights.contracts.factories import TODAY, congress, firm, signed


def _desk(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_lists_read_in_a_few_queries(tree: Tree, django_assert_max_num_queries: Any) -> None:
    for i in range(15):
        contract = signed(firm(tree.union if i % 2 else tree.other, name=f"企业{i}"), tree.cadre, ends_in=10 + 10 * i)
        Reminder.objects.create(contract=contract, days=90)
    client = _desk(tree.cadre)
    for name, marker in (("contracts:list", "企业14"), ("contracts:expiring", "企业8")):
        client.get(reverse(name))
        with django_assert_max_num_queries(10):
            page = client.get(reverse(name)).content.decode()
        assert marker in page, name
    soon = client.get(reverse("contracts:list"), {"soon": "on"}).content.decode()
    assert "企业7" in soon and "企业9" not in soon  # 80 days is within 90; 100 is not
    narrowed = client.get(reverse("contracts:list"), {"under": tree.union.code}).content.decode()
    assert "企业13" in narrowed and "企业12" not in narrowed
    assert "企业13" not in _desk(tree.outsider).get(reverse("contracts:list")).content.decode()


def test_opening_a_contract_on_the_workbench(tree: Tree) -> None:
    inside, outside = firm(tree.union, name="园区企业甲"), firm(tree.stranger, name="泰安企业")
    client = _desk(tree.cadre)
    base = {
        "level": "regional",
        "kind": "wage",
        "title": "园区薪酬分配区域性集体合同",
        "org": tree.county.code,
        "enterprises": f"{inside.uscc}\n{outside.uscc}",
        "offered_by": "union",
        "offered_on": TODAY().isoformat(),
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() - dt.timedelta(days=1)).isoformat(),
    }
    page = client.post(reverse("contracts:new"), base).content.decode()
    assert "不能纳入合同覆盖" in page and not Contract.objects.exists()
    page = client.post(reverse("contracts:new"), {**base, "enterprises": inside.uscc}).content.decode()
    assert "期限止不能早于期限起" in page and not Contract.objects.exists()
    ends = (TODAY() + dt.timedelta(days=700)).isoformat()
    response = client.post(reverse("contracts:new"), {**base, "enterprises": inside.uscc, "ends_on": ends})
    contract = Contract.objects.get()
    assert response.status_code == 302 and contract.coverage.get().enterprise == inside
    detail = client.get(reverse("contracts:detail", args=[contract.pk])).content.decode()
    assert "园区企业甲" in detail and "登记协商会议" in detail


def test_the_api_refuses_signing_without_deliberation(tree: Tree) -> None:
    factory = firm(tree.union)
    client = Client(headers={"Authorization": f"Bearer {api_token_issue(user=tree.cadre, name='t').secret}"})

    def post(name: str, body: dict[str, Any], *args: Any) -> Any:
        return client.post(reverse(f"api:{name}", args=args), json.dumps(body), content_type="application/json")

    today = TODAY()
    made = post(
        "contracts_create",
        {
            "org_code": tree.union.code,
            "level": "enterprise",
            "kind": "wage",
            "title": "工资专项集体合同",
            "enterprises": [factory.uscc],
            "offered_on": (today - dt.timedelta(days=30)).isoformat(),
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=700)).isoformat(),
            "wage_growth": "6.5",
        },
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    post("contracts_meeting", {"held_on": (today - dt.timedelta(days=20)).isoformat(), "summary": "第一轮"}, pk)
    refused = post("contracts_sign", {"on": today.isoformat()}, pk)
    assert refused.status_code == 422 and "职工代表大会审议通过后方可签订" in refused.json()["detail"]
    assert Contract.objects.get().stage == "negotiating"
    session = congress(factory, tree.cadre, held_on=today - dt.timedelta(days=5))
    assert post("contracts_deliberate", {"session_id": session.pk}, pk).json()["stage"] == "deliberated"
    assert post("contracts_sign", {"on": today.isoformat()}, pk).json()["stage"] == "signed"
    listed = client.get(reverse("api:contracts_list"), {"year": today.year, "kind": "wage"}).json()
    assert [c["id"] for c in listed] == [pk]

"""The wishes API: list (scoped, few queries), detail, create, vet, claim, fulfil; clear 422s that change nothing."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from gonghui.accounts.services import api_token_issue
from gonghui.api import api
from gonghui.wishes.models import Claim, Wish
from tests.factories import Tree, id_number
from tests.wishes.factories import make_wish


def _client(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def _post(client: Client, name: str, body: dict[str, Any], *args: Any) -> Any:
    return client.post(reverse(f"api:{name}", args=args), json.dumps(body), content_type="application/json")


def test_create_vet_claim_fulfil(tree: Tree) -> None:
    client = _client(tree.cadre)
    body = {
        "org_code": tree.union.code,
        "title": "一箱牛奶",
        "text": "孩子读初一，想喝牛奶。",
        "public_text": "一名初一学生想要一箱牛奶。",
        "value": "68.5",
        "category": "food",
    }
    made = _post(client, "wishes_create", body)
    assert made.status_code == 201, made.content
    wish_id = made.json()["id"]
    assert made.json()["status"] == "pending" and made.json()["claims"] == []
    unapproved = _post(client, "wishes_claim", {"kind": "cadre"}, wish_id)
    assert unapproved.status_code == 422 and "尚未审核通过" in unapproved.json()["detail"]
    vetted = _post(client, "wishes_vet", {"approve": True}, wish_id)
    assert vetted.json()["status"] == "open" and vetted.json()["public_text"] == "一名初一学生想要一箱牛奶。"
    claim = _post(client, "wishes_claim", {"kind": "enterprise", "donor_name": "盐城爱心乳业"}, wish_id)
    assert claim.status_code == 201 and claim.json()["donor_name"] == "盐城爱心乳业"
    again = _post(client, "wishes_claim", {"kind": "cadre"}, wish_id)
    assert again.status_code == 422 and "已被他人认领" in again.json()["detail"]
    done = _post(client, "wishes_fulfil", {"note": "已送到学校"}, claim.json()["id"])
    assert done.json()["status"] == "fulfilled"
    detail = client.get(reverse("api:wishes_get", args=[wish_id])).json()
    assert detail["status"] == "fulfilled" and detail["donor"] == "盐城爱心乳业" and len(detail["claims"]) == 1


def test_bad_input_gets_a_chinese_422_and_changes_nothing(tree: Tree) -> None:
    client = _client(tree.cadre)
    base = {"org_code": tree.union.code, "title": "书包", "text": "想要书包", "value": "100"}
    dear = _post(client, "wishes_create", {**base, "value": "501"})
    assert dear.status_code == 422 and "超过了本会的上限500元" in dear.json()["detail"]
    leaky = _post(client, "wishes_create", {**base, "public_text": f"证件{id_number(5)}"})
    assert leaky.status_code == 422 and "身份证号码" in leaky.json()["detail"]
    zero = _post(client, "wishes_create", {**base, "value": "0"})
    assert zero.status_code == 422
    assert not Wish.objects.exists()
    assert _post(client, "wishes_fulfil", {"note": "x"}, 999).status_code == 404


def test_the_scope_holds_and_the_list_reads_in_a_few_queries(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        make_wish(tree.union, tree.cadre, title=f"心愿{i}")
    wish = Wish.objects.first()
    assert wish is not None
    with django_assert_max_num_queries(8):
        page = _client(tree.cadre).get(reverse("api:wishes_list")).json()
    assert len(page["items"]) == 30
    outsider = _client(tree.outsider)
    assert outsider.get(reverse("api:wishes_list")).json()["items"] == []
    assert outsider.get(reverse("api:wishes_get", args=[wish.pk])).status_code == 404
    assert _post(outsider, "wishes_claim", {"kind": "cadre"}, wish.pk).status_code == 404
    assert not Claim.objects.exists()


def test_schema_names_are_prefixed_and_operations_present() -> None:
    schema = api.get_openapi_schema()
    names = set(schema["components"]["schemas"])
    assert {"WishOut", "WishDetailOut", "WishIn", "WishVetIn", "WishClaimIn", "WishClaimOut", "WishFulfilIn"} <= names
    ops = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {"wishes_list", "wishes_get", "wishes_create", "wishes_vet", "wishes_claim", "wishes_fulfil"} <= ops

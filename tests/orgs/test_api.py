import json

from django.test import Client

from gonghui.accounts.services import api_token_issue
from tests.factories import UserFactory
from tests.world import World


def call(world: World, persona: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    client = Client()
    response = getattr(client, method)(
        f"/api/v1{path}",
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.tokens[persona]}"},
    )
    return response.status_code, response.json()


def test_list_is_scoped_and_paginated(world: World) -> None:
    status, body = call(world, "owner", "get", "/orgs?limit=2")
    assert status == 200 and body["count"] == 4 and len(body["items"]) == 2


def test_validation_errors_are_422_with_chinese_field_messages(world: World) -> None:
    status, body = call(
        world,
        "owner",
        "post",
        f"/orgs/{world.town_a.code}/children",
        {"name": "X", "kind": "grassroots", "region_code": "000000"},
    )
    assert status == 422
    assert "行政区划代码不存在" in body["errors"]["region_code"][0]


def test_create_and_move_round_trip(world: World) -> None:
    status, body = call(
        world,
        "same",
        "post",
        f"/orgs/{world.town_a.code}/children",
        {"name": "新就业形态工会", "kind": "grassroots", "region_code": "320904", "code": "xjy"},
    )
    assert status == 201 and body["code"] == "xjy" and body["depth"] == world.town_a.depth + 1
    status, body = call(world, "same", "post", "/orgs/xjy/move", {"new_parent": world.joint_a.code})
    assert status == 200 and body["depth"] == world.joint_a.depth + 1


def test_bad_token_is_401(world: World) -> None:
    response = Client().get("/api/v1/me", headers={"Authorization": "Bearer gh_nope_nope"})
    assert response.status_code == 401


def test_me_lists_roles(world: World) -> None:
    status, body = call(world, "owner", "get", "/me")
    assert status == 200 and body["roles"] == [{"org_code": "w-county-a", "org_name": "大丰区总工会", "role": "admin"}]


def test_terms_list_seats(world: World) -> None:
    from gonghui.orgs.models import CommitteeSeat

    CommitteeSeat.objects.create(term=world.term, person_name="郑向乐", position="chair")
    status, body = call(world, "owner", "get", f"/orgs/{world.union_a.code}/terms")
    assert status == 200 and body[0]["seats"] == [
        {"person_name": "郑向乐", "position": "chair", "is_front_line": False}
    ]


def test_patch_changes_only_the_fields_sent(world: World) -> None:
    from gonghui.orgs.models import OrgNode

    OrgNode.objects.filter(pk=world.union_a.pk).update(address="大中街道 88 号", is_active=False)
    before = OrgNode.objects.get(pk=world.union_a.pk)
    status, _body = call(world, "owner", "patch", f"/orgs/{world.union_a.code}", {"chair_name": "新主席"})
    after = OrgNode.objects.get(pk=world.union_a.pk)
    assert status == 200 and after.chair_name == "新主席"
    assert (after.uscc, after.address, after.is_active, after.name) == (
        before.uscc,
        "大中街道 88 号",
        False,  # a revoked union stays revoked
        before.name,
    )


def test_an_enterprise_s_contact_is_set_and_changed_and_shown_masked(world: World) -> None:
    token = {"Authorization": f"Bearer {world.tokens['owner']}"}
    url = f"/api/v1/enterprises/{world.enterprise.pk}"
    changed = Client().patch(
        url, {"contact_name": "李厂长", "contact_phone": "13812345678"}, content_type="application/json", headers=token
    )
    body = changed.json()
    assert changed.status_code == 200 and body["contact_name"] == "李厂长" and body["contact_phone"] == "138****5678"
    world.enterprise.refresh_from_db()
    assert world.enterprise.contact_phone.reveal() == "13812345678" and world.enterprise.name == "大丰测试机械有限公司"
    kept = Client().patch(url, {"contact_phone": ""}, content_type="application/json", headers=token)
    assert kept.json()["contact_phone"] == "138****5678"  # blank keeps the number on record
    bad = Client().patch(url, {"contact_phone": "110"}, content_type="application/json", headers=token)
    assert bad.status_code == 422 and "contact_phone" in bad.json()["errors"]


def test_only_a_platform_administrator_creates_a_top_level_union(world: World) -> None:
    body = {"name": "连云港市总工会", "kind": "fed_city", "region_code": "320700", "code": "lyg"}
    owner = Client(headers={"Authorization": f"Bearer {world.tokens['owner']}"})
    assert owner.post("/api/v1/orgs", body, content_type="application/json").status_code == 403
    admin = UserFactory(username="platform-admin", is_superuser=True)
    token = api_token_issue(user=admin, name="t").secret
    created = Client().post(
        "/api/v1/orgs", body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )
    assert created.status_code == 201 and created.json()["depth"] == 1

import json
from typing import Any

from django.test import Client

from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.pii_crypto import blind_index
from gonghui.members.models import Membership
from gonghui.members.services import NEUTRAL_ANSWER
from tests.members.conftest import make_id
from tests.world import World


def call(world: World, persona: str | None, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    headers = {"Authorization": f"Bearer {world.tokens[persona]}"} if persona else {}
    response = getattr(Client(), method)(
        f"/api/v1{path}",
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
        headers=headers,
    )
    return response.status_code, response.json()


NEUTRAL = {"outcome": "received", "message": str(NEUTRAL_ANSWER), "application_id": None}


def test_public_join_then_duplicate_then_progress_with_a_code(world: World) -> None:
    body = {
        "org_code": world.union_a.code,
        "name": "周快递",
        "id_number": make_id(55),
        "mobile": "13955550000",
        "employment_form": "courier",
        "consent": True,
    }
    assert call(world, None, "post", "/join", body) == (200, NEUTRAL)
    assert call(world, None, "post", "/join", body) == (200, NEUTRAL)
    assert Membership.objects.filter(person__name="周快递", status="pending").count() == 1
    ask = {"id_number": make_id(55), "mobile": "13955550000", "code": "000000"}
    status, refused = call(world, None, "post", "/join/progress", ask)
    assert status == 422 and "验证码" in refused["detail"]
    assert call(world, None, "post", "/phone-codes", {"mobile": "13955550000"})[0] == 200
    code = ConsoleSmsBackend.outbox[blind_index("13955550000", purpose="mobile")]
    status, rows = call(world, None, "post", "/join/progress", {**ask, "code": code})
    assert status == 200 and rows[0]["status"] == "pending"


def test_join_validation_is_422_with_field_messages(world: World) -> None:
    status, body = call(
        world,
        None,
        "post",
        "/join",
        {"org_code": world.union_a.code, "name": "周", "id_number": "1", "mobile": "1", "consent": False},
    )
    assert status == 422 and set(body["errors"]) == {"name", "id_number", "mobile", "consent"}


def test_list_is_keyset_paged_and_masked(world: World) -> None:
    status, page = call(world, "owner", "get", "/members?limit=1")
    assert status == 200 and len(page["items"]) == 1 and page["next_after"]
    everyone, after = page["items"], page["next_after"]
    while after:  # pages of 5 to the end, each row once
        status, rest = call(world, "owner", "get", f"/members?limit=5&after={after}")
        assert 1 <= len(rest["items"]) <= 5
        everyone, after = everyone + rest["items"], rest["next_after"]
    assert len({m["id"] for m in everyone}) == len(everyone)
    assert {"110105********002X", "320904********0014"} <= {m["id_number_masked"] for m in everyone}
    assert all("*" in m["id_number_masked"] for m in everyone)
    status, other = call(world, "sibling", "get", "/members")
    assert other["items"] == []


def test_reject_requires_a_reason(world: World) -> None:
    status, body = call(world, "owner", "post", f"/members/{world.pending.pk}/reject", {"reason": ""})
    assert status == 422 and "原因" in body["detail"]


def test_public_join_follows_the_union_auto_approval_switch_and_refuses_a_revoked_union(world: World) -> None:
    from gonghui.members.models import JoinPolicy

    body = {
        "org_code": world.union_a.code,
        "name": "吴外卖",
        "id_number": make_id(56),
        "mobile": "13955550001",
        "consent": True,
    }
    JoinPolicy.objects.create(org=world.union_a, auto_approve=True)
    assert call(world, None, "post", "/join", body) == (200, NEUTRAL)
    assert Membership.objects.get(person__name="吴外卖").status == "active"
    world.union_a.is_active = False
    world.union_a.save(update_fields=["is_active"])
    status, _ = call(world, None, "post", "/join", {**body, "id_number": make_id(57), "name": "郑外卖"})
    assert status == 404 and not Membership.objects.filter(person__name="郑外卖").exists()


def test_a_full_id_or_mobile_is_searched_in_the_body_never_in_the_url(world: World) -> None:
    status, body = call(world, "owner", "get", "/members?q=320904198506120014")
    assert status == 422 and "POST /api/v1/members/search" in str(body)
    for number in ("320904198506120014", "13900000002"):
        status, page = call(world, "owner", "post", "/members/search", {"q": number})
        assert status == 200 and [m["name"] for m in page["items"]] == ["李在册"], number
    status, page = call(world, "sibling", "post", "/members/search", {"q": "320904198506120014"})
    assert status == 200 and page["items"] == []  # another county's cadre finds nobody


def test_join_tells_a_cadre_of_the_union_the_application_id_and_the_public_nothing(world: World) -> None:
    body = {
        "org_code": world.union_a.code,
        "name": "钱骑手",
        "id_number": make_id(77),
        "mobile": "13977770000",
        "employment_form": "courier",
        "consent": True,
    }
    status, answer = call(world, "owner", "post", "/join", body)
    application = Membership.objects.get(person__name="钱骑手")
    assert status == 200 and answer["application_id"] == application.pk and answer["outcome"] == "applied"
    assert call(world, None, "post", "/join", body) == (200, NEUTRAL)
    # A cadre beside the union is the public here: nothing about a person outside their scope.
    assert call(world, "sibling", "post", "/join", body) == (200, NEUTRAL)
    elsewhere = {**body, "org_code": world.union_b.code}
    assert call(world, "sibling", "post", "/join", elsewhere)[1]["application_id"] is None


def test_a_member_s_editable_details_change_over_the_api(world: World) -> None:
    status, member = call(world, "owner", "patch", f"/members/{world.member.pk}", {"is_migrant_worker": True})
    assert status == 200 and member["is_migrant_worker"] is True
    status, member = call(world, "owner", "patch", f"/members/{world.member.pk}", {"occupation": "叉车司机"})
    assert member["occupation"] == "叉车司机" and member["is_migrant_worker"] is True  # untouched fields stay
    status, refused = call(world, "owner", "patch", f"/members/{world.member.pk}", {"mobile": "12345"})
    assert status == 422 and "mobile" in refused["errors"]
    assert call(world, "sibling", "patch", f"/members/{world.member.pk}", {"is_migrant_worker": False})[0] == 404

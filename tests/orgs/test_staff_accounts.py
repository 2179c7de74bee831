"""Staff accounts a cadre manages: within the subtree only, audited, with one-time passwords."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from gonghui.accounts.models import User
from gonghui.common.models import AuditAction, AuditEvent
from gonghui.orgs.models import StaffRole
from gonghui.orgs.roles import Role
from gonghui.orgs.staff_accounts import (
    staff_account_create,
    staff_account_set_active,
    staff_accounts_for,
    staff_password_reset,
    staff_role_grant,
    staff_role_revoke,
)
from tests.factories import UserFactory, grant
from tests.world import World


def _signs_in(client: Client, username: str, password: str) -> bool:
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def _create(world: World, actor: str = "owner", username: str = "zhangxiao") -> User:
    issued = staff_account_create(
        actor=world.users[actor], username=username, display_name="张晓", org=world.union_a, role=Role.ORGANIZER
    )
    assert len(issued.password) == 12
    return issued.account


def test_a_county_cadre_creates_an_account_for_a_grassroots_union(world: World) -> None:
    account = _create(world)
    assert account.password_change_required and account.is_active and not account.is_worker
    assert list(StaffRole.objects.filter(user=account).values_list("org", "role")) == [
        (world.union_a.pk, Role.ORGANIZER)
    ]
    actions = set(AuditEvent.objects.filter(actor=world.users["owner"]).values_list("action", flat=True))
    assert {AuditAction.CREATE, AuditAction.GRANT} <= actions
    assert account in staff_accounts_for(world.users["owner"])
    assert account in staff_accounts_for(world.users["same"])  # the town's cadre manages it too
    assert account not in staff_accounts_for(world.users["sibling"])


@pytest.mark.parametrize("actor", ["sibling", "outsider"])
def test_nobody_creates_an_account_outside_their_subtree(world: World, actor: str) -> None:
    with pytest.raises(Http404):
        _create(world, actor)
    assert not User.objects.filter(username="zhangxiao").exists()


def test_a_username_is_taken_whatever_its_case(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        _create(world, username="OWNER")
    assert "username" in info.value.message_dict


def test_a_cadre_manages_only_accounts_wholly_inside_their_subtree(world: World) -> None:
    owner, same = world.users["owner"], world.users["same"]
    assert set(staff_accounts_for(owner).values_list("username", flat=True)) == {"same", "worker", "helper"}
    assert "owner" not in staff_accounts_for(same).values_list("username", flat=True)  # above the town
    assert same not in staff_accounts_for(same)  # nor their own
    # An account that also serves beside the county is not the county's to manage.
    grant(world.users["helper"], world.union_b, Role.READONLY)
    assert world.users["helper"] not in staff_accounts_for(owner)


def test_a_county_cadre_cannot_grant_above_or_beside_their_subtree(world: World) -> None:
    owner, worker = world.users["owner"], world.users["worker"]
    for org in (world.root, world.county_b, world.union_b):
        with pytest.raises(Http404):
            staff_role_grant(actor=owner, account=worker, org=org, role=Role.ADMIN)
    with pytest.raises(Http404):  # nor give a role to an account that is not theirs
        staff_role_grant(actor=owner, account=world.users["sibling"], org=world.union_a, role=Role.ADMIN)
    staff_role_grant(actor=owner, account=worker, org=world.town_a, role=Role.REVIEWER)
    assert StaffRole.objects.filter(user=worker, org=world.town_a, role=Role.REVIEWER).exists()
    with pytest.raises(ValidationError, match="已有这个角色"):
        staff_role_grant(actor=owner, account=worker, org=world.town_a, role=Role.REVIEWER)


def test_the_last_role_stays_and_nobody_revokes_their_own(world: World) -> None:
    owner, helper = world.users["owner"], world.users["helper"]
    with pytest.raises(ValidationError, match="唯一的角色"):
        staff_role_revoke(actor=owner, staff_role=StaffRole.objects.get(user=helper))
    own = StaffRole.objects.get(user=owner)
    with pytest.raises(ValidationError, match="自己的角色"):
        staff_role_revoke(actor=owner, staff_role=own)
    staff_role_revoke(actor=owner, staff_role=world.staff_role)  # the worker account keeps its joint_a role
    assert StaffRole.objects.filter(user=world.users["worker"]).count() == 1


def test_a_reset_issues_a_one_time_password_and_signs_the_account_out(world: World) -> None:
    worker = world.users["worker"]
    TOTPDevice.objects.create(user=worker, name="phone", confirmed=True)
    session = Client()
    session.force_login(worker)
    issued = staff_password_reset(actor=world.users["same"], account=worker, reset_second_factor=True)
    worker.refresh_from_db()
    assert worker.check_password(issued.password) and not worker.check_password("pass-word-123")
    assert worker.password_change_required
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert session.get("/").status_code == 302  # the old session no longer holds
    event = AuditEvent.objects.get(action=AuditAction.PASSWORD_RESET)
    assert event.org == world.union_a and issued.password not in str(event.detail)
    with pytest.raises(Http404):
        staff_password_reset(actor=world.users["sibling"], account=worker)


def test_a_deactivated_account_cannot_sign_in_or_use_its_token(world: World) -> None:
    helper = world.users["helper"]
    staff_account_set_active(actor=world.users["owner"], account=helper, active=False)
    assert not _signs_in(Client(), "helper", "pass-word-123")
    token = {"Authorization": f"Bearer {world.tokens['helper']}"}
    assert Client().get("/api/v1/me", headers=token).status_code == 401
    assert AuditEvent.objects.filter(action=AuditAction.DEACTIVATE, target_id=str(helper.pk)).exists()
    staff_account_set_active(actor=world.users["owner"], account=helper, active=True)
    assert _signs_in(Client(), "helper", "pass-word-123")


def test_a_new_account_must_choose_its_own_password_first(world: World) -> None:
    issued = staff_account_create(
        actor=world.users["owner"], username="lixiao", display_name="李晓", org=world.union_a, role=Role.READONLY
    )
    client = Client()
    assert _signs_in(client, "lixiao", issued.password)
    assert client.get("/members/")["Location"] == "/accounts/password/"
    assert client.get("/api/v1/me").status_code == 401
    new = "Gh-own-secret-2026"
    response = client.post(
        "/accounts/password/", {"old_password": issued.password, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert client.get("/members/").status_code == 200
    account = User.objects.get(username="lixiao")
    assert not account.password_change_required and account.check_password(new)


def test_the_account_list_costs_the_same_queries_for_more_accounts(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    client.get("/staff/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/staff/").status_code == 200
    for n in range(5):
        grant(UserFactory(username=f"extra{n}"), world.union_a, Role.READONLY)
    with CaptureQueriesContext(connection) as more:
        response = client.get("/staff/")
    assert "extra4" in response.content.decode()
    assert len(more) == len(few)


def test_the_pages_create_show_the_password_once_and_deactivate_after_asking(world: World) -> None:
    client = Client()
    client.force_login(world.users["same"])
    response = client.post(
        "/staff/add/", {"username": "wangxiao", "display_name": "王晓", "org": "测试基层工会", "role": "organizer"}
    )
    page = response.content.decode()
    account = User.objects.get(username="wangxiao")
    assert response.status_code == 200 and "data-password" in page and "no-store" in response["Cache-Control"]
    detail = client.get(f"/staff/{account.pk}/").content.decode()
    assert "确认停用" in detail  # inside the confirmation, not a one-click button
    client.post(f"/staff/{account.pk}/active/", {"active": "0"})
    account.refresh_from_db()
    assert not account.is_active
    refused = client.post(
        "/staff/add/", {"username": "zhaoxiao", "display_name": "赵晓", "org": world.union_b.code, "role": "admin"}
    )
    assert "无权在那里管理工作人员" in refused.content.decode()
    assert not User.objects.filter(username="zhaoxiao").exists()


def test_the_api_creates_and_resets_with_the_password_in_the_answer_only(world: World) -> None:
    client = Client(headers={"Authorization": f"Bearer {world.tokens['owner']}"})
    created = client.post(
        "/api/v1/staff",
        {"username": "chenxiao", "display_name": "陈晓", "org_code": world.union_a.code, "role": "finance"},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert body["account"]["roles"][0]["role"] == "finance" and len(body["password"]) == 12
    again = client.post(
        "/api/v1/staff",
        {"username": "chenxiao", "display_name": "陈晓", "org_code": world.union_a.code, "role": "finance"},
        content_type="application/json",
    )
    assert again.status_code == 422 and "已被使用" in again.json()["detail"]
    pk = body["account"]["id"]
    reset = client.post(f"/api/v1/staff/{pk}/password-reset", {}, content_type="application/json")
    assert reset.status_code == 200 and reset.json()["password"] != body["password"]
    sibling = Client(headers={"Authorization": f"Bearer {world.tokens['sibling']}"})
    assert sibling.post(f"/api/v1/staff/{pk}/deactivate").status_code == 404


def test_a_too_short_password_is_refused_in_chinese(world: World) -> None:
    issued = staff_account_create(
        actor=world.users["owner"], username="zhouxiao", display_name="周晓", org=world.union_a, role=Role.READONLY
    )
    client = Client()
    assert _signs_in(client, "zhouxiao", issued.password)
    short = client.post(
        "/accounts/password/", {"old_password": issued.password, "new_password1": "Ab-1", "new_password2": "Ab-1"}
    ).content.decode()
    assert "密码太短，至少需要 10 个字符。" in short and "too short" not in short

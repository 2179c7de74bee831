"""Every error answers in Chinese: JSON under /api/ for every status, pages with the right frame elsewhere."""

from __future__ import annotations

import os
import threading
import time

import psycopg
import pytest
from django.db import connection
from django.test import Client, override_settings

from tests.assistance.conftest import member_in
from tests.factories import UserFactory, grant, make_org
from tests.world import World


def _staff(world: World, persona: str = "owner") -> Client:
    client = Client()
    client.force_login(world.users[persona])
    return client


def test_a_missing_page_is_chinese_in_its_frame(world: World) -> None:
    page = _staff(world).get("/no-such-page/")
    assert (
        page.status_code == 404 and "页面不存在" in page.content.decode() and 'class="sidenav"' in page.content.decode()
    )
    phone = Client().get("/h5/no-such-page/")
    assert phone.status_code == 404 and "职工之家" in phone.content.decode()
    api = Client().get("/api/v1/no-such-operation")
    assert api.status_code == 404 and api.json() == {"detail": "未找到，或您无权查看。"}


def test_forbidden_and_unauthenticated_are_chinese(world: World) -> None:
    readonly = _staff(world, "worker")  # a read-only role on union_a: may look, not edit
    page = readonly.get(f"/orgs/{world.union_a.code}/edit/")
    assert page.status_code == 403 and "没有权限" in page.content.decode()
    assert Client().get("/api/v1/members").json() == {"detail": "请先登录，或提供有效的 API 令牌。"}


@override_settings(ROOT_URLCONF="tests.common.error_urls", DEBUG=False)
def test_a_bug_is_a_chinese_500_json_under_the_api_and_a_plain_page_elsewhere(db: None) -> None:
    client = Client(raise_request_exception=False)
    api = client.get("/api/v1/boom")
    assert api.status_code == 500 and "服务器处理请求时出错" in api.json()["detail"]
    page = client.get("/boom/")
    assert page.status_code == 500 and "服务器出错了" in page.content.decode()


def test_the_full_export_button_shows_only_to_those_who_may_use_it(world: World) -> None:
    assert "导出完整信息" not in _staff(world, "worker").get("/members/").content.decode()


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="lock_timeout is PostgreSQL's"
)
@pytest.mark.django_db(transaction=True)
def test_a_locked_row_answers_503_in_chinese_and_healthz_stays_quick(regions: None) -> None:
    union = make_org("锁测试工会", code="lock-union")  # committed, so the other session sees the row it locks
    cadre = grant(UserFactory(username="lock-cadre"), union).user
    member = member_in(union, "锁会员", 901).memberships.get()
    settings_dict = connection.settings_dict
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:  # another session holds the membership row, as a long bulk approval would
        dsn = f"host={settings_dict['HOST']} port={settings_dict['PORT']} dbname={settings_dict['NAME']} "
        with psycopg.connect(dsn + f"user={settings_dict['USER']}") as other, other.transaction():
            other.execute("SELECT 1 FROM members_membership WHERE id = %s FOR UPDATE", [member.pk])
            locked.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(5)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")
        owner = Client()
        owner.force_login(cadre)
        response = owner.post(f"/members/{member.pk}/end/", {"reason": "离职"})
        assert response.status_code == 503 and "系统繁忙" in response.content.decode()
        assert response["Retry-After"] == "5"
        started = time.monotonic()
        assert Client().get("/healthz").status_code == 200 and time.monotonic() - started < 1.5
    finally:
        release.set()
        holder.join()


def test_a_nul_character_anywhere_is_a_clear_400_or_422_never_a_500(world: World) -> None:
    owner = _staff(world)
    assert owner.get("/members/", {"q": "张\x00三"}).status_code == 400
    assert owner.get("/orgs/w-union-a\x00/").status_code == 400
    assert (
        owner.post("/members/notices/", {"org": "w-union-a", "title": "x\x00", "body": "正文正文正文"}).status_code
        == 400
    )
    token = {"Authorization": f"Bearer {world.tokens['owner']}"}
    body = '{"org_code": "w-union-a\\u0000", "name": "x"}'
    answer = Client().post("/api/v1/innovation/proposals", body, content_type="application/json", headers=token)
    assert answer.status_code == 422 and "NUL" in answer.json()["detail"]


def test_a_form_posted_to_a_json_operation_is_a_400_not_a_500(world: World) -> None:
    token = {"Authorization": f"Bearer {world.tokens['owner']}"}
    for data in ({"reason": "企业停产"}, {"reason": "x\x00"}):
        answer = Client().post(f"/api/v1/members/{world.pending.pk}/reject", data, headers=token)  # multipart
        assert answer.status_code == 400 and "JSON" in answer.json()["detail"]

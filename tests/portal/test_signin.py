"""Worker sign-in with a phone code, first binding, changed numbers, and what a worker can reach."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.models import PhoneCode, User
from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.pii_crypto import blind_index
from gonghui.members.choices import ChangeKind, EventKind
from gonghui.members.identity import mobile_hmac
from gonghui.members.models import ChangeRequest, MembershipEvent, Person, WorkerAccount
from tests.world import World

KNOWN_ID = "320904198506120014"  # 李在册 (world.member), mobile 13900000002, already bound to users["member"]
PENDING_ID = "11010519491231002X"  # 王待审 (world.pending), mobile 13900000001, no account yet


def _code(mobile: str) -> str:
    return ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]


def _verify(client: Client, mobile: str) -> object:
    client.post(reverse("portal:signin"), {"mobile": mobile})
    return client.post(reverse("portal:signin"), {"step": "code", "code": _code(mobile)})


def test_first_sign_in_binds_by_name_and_id_then_signs_in_directly(world: World) -> None:
    client = Client()
    response = _verify(client, "13900000001")
    assert response.status_code == 302 and response["Location"].startswith("/h5/me/identify/")
    bound = client.post(reverse("portal:identify"), {"name": "王待审", "id_number": PENDING_ID.lower()})
    assert bound.status_code == 302 and bound["Location"] == "/h5/me/"
    account = WorkerAccount.objects.get(person__name="王待审")
    assert account.user.is_worker and not account.user.has_usable_password()
    me = client.get(reverse("portal:me")).content.decode()
    assert "王待审" in me and "等待工会审核" in me and PENDING_ID not in me and "110105********002X" in me
    PhoneCode.objects.update(created_at=timezone.now() - dt.timedelta(seconds=61))  # past the resend pause
    again = Client()
    assert _verify(again, "13900000001")["Location"] == "/h5/me/"  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "id_number"),
    [("王待审", "110105194912310038"), ("别人", PENDING_ID), ("李在册", KNOWN_ID)],
    ids=["unknown id", "wrong name", "someone else's record"],
)
def test_a_mismatch_gets_one_neutral_answer_and_binds_nothing(world: World, name: str, id_number: str) -> None:
    client = Client()
    _verify(client, "13900000001")
    page = client.post(reverse("portal:identify"), {"name": name, "id_number": id_number}).content.decode()
    assert "没有找到与该手机号一致的会员登记" in page
    assert WorkerAccount.objects.count() == 1  # only the world's own


def test_a_changed_number_moves_when_the_old_number_confirms(world: World) -> None:
    client = Client()
    _verify(client, "13811110000")
    client.post(reverse("portal:old_number"), {"name": "王待审", "id_number": PENDING_ID})
    code = _code("13900000001")  # sent to the number on record
    done = client.post(reverse("portal:old_number"), {"name": "王待审", "id_number": PENDING_ID, "code": code})
    assert done.status_code == 302
    person = Person.objects.get(name="王待审")
    assert person.mobile_hmac == mobile_hmac("13811110000")
    assert MembershipEvent.objects.filter(membership__person=person, kind=EventKind.MOBILE_CHANGE).exists()


def test_a_change_request_waits_for_the_union_and_answers_alike(world: World) -> None:
    client = Client()
    _verify(client, "13811110001")
    real = client.post(reverse("portal:mobile_change"), {"name": "李在册", "id_number": KNOWN_ID}).content.decode()
    fake = client.post(reverse("portal:mobile_change"), {"name": "无此人", "id_number": PENDING_ID}).content.decode()
    assert "申请已收到" in real and real == fake
    item = ChangeRequest.objects.get(kind=ChangeKind.MOBILE, source="worker")
    assert item.person.name == "李在册" and item.new_mobile.reveal() == "13811110001"
    owner = Client()
    owner.force_login(world.users["owner"])
    owner.post(reverse("members:change_decide", args=[item.pk]), {"decision": "approve", "reason": "电话回访核实"})
    assert Person.objects.get(name="李在册").mobile_hmac == mobile_hmac("13811110001")


def test_a_worker_reaches_no_workbench_page_and_no_staff_api(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    for url in ("/", "/members/", "/members/changes/", "/orgs/", f"/members/{world.member.pk}/"):
        assert client.get(url).status_code == 403, url
    assert client.get("/api/v1/members").status_code == 401
    assert client.get(reverse("portal:me")).status_code == 200


def test_a_staff_member_who_is_also_a_member_has_their_own_me(world: World) -> None:
    staff: User = world.users["owner"]
    WorkerAccount.objects.create(user=staff, person=Person.objects.get(name="王待审"))
    client = Client()
    client.force_login(staff)
    assert "王待审" in client.get(reverse("portal:me")).content.decode()
    assert client.get("/members/").status_code == 200


def test_the_card_page_shows_a_qr_token_and_the_union_page_lists_entries(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    card = client.get(reverse("portal:card")).content.decode()
    assert "<svg" in card and "DF-0001" in card and 'http-equiv="refresh"' in card
    union = Client().get(reverse("portal:union", args=[world.union_a.code])).content.decode()
    assert "申请入会" in union and "困难帮扶申请" in union and "五小创新申报" in union


def test_unions_are_found_by_name_pinyin_or_code(world: World) -> None:
    for q in ("测试基层", "ceshi", "w-union-a"):
        page = Client().get(reverse("portal:home"), {"q": q})
        body = page.content.decode() if page.status_code == 200 else page["Location"]
        assert "测试基层工会" in body or "/h5/u/w-union-a/" in body, q


def test_leaving_the_union_is_asked_twice(world: World) -> None:
    client = Client()
    client.force_login(world.users["member"])
    first = client.post(reverse("portal:requests"), {"kind": ChangeKind.LEAVE, "detail": "调往外地工作"})
    assert first.status_code == 200 and 'id="confirm-leave"' in first.content.decode()
    assert not ChangeRequest.objects.filter(kind=ChangeKind.LEAVE).exists()  # nothing filed yet
    client.post(reverse("portal:requests"), {"kind": ChangeKind.LEAVE, "detail": "调往外地工作", "confirmed": "True"})
    assert ChangeRequest.objects.get(kind=ChangeKind.LEAVE).person.name == "李在册"
    correction = client.post(reverse("portal:requests"), {"kind": ChangeKind.CORRECTION, "detail": "民族应为回族"})
    assert correction.status_code == 302  # a correction goes straight through


def test_a_cadre_ends_a_membership_from_inside_a_confirmation(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    page = client.get(reverse("members:detail", args=[world.member.pk])).content.decode()
    assert '<details class="confirm" id="end-membership">' in page and "确认离会" in page


def test_asking_again_within_the_pause_still_lets_the_sent_code_in(world: World) -> None:
    """A code was sent from another tab or device a moment ago: the page says wait, and asks for that code."""
    Client().post(reverse("portal:signin"), {"mobile": "13900000002"})
    sent = _code("13900000002")
    client = Client()
    page = client.post(reverse("portal:signin"), {"mobile": "13900000002"}).content.decode()
    assert "秒后再获取" in page and 'name="code"' in page and "139****0002" in page
    signed_in = client.post(reverse("portal:signin"), {"step": "code", "code": sent})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/h5/me/"


@pytest.mark.parametrize(
    ("page", "words"),
    [("benefits_h5:desk", "商户收银台登录"), ("appointments_h5:calendar", "服务人员登录")],
)
def test_a_partner_sign_in_speaks_to_the_cashier_or_the_provider(world: World, page: str, words: str) -> None:
    start = Client().get(reverse(page))
    body = Client().get(start["Location"]).content.decode()
    assert words in body and "登录“我的”" not in body and "企业联系人" not in body

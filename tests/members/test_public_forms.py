"""The outsider's attacks on the public join, replayed: nothing on record changes, nothing leaks."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gonghui.common.models import AuditEvent
from gonghui.members.choices import ChangeKind, ChangeSource, EventKind
from gonghui.members.edit import member_update
from gonghui.members.identity import mobile_hmac
from gonghui.members.models import ChangeRequest, Membership, MembershipEvent, Person, Transfer
from tests.members.conftest import make_id
from tests.world import World

KNOWN_ID = "320904198506120014"  # 李在册, active member of union_a with mobile 13900000002


def _form(name: str, id_number: str, mobile: str) -> dict[str, str]:
    return {"name": name, "id_type": "resident", "id_number": id_number, "mobile": mobile, "consent": "on"}


def _api(body: dict[str, Any]) -> tuple[int, Any]:
    response = Client().post("/api/v1/join", data=json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_a_known_id_with_another_mobile_changes_nothing_and_leaves_an_item(world: World) -> None:
    world.change.delete()
    url = reverse("join:org", args=[world.union_b.code])
    Client().post(url, _form("李在册", KNOWN_ID, "13811112222"))
    person = Person.objects.get(name="李在册")
    assert person.mobile_hmac == mobile_hmac("13900000002")
    assert not Transfer.objects.filter(person=person, to_org=world.union_b).exists()
    item = ChangeRequest.objects.get(person=person, source=ChangeSource.PUBLIC_FORM, status="pending")
    assert item.kind == ChangeKind.MOBILE and item.org == world.union_a and item.new_mobile.reveal() == "13811112222"
    # A second try while it is open leaves no second item.
    Client().post(url, _form("李在册", KNOWN_ID, "13811113333"))
    assert ChangeRequest.objects.filter(person=person, kind=ChangeKind.MOBILE, status="pending").count() == 1


def test_an_anonymous_join_never_starts_a_transfer(world: World) -> None:
    # The right name and the right mobile are not enough: moving a member needs the member signed in.
    Client().post(reverse("join:org", args=[world.union_b.code]), _form("李在册", KNOWN_ID, "13900000002"))
    assert Transfer.objects.filter(to_org=world.union_b).count() == 0
    assert Membership.objects.get(pk=world.member.pk).status == "active"


@pytest.mark.parametrize("channel", ["page", "api"])
def test_answers_are_identical_for_unknown_wrong_name_and_other_union_ids(world: World, channel: str) -> None:
    cases = {
        "unknown": ("新来的", make_id(901), "13911110901"),
        "wrong name": ("冒名者", KNOWN_ID, "13900000002"),
        "other mobile": ("李在册", KNOWN_ID, "13911110902"),
        "other union": ("李在册", KNOWN_ID, "13900000002"),
        "pending applicant": ("王待审", "11010519491231002X", "13900000001"),
    }
    answers = {}
    for label, (name, number, mobile) in cases.items():
        if channel == "page":
            response = Client().post(reverse("join:org", args=[world.union_b.code]), _form(name, number, mobile))
            answers[label] = (response.status_code, response.content)
        else:
            body = {"org_code": world.union_b.code, "name": name, "id_number": number, "mobile": mobile}
            answers[label] = _api({**body, "consent": True})
    assert len(set(map(repr, answers.values()))) == 1, answers


def test_an_applicant_under_the_minimum_age_is_refused_with_a_reason(world: World) -> None:
    young = make_id(7, birth="20150101")
    status, body = _api(
        {"org_code": world.union_a.code, "name": "小明", "id_number": young, "mobile": "13911110777", "consent": True}
    )
    assert status == 422 and "未满16周岁" in body["errors"]["id_number"][0]
    assert not Person.objects.filter(name="小明").exists()


LONG_OR_NUL = [
    ("name", "张" * 31),
    ("name", "张\x00三"),
    ("id_number", "1" * 31),
    ("id_number", "110105\x0019491231002X"),
    ("mobile", "1" * 21),
    ("mobile", "139\x0000000001"),
    ("employer_name", "公" * 201),
    ("employer_name", "某\x00公司"),
    ("platform", "x" * 51),
    ("occupation", "\x00"),
    ("village", "村" * 101),
    ("org_code", "a" * 51),
    ("org_code", "w-union-a\x00"),
    ("join_target_code", "c" * 51),
    ("join_target_code", "\x00"),
]


@pytest.mark.parametrize(("field", "value"), LONG_OR_NUL)
def test_long_or_nul_values_are_422_and_change_nothing(world: World, field: str, value: str) -> None:
    body = {
        "org_code": world.union_a.code,
        "name": "边界",
        "id_number": make_id(808),
        "mobile": "13911110808",
        "consent": True,
        field: value,
    }
    before = Person.objects.count()
    status, _ = _api(body)
    assert status == 422 and Person.objects.count() == before


def test_every_mobile_change_by_a_cadre_is_audited_and_in_the_history(world: World) -> None:
    member_update(actor=world.users["owner"], membership=world.member, values={"mobile": "13977778888"})
    event = MembershipEvent.objects.get(membership=world.member, kind=EventKind.MOBILE_CHANGE)
    assert event.actor == world.users["owner"]
    audit = AuditEvent.objects.filter(target_type="members.person").latest("id")
    assert audit.detail["mobile"] == ["139****0002", "139****8888"]
    assert "13977778888" not in json.dumps(audit.detail)

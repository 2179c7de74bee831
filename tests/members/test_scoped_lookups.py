"""Every lookup by ID number or credit code resolves the person or enterprise inside the caller's scope, and
answers one on record elsewhere exactly as one not on record at all (issue 13, item 6)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gonghui.accounts.models import UserKind
from gonghui.assistance.models import HardshipFile
from gonghui.assistance.services import Household, hardship_file_apply
from gonghui.campaigns.models import Beneficiary
from gonghui.experts.invitations import invitations_of
from gonghui.experts.models import Expert, Invitation
from gonghui.innovation.models import Nomination, Studio
from gonghui.members.models import WorkerAccount
from gonghui.orgs.demo import demo_uscc
from tests.assistance.conftest import member_in
from tests.factories import EnterpriseFactory, UserFactory
from tests.members.conftest import make_id
from tests.members.test_api import call
from tests.world import World

NOBODY = make_id(990, birth="19800101")  # a valid number that no one on record has


def _elsewhere(world: World) -> str:
    """A migrant worker with a live membership in the other county: on record, but outside `owner`'s scope."""
    person = member_in(world.union_b, "外县职工", 991, migrant=True)
    return person.id_number.reveal()


def _file(world: World, number: str) -> tuple[int, Any]:
    body = {"org_code": world.union_a.code, "family_size": 3, "own_income": "1500", "main_cause": "illness"}
    return call(world, "owner", "post", "/assistance/files", {**body, "id_number": number})


def _studio(world: World, number: str) -> tuple[int, Any]:
    body = {"org_code": world.union_a.code, "name": "外县工作室", "level": "county", "field": "焊接"}
    return call(world, "owner", "post", "/innovation/studios", {**body, "leader_id_number": number})


def _nominate(world: World, number: str) -> tuple[int, Any]:
    body = {"nominated_by": world.union_a.code, "kind": "person", "id_number": number}
    return call(world, "owner", "post", f"/innovation/rounds/{world.selection.pk}/nominations", body)


def _expert(world: World, number: str) -> tuple[int, Any]:
    body = {"org_code": world.town_a.code, "kind": "craftsman", "specialties": ["焊接"], "region_code": "320904"}
    status, answer = call(world, "owner", "post", "/experts", {**body, "id_number": number, "name": "钱某"})
    return status, {k: v for k, v in answer.items() if k not in ("id", "created_at")}


def _pick(world: World, number: str) -> tuple[int, Any]:
    client = Client()
    client.force_login(world.users["owner"])
    url = f"/campaigns/{world.aid_campaign.pk}/beneficiaries/pick/"
    response = client.post(url, {"id_numbers": f"{number}\n"}, follow=True)
    return response.status_code, [str(m) for m in response.context["messages"]]


def _file_form(world: World, number: str) -> tuple[int, Any]:
    client = Client()
    client.force_login(world.users["owner"])
    body = {"org": world.union_a.code, "id_number": number, "family_size": 3, "own_income": "1500"}
    response = client.post("/assistance/files/new/", {**body, "main_cause": "illness", "essential_costs": "0"})
    return response.status_code, response.context["form"].errors.get("id_number")


def _need(world: World, code: str) -> tuple[int, Any]:
    client = Client()
    client.force_login(world.users["owner"])
    body = {"org": world.union_a.code, "enterprise_uscc": code, "category": "technical", "title": "外县需求"}
    body |= {
        "problem": "设备故障，需要专家现场诊断",
        "urgency": "normal",
        "contact_name": "王",
        "contact_phone": "13912345678",
    }
    response = client.post("/experts/needs/new/", body)
    return response.status_code, response.context["form"].errors.get("enterprise_uscc")


def _project(world: World, code: str) -> tuple[int, Any]:
    client = Client()
    client.force_login(world.users["owner"])
    body = {"org": world.union_a.code, "call": world.call.pk, "category": "suggestion", "title": "外县五小"}
    body |= {"problem": "叉车都在白天充电电费高", "solution": "改为夜间谷电充电", "team": "张建国", "pledge": "on"}
    response = client.post("/innovation/projects/new/", {**body, "enterprise": code})
    return response.status_code, response.context["form"].errors.get("enterprise")


CREDIT_CODES: dict[str, Callable[[World, str], tuple[int, Any]]] = {"desk need": _need, "五小 project": _project}


@pytest.mark.parametrize("lookup", CREDIT_CODES)
def test_a_credit_code_outside_the_scope_answers_as_not_found(world: World, lookup: str) -> None:
    elsewhere = EnterpriseFactory(name="建湖外县机械有限公司", union=world.union_b)
    nowhere = demo_uscc("91", "320904", "从未登记的企业")
    missing = CREDIT_CODES[lookup](world, nowhere)
    outside = CREDIT_CODES[lookup](world, elsewhere.uscc)
    assert outside == missing and missing[1] and "建湖" not in str(outside)


LOOKUPS: dict[str, Callable[[World, str], tuple[int, Any]]] = {
    "hardship file (API)": _file,
    "hardship file (page)": _file_form,
    "studio leader": _studio,
    "honor nominee": _nominate,
    "expert pool": _expert,
    "campaign hand-pick": _pick,
}


def _created(world: World) -> list[int]:
    return [
        HardshipFile.objects.count(),
        Studio.objects.count(),
        Nomination.objects.count(),
        Expert.objects.count(),
        Beneficiary.objects.count(),
    ]


@pytest.mark.parametrize("lookup", LOOKUPS)
def test_outside_the_scope_answers_as_not_found_and_changes_nothing(world: World, lookup: str) -> None:
    elsewhere = _elsewhere(world)
    before = _created(world)
    missing = LOOKUPS[lookup](world, NOBODY)
    outside = LOOKUPS[lookup](world, elsewhere)
    assert outside == missing
    assert _created(world) == before
    assert "外县职工" not in str(outside)


def test_the_same_lookups_find_a_member_in_scope(world: World) -> None:
    assert _nominate(world, world.pending.person.id_number.reveal())[0] == 201
    number = world.member.person.id_number.reveal()
    assert _studio(world, number)[0] == 201
    status, body = call(
        world,
        "owner",
        "post",
        "/experts",
        {
            "org_code": world.county_a.code,
            "kind": "craftsman",
            "specialties": ["焊接"],
            "region_code": "320904",
            "id_number": number,
            "name": world.member.person.name,
        },
    )
    assert status == 201 and body["name"] == world.member.person.name


def test_an_outside_expert_is_invited_and_joins_when_they_accept_in_my_portal(world: World) -> None:
    elsewhere = member_in(world.union_b, "赵劳模", 992)
    status, answer = _expert_named(world, elsewhere.id_number.reveal(), "赵劳模")
    assert status == 202 and answer["status"] == "pending" and not Expert.objects.filter(person=elsewhere).exists()
    invitation = Invitation.objects.get(pk=answer["id"])
    assert invitation.id_hmac == elsewhere.id_hmac and "赵劳模" not in str(invitation.profile)

    worker = UserFactory(username="zhao-worker", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=worker, person=elsewhere)
    client = Client()
    client.force_login(worker)
    me = client.get("/h5/me/").content.decode()
    assert f"/h5/desk/invitations/{invitation.pk}/" in me and world.town_a.name in me
    client.post(f"/h5/desk/invitations/{invitation.pk}/", {"answer": "accept"})
    expert = Expert.objects.get(person=elsewhere, org=world.town_a)
    assert expert.specialties == ["焊接"] and expert.region_id == "320904"
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.expert == expert
    assert client.post(f"/h5/desk/invitations/{invitation.pk}/", {"answer": "decline"}).status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "accepted"  # answered once


def test_an_invitation_shows_only_to_the_person_with_that_id_and_name(world: World) -> None:
    holder = member_in(world.union_b, "孟外县", 995)
    status, answer = _expert_named(world, holder.id_number.reveal(), "别人的名字")
    assert status == 202  # a name that does not match the record: invited, never shown to the holder
    assert invitations_of(holder) == []
    assert _expert_named(world, world.pending.person.id_number.reveal(), "别人的名字")[0] == 422  # in scope: told
    member_client = Client()
    member_client.force_login(world.users["member"])
    assert member_client.get(f"/h5/desk/invitations/{answer['id']}/").status_code == 404


def test_a_cadre_withdraws_an_open_invitation(world: World) -> None:
    status, answer = _expert_named(world, NOBODY, "无此人")
    assert status == 202
    path = f"/api/v1/experts/invitations/{answer['id']}/withdraw"
    for persona, status in (("sibling", 404), ("owner", 204), ("owner", 404)):  # once withdrawn, it is gone
        headers = {"Authorization": f"Bearer {world.tokens[persona]}"}
        assert Client().post(path, headers=headers).status_code == status
    assert Invitation.objects.get(pk=answer["id"]).status == "withdrawn"


def _expert_named(world: World, number: str, name: str) -> tuple[int, Any]:
    body = {"org_code": world.town_a.code, "kind": "craftsman", "specialties": ["焊接"], "region_code": "320904"}
    return call(world, "owner", "post", "/experts", {**body, "id_number": number, "name": name})


def test_a_hardship_file_is_not_opened_for_a_migrant_worker_of_another_federation(world: World) -> None:
    elsewhere = member_in(world.union_b, "外县农民工", 993, migrant=True)
    unattached = member_in(world.union_b, "无会籍农民工", 994, migrant=True, member=False)
    household = Household(own_income=Decimal(1500), family_size=3, main_cause="illness")
    with pytest.raises(ValidationError, match="户主须是本工会会员"):
        hardship_file_apply(actor=world.users["owner"], org=world.union_a, person=elsewhere, household=household)
    file = hardship_file_apply(actor=world.users["owner"], org=world.union_a, person=unattached, household=household)
    assert file.person == unattached

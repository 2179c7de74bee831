from django.core.cache import cache

from gonghui.assistance.models import HardshipFile
from gonghui.campaigns.models import Beneficiary
from gonghui.ledger.models import Payout
from tests.assistance.conftest import member_in
from tests.members.test_api import call
from tests.world import World


def test_beneficiaries_by_rule_then_listed_in_keyset_pages(world: World) -> None:
    campaign = world.aid_campaign
    status, body = call(
        world, "owner", "post", f"/campaigns/{campaign.pk}/beneficiaries/rule", {"group": "all_members"}
    )
    total = Beneficiary.objects.filter(campaign=campaign).count()
    assert status == 200 and body == {"added": total} and total >= 2
    status, first = call(world, "owner", "get", f"/campaigns/{campaign.pk}/beneficiaries?limit=1")
    status, rest = call(world, "owner", "get", f"/campaigns/{campaign.pk}/beneficiaries?after={first[0]['id']}")
    assert len(first) + len(rest) == total and {r["source"] for r in rest} == {"rule"}
    status, body = call(world, "owner", "post", f"/campaigns/{campaign.pk}/beneficiaries/rule", {"group": "nobody"})
    assert status == 422


def test_bulk_approval_over_the_api_and_a_grassroots_payout_in_the_towns_campaign(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    person = member_in(world.union_a, "马慰问", 61)
    membership = person.memberships.get()
    payload = {
        "org_code": world.union_a.code,
        "kind": "goods",
        "fund": "union_funds",
        "paid_on": "2026-01-20",
        "goods": "米面油",
        "goods_value": "200",
        "campaign_id": world.aid_campaign.pk,
        "membership_id": membership.pk,
    }
    status, made = call(world, "helper", "post", "/assistance/payouts", payload)  # helper sees union_a only
    assert status == 201, made
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        status, job = call(world, "same", "post", f"/campaigns/{world.aid_campaign.pk}/payouts/approve")
    assert status == 200 and job["job_id"]
    assert set(Payout.objects.filter(campaign=world.aid_campaign).values_list("status", flat=True)) == {"approved"}
    cache.clear()
    status, coverage = call(world, "same", "get", f"/campaigns/{world.aid_campaign.pk}/coverage")
    assert coverage["total"]["goods"] == "200.00" and coverage["by_kind"]["goods"]["payouts"] == 1


def test_cadre_files_an_application_over_the_api(world: World) -> None:
    body = {"org_code": world.union_a.code, "family_size": 3, "own_income": "1500", "main_cause": "illness"}
    status, file = call(world, "owner", "post", "/assistance/files", {**body, "id_number": "110105194912310011"})
    assert status == 422 and "在册会员中没有该证件号码" in str(file)
    id_number = world.member.person.id_number.reveal()
    status, file = call(world, "owner", "post", "/assistance/files", {**body, "id_number": id_number})
    assert status == 201 and file["status"] == "applied" and HardshipFile.objects.filter(pk=file["id"]).exists()
    status, again = call(world, "owner", "post", "/assistance/files", {**body, "id_number": id_number})
    assert status == 422 and "不能重复建档" in str(again)  # a ValidationError is 422 with its message

"""Events over the API: a scanner app's batch check-in and offline list, cadre sign-up, attendance."""

from __future__ import annotations

import datetime as dt
import json

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.services import api_token_issue
from gonghui.events import signups
from gonghui.events.models import Event, SignUp
from gonghui.events.tickets import ticket_digest, ticket_token
from tests.events.conftest import make_event
from tests.factories import Tree, make_member


def _api(user: object) -> Client:
    secret = api_token_issue(user=user, name="scanner").secret
    return Client(headers={"Authorization": f"Bearer {secret}"})


def _post(client: Client, url: str, body: object) -> tuple[int, object]:
    response = client.post(url, json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_create_refuses_bad_input_in_chinese(tree: Tree) -> None:
    client = _api(tree.cadre)
    start = timezone.now() + dt.timedelta(days=1)
    body = {
        "org_code": tree.county.code,
        "kind": "lecture",
        "title": "普法宣讲",
        "starts_at": start.isoformat(),
        "ends_at": (start - dt.timedelta(hours=1)).isoformat(),
        "capacity": 10,
        "address": "职工之家",
    }
    status, answer = _post(client, reverse("api:events_create"), body)
    assert status == 422 and "结束时间" in answer["detail"]  # type: ignore[index]
    status, answer = _post(client, reverse("api:events_create"), {**body, "capacity": 0})
    assert status == 422
    assert not Event.objects.exists()


def test_a_cadre_signs_up_a_member_and_a_stranger_cannot(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre, capacity=1)
    member = make_member(tree.union, 1)
    status, answer = _post(
        _api(tree.union_cadre), reverse("api:events_signups_create", args=[event.pk]), {"membership_id": member.pk}
    )
    assert status == 201 and answer["status"] == "confirmed"  # type: ignore[index]
    other = make_member(tree.union, 2)
    status, _ = _post(
        _api(tree.outsider), reverse("api:events_signups_create", args=[event.pk]), {"membership_id": other.pk}
    )
    assert status == 404
    assert SignUp.objects.count() == 1


def test_scanner_app_downloads_the_list_and_syncs_a_batch_once(tree: Tree) -> None:
    start = timezone.now() + dt.timedelta(hours=1)
    event = make_event(tree.county, tree.cadre, capacity=5, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    signup = signups.signup_create(event=event, person=make_member(tree.union, 1, name="张三丰").person)
    client = _api(tree.cadre)
    listed = client.get(reverse("api:events_checkin_list", args=[event.pk])).json()
    assert listed == [
        {
            "signup_id": signup.pk,
            "digest": ticket_digest(ticket_token(signup)),
            "name": "张**",
            "org": tree.union.code,
            "status": "confirmed",
            "checked_in": False,
        }
    ]
    batch = {
        "scans": [
            {"nonce": "app-1", "token": ticket_token(signup)},
            {"nonce": "app-2", "token": "t999:forged"},
            {"nonce": "app-3", "category": "truck_driver"},
        ]
    }
    url = reverse("api:events_checkins", args=[event.pk])
    status, first = _post(client, url, batch)
    assert status == 200
    assert [row["outcome"] for row in first] == ["checked_in", "refused", "walk_in"]  # type: ignore[union-attr]
    status, again = _post(client, url, batch)
    assert again == first
    attendance = client.get(reverse("api:events_attendance", args=[event.pk])).json()
    assert attendance["checked_in"] == 1 and attendance["walk_ins_without_card"] == 1 and attendance["came"] == 2
    assert {"category": "货车司机", "came": 1} in attendance["by_category"]


def test_batch_limits_and_bad_fields(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre)
    client = _api(tree.cadre)
    url = reverse("api:events_checkins", args=[event.pk])
    assert _post(client, url, {"scans": []})[0] == 422
    assert _post(client, url, {"scans": [{"nonce": "x" * 65}]})[0] == 422
    assert _post(client, url, {"scans": [{"nonce": "a", "direction": "sideways"}]})[0] == 422


def test_cancel_by_the_members_union(tree: Tree) -> None:
    event = make_event(tree.county, tree.cadre)
    signup = signups.signup_create(event=event, person=make_member(tree.union, 1).person)
    assert _post(_api(tree.outsider), reverse("api:events_signups_cancel", args=[signup.pk]), {})[0] == 404
    status, answer = _post(_api(tree.union_cadre), reverse("api:events_signups_cancel", args=[signup.pk]), {})
    assert status == 200 and answer["status"] == "cancelled"  # type: ignore[index]


def test_the_door_is_remembered_briefly_and_then_asks_the_database(tree: Tree, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gonghui.events import selectors
    from gonghui.orgs.models import StaffRole

    event = make_event(tree.county, tree.cadre)
    client = _api(tree.cadre)
    url = reverse("api:events_checkins", args=[event.pk])
    assert _post(client, url, {"scans": [{"nonce": "d1", "category": "other"}]})[0] == 200
    StaffRole.objects.filter(user=tree.cadre).delete()  # the role is revoked
    assert _post(client, url, {"scans": [{"nonce": "d2", "category": "other"}]})[0] == 200  # within seconds
    monkeypatch.setattr(selectors, "DOOR_CACHE_SECONDS", 0.0)
    assert _post(client, url, {"scans": [{"nonce": "d3", "category": "other"}]})[0] == 404


def test_unknown_categories_and_mixed_zones_are_answered_not_crashed(tree: Tree) -> None:
    client = _api(tree.cadre)
    start = (timezone.localtime() + dt.timedelta(days=1)).replace(tzinfo=None, microsecond=0)
    body = {
        "org_code": tree.county.code,
        "kind": "lecture",
        "title": "普法宣讲",
        "starts_at": start.isoformat(),  # no zone: local time
        "ends_at": (start + dt.timedelta(hours=2)).isoformat(),
        "signup_closes_at": (timezone.now() + dt.timedelta(hours=2)).isoformat(),  # with a zone
        "capacity": 10,
        "address": "职工之家",
    }
    assert _post(client, reverse("api:events_create"), {**body, "employment_form": "bogus"})[0] == 422
    status, answer = _post(client, reverse("api:events_create"), body)
    assert status == 201, answer
    late = {**body, "signup_closes_at": (timezone.now() + dt.timedelta(days=3)).isoformat()}
    status, answer = _post(client, reverse("api:events_create"), late)
    assert status == 422 and "报名截止不能晚于活动开始" in answer["detail"]  # type: ignore[index]

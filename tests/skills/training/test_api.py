"""The training API: bases, courses and classes (list in few queries, scoped), sessions, enrolment by a cadre,
attendance through the events check-in, completion certificates; clear 422s that change nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.accounts.services import api_token_issue
from gonghui.events.models import SignUp
from gonghui.events.tickets import ticket_token
from gonghui.skills.training.models import Enrolment, TrainingClass
from tests.factories import EnterpriseFactory, Tree, make_member
from tests.skills.training.factories import electrician, make_class

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def _post(client: Client, name: str, body: dict[str, Any], *args: Any) -> Any:
    return client.post(reverse(f"api:{name}", args=args), json.dumps(body), content_type="application/json")


def test_a_class_from_scratch_to_certificates(tree: Tree) -> None:
    client = _client(tree.cadre)
    electrician()
    company = EnterpriseFactory(name="柳市电器科技股份有限公司", union=tree.union)
    base = _post(
        client,
        "training_bases_create",
        {"org_code": tree.county.code, "kind": "point", "name": "柳市电器教学点", "enterprise_uscc": company.uscc},
    )
    assert base.status_code == 201, base.content
    course = _post(
        client,
        "training_courses_create",
        {"org_code": tree.county.code, "title": "电工技能提升", "hours": "4", "occupation_code": "6-31-01-03"},
    )
    assert course.status_code == 201 and course.json()["occupation"] == "6-31-01-03"
    today = timezone.localdate()
    made = _post(
        client,
        "training_classes_create",
        {
            "org_code": tree.county.code,
            "course_id": course.json()["id"],
            "base_id": base.json()["id"],
            "title": "电工班",
            "starts_on": str(today - dt.timedelta(days=1)),
            "ends_on": str(today + dt.timedelta(days=2)),
            "capacity": 10,
        },
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    start = timezone.now() + dt.timedelta(hours=2)
    session = {"starts_at": start.isoformat(), "ends_at": (start + dt.timedelta(hours=2)).isoformat()}
    session |= {"hours": "4", "teacher": "郑师傅", "topic": "安全用电"}
    late = {**session, "starts_at": "2001-01-01T09:00:00+08:00", "ends_at": "2001-01-01T10:00:00+08:00"}
    refused = _post(client, "training_sessions_create", late, pk)
    assert refused.status_code == 422 and "培训期内" in refused.content.decode()
    added = _post(client, "training_sessions_create", session, pk)
    assert added.status_code == 201
    assert _post(client, "training_classes_publish", {}, pk).json()["status"] == "published"
    member = make_member(tree.union, 3, name="陈电工")
    enrolled = _post(client, "training_enrolments_create", {"membership_id": member.pk}, pk)
    assert enrolled.status_code == 201 and enrolled.json()["hours"] == "0.0"
    again = _post(client, "training_enrolments_create", {"membership_id": member.pk}, pk)
    assert again.status_code == 422 and Enrolment.objects.count() == 1
    early = _post(client, "training_certificates_issue", {"enrolment_ids": [enrolled.json()["id"]]}, pk)
    assert early.status_code == 422 and "未达到结业要求" in early.content.decode()
    detail = client.get(reverse("api:training_classes_get", args=[pk])).json()
    event_id = detail["sessions"][0]["event_id"]
    assert detail["hours"] == "4.0" and detail["hours_to_complete"] == "3.2"
    ticket = ticket_token(SignUp.objects.get(event_id=event_id, person=member.person))
    scans = {"scans": [{"nonce": "a1", "token": ticket}]}
    assert _post(client, "events_checkins", scans, event_id).json()[0]["outcome"] == "checked_in"
    attendance = client.get(reverse("api:training_attendance", args=[pk])).json()
    assert attendance[0]["came"] == 1 and attendance[0]["signed_up"] == 1
    issued = _post(client, "training_certificates_issue", {}, pk)
    assert issued.status_code == 201 and issued.json()[0]["certificate"].startswith("PX")
    rows = client.get(reverse("api:training_enrolments_list", args=[pk])).json()
    assert rows[0]["completed"] and rows[0]["certificate"] == issued.json()[0]["certificate"]
    twice = _post(client, "training_certificates_issue", {"enrolment_ids": [rows[0]["id"]]}, pk)
    assert twice.status_code == 422 and "不能重复颁发" in twice.content.decode()


def test_lists_are_scoped_and_few_queries(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        make_class(tree.cadre, tree.union, title=f"城关班{n}", course_title=f"课{n}", base_name=f"基地{n}")
    make_class(tree.outsider, tree.stranger, title="泰安班")
    client = _client(tree.cadre)
    client.get(reverse("api:training_classes_list"))
    with django_assert_max_num_queries(6):
        items = client.get(reverse("api:training_classes_list")).json()["items"]
    assert len(items) == 5 and all(i["title"].startswith("城关班") for i in items)
    outsider = _client(tree.outsider)
    assert len(outsider.get(reverse("api:training_classes_list")).json()["items"]) == 1
    county_class = TrainingClass.objects.filter(title="城关班0").get()
    assert outsider.get(reverse("api:training_classes_get", args=[county_class.pk])).status_code == 404
    for name in ("training_bases_list", "training_courses_list"):
        assert len(client.get(reverse(f"api:{name}")).json()) == 5
        assert len(outsider.get(reverse(f"api:{name}")).json()) == 1


def test_a_cadre_cannot_enrol_a_member_outside_their_scope(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county)
    member = make_member(tree.union, 4)
    response = _post(_client(tree.outsider), "training_enrolments_create", {"membership_id": member.pk}, klass.pk)
    assert response.status_code == 404 and not Enrolment.objects.exists()

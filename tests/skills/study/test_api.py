"""求学圆梦 over the API: scoped lists, paper applications by ID number, decisions, the subsidy; clear 422s."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gonghui.accounts.services import api_token_issue
from gonghui.ledger.models import Payout
from gonghui.skills.study.models import Application
from tests.factories import Tree, id_number, make_member
from tests.skills.study.factories import make_application, make_programme

pytestmark = pytest.mark.django_db


def _api(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def _post(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_programmes_and_applications_are_scoped(tree: Tree, django_assert_max_num_queries: Any) -> None:
    programme = make_programme(tree.county, tree.cadre)
    for i in range(12):
        make_application(programme, make_member(tree.union, i).person, tree.union, tree.cadre)
    county = _api(tree.cadre)
    assert [p["name"] for p in county.get("/api/v1/study/programmes").json()] == [programme.name]
    with django_assert_max_num_queries(6):
        page = county.get("/api/v1/study/applications").json()
    assert len(page["items"]) == 12 and page["items"][0]["person"].startswith("职工")
    outsider = _api(tree.outsider)
    assert outsider.get("/api/v1/study/applications").json()["items"] == []
    assert outsider.get(f"/api/v1/study/programmes/{programme.pk}").status_code == 404


def test_a_paper_application_is_entered_and_decided(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre, quota=1)
    make_member(tree.union, 40)
    client = _api(tree.cadre)
    data = {
        "programme_id": programme.pk,
        "id_number": id_number(40),
        "job": "电工",
        "front_line": True,
        "level": "junior_college",
        "mode": "adult_exam",
        "school": "商洛职业技术学院",
        "major": "电气自动化技术",
        "enrolled_year": timezone.localdate().year,
        "fees": "5000",
    }
    created = _post(client, "/api/v1/study/applications", data)
    assert created.status_code == 201 and created.json()["status"] == "submitted"
    again = _post(client, "/api/v1/study/applications", data)
    assert again.status_code == 422 and "已申请过本计划" in again.json()["detail"]
    pk = created.json()["id"]
    assert _post(client, f"/api/v1/study/applications/{pk}/decide", {"approve": True}).json()["status"] == "approved"
    other = make_application(programme, make_member(tree.union, 41).person, tree.union, tree.cadre)
    full = _post(client, f"/api/v1/study/applications/{other.pk}/decide", {"approve": True})
    assert full.status_code == 422 and "名额已满" in full.json()["detail"]


def test_an_unknown_person_and_bad_fields_get_422(tree: Tree) -> None:
    programme = make_programme(tree.county, tree.cadre)
    make_member(tree.stranger, 50)
    client = _api(tree.cadre)
    base = {
        "programme_id": programme.pk,
        "id_number": id_number(50),  # on 泰安's roll, not under 商南
        "job": "电工",
        "level": "junior_college",
        "mode": "adult_exam",
        "school": "x",
        "major": "y",
        "enrolled_year": 2026,
        "fees": "5000",
    }
    response = _post(client, "/api/v1/study/applications", base)
    assert response.status_code == 422 and "没有该证件号码" in response.json()["detail"]
    assert _post(client, "/api/v1/study/applications", {**base, "fees": "-1"}).status_code == 422
    assert not Application.objects.exists()


def test_the_subsidy_over_the_api_is_paid_once(tree: Tree, money: Any) -> None:
    programme = make_programme(tree.county, tree.cadre)
    application = make_application(
        programme, make_member(tree.union, 60).person, tree.union, tree.cadre, status="approved"
    )
    today = timezone.localdate().isoformat()
    url = f"/api/v1/study/applications/{application.pk}/subsidy"
    entered = _post(_api(money.maker), url, {"amount": "2000", "paid_on": today})
    assert entered.status_code == 201 and entered.json()["subsidy_status"] == "pending"
    paid = _post(_api(money.checker), f"{url}/approve", {})
    assert paid.json()["subsidy_status"] == "approved"
    twice = _post(_api(money.maker), url, {"amount": "2000", "paid_on": today})
    assert twice.status_code == 422 and "不能重复发放" in twice.json()["detail"]
    assert Payout.objects.count() == 1


def test_a_programme_is_created_over_the_api(tree: Tree) -> None:
    today = timezone.localdate().isoformat()
    data = {
        "org_code": tree.county.code,
        "year": timezone.localdate().year,
        "name": "商南县求学圆梦",
        "quota": 10,
        "budget": "30000",
        "opens_on": today,
        "closes_on": today,
        "standards": {"junior_college": "2000", "bachelor": "3000"},
    }
    created = _post(_api(tree.cadre), "/api/v1/study/programmes", data)
    assert created.status_code == 201 and len(created.json()["standards"]) == 2
    assert _post(_api(tree.cadre), "/api/v1/study/programmes", data).status_code == 422
    assert _post(_api(tree.outsider), "/api/v1/study/programmes", data).status_code == 404

"""The certification API: pilots, licences and pay grades; batches created within the licence; results as
JSON rows or an Excel upload, all or none with a 422 naming every row; scoped like the pages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gonghui.accounts.services import api_token_issue
from gonghui.skills.certification.models import Candidate, PilotEnterprise
from tests.factories import EnterpriseFactory, Tree, id_number
from tests.skills.certification.factories import make_batch, make_pilot, members, xlsx

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def _send(client: Client, method: str, name: str, body: Any, *args: Any) -> Any:
    url = reverse(f"api:{name}", args=args)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_the_federation_designates_and_licenses_the_enterprise_sets_its_pay_grades(tree: Tree) -> None:
    enterprise = EnterpriseFactory(name="城关开关有限公司", union=tree.union)
    county, union = _client(tree.cadre), _client(tree.union_cadre)
    made = _send(
        county,
        "post",
        "certification_pilots_create",
        {"org_code": tree.county.code, "enterprise_uscc": enterprise.uscc},
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    licence = {
        "occupation_code": "6-31-01-03",
        "lowest": "5",
        "highest": "3",
        "valid_from": "2020-01-01",
        "valid_until": "2030-12-31",
        "authority": "商南县人力资源和社会保障局",
    }
    assert _send(union, "post", "certification_licences_create", licence, pk).status_code == 403
    assert _send(county, "post", "certification_licences_create", licence, pk).status_code == 201
    grades = [
        {"level": "4", "grade": "技能二档", "allowance": "200"},
        {"level": "3", "grade": "技能三档", "allowance": "400"},
    ]
    detail = _send(union, "put", "certification_pay_grades_set", grades, pk)
    assert detail.status_code == 200 and [g["grade"] for g in detail.json()["pay_grades"]] == ["技能二档", "技能三档"]
    assert [p["enterprise"] for p in union.get(reverse("api:certification_pilots_list")).json()] == ["城关开关有限公司"]
    assert _client(tree.outsider).get(reverse("api:certification_pilots_get", args=[pk])).status_code == 404
    assert len(county.get(reverse("api:certification_licences_list")).json()) == 1
    assert PilotEnterprise.objects.count() == 1


def test_a_batch_and_its_results_over_the_api(tree: Tree) -> None:
    pilot = make_pilot(tree)
    members(tree.union, 1, 2)
    client = _client(tree.union_cadre)
    body = {
        "pilot_id": pilot.pk,
        "name": "2024年第二批电工认定",
        "occupation_code": "6-31-01-03",
        "levels": ["3", "2"],
        "starts_on": "2024-06-01",
        "ends_on": "2024-06-05",
        "assessors": "陈建华",
    }
    refused = _send(client, "post", "certification_batches_create", body)
    assert refused.status_code == 422 and "不含二级/技师" in refused.json()["detail"]
    made = _send(client, "post", "certification_batches_create", {**body, "levels": ["3"]})
    assert made.status_code == 201, made.content
    batch_id = made.json()["id"]
    rows = [
        {"name": "职工1", "id_number": id_number(1), "theory": "80", "practical": "90"},
        {"name": "职工2", "id_number": id_number(2), "theory": "180", "practical": "90"},
    ]
    bad = _send(client, "post", "certification_results_enter", {"rows": rows}, batch_id)
    assert bad.status_code == 422 and bad.json()["errors"]["rows"] == ["第 2 行：理论成绩应在0到100之间。"]
    assert not Candidate.objects.exists()
    rows[1]["theory"] = "58"
    ok = _send(client, "post", "certification_results_enter", {"rows": rows}, batch_id)
    assert ok.json() == {"rows": 2, "recorded": 2, "passed": 1, "promoted": 1, "already": 0}
    got = client.get(reverse("api:certification_batches_get", args=[batch_id])).json()
    assert (got["entered"], got["passed"], got["levels"]) == (2, 1, ["3"])
    items = client.get(reverse("api:certification_candidates_list", args=[batch_id])).json()["items"]
    assert {i["name"]: i["passed"] for i in items} == {"职工1": True, "职工2": False}
    assert all("*" in i["id_number"] for i in items)  # masked
    listed = client.get(reverse("api:certification_batches_list")).json()["items"]
    assert [b["id"] for b in listed] == [batch_id]
    assert _client(tree.outsider).get(reverse("api:certification_batches_get", args=[batch_id])).status_code == 404


def test_an_excel_upload_over_the_api(tree: Tree) -> None:
    batch = make_batch(tree, make_pilot(tree))
    members(tree.union, 1, 1)
    client = _client(tree.union_cadre)
    url = reverse("api:certification_batches_import", args=[batch.pk])
    sheet = [
        ["姓名", "身份证号", "理论成绩", "实操成绩"],
        ["职工1", id_number(1), 70, 75],
        ["职工9", id_number(9), 70, 75],
    ]
    bad = client.post(url, {"file": xlsx(sheet)})
    assert bad.status_code == 422 and bad.json()["errors"]["rows"][0].startswith("第 4 行：")
    ok = client.post(url, {"file": xlsx(sheet[:2])})
    assert ok.status_code == 200 and ok.json()["recorded"] == 1
    assert _client(tree.outsider).post(url, {"file": xlsx(sheet[:2])}).status_code == 404

"""The work report over the API: written from the figures (each run naming its figure, values as the figures
API gives them), read, edited and reverted, downloaded; scoped; bad input answered in Chinese."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from docx import Document

from gonghui.accounts.services import api_token_issue
from gonghui.reports.workreport.models import Draft
from tests.factories import today
from tests.reports.workreport.conftest import Desk
from tests.reports.workreport.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def _api(user: Any) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token_issue(user=user, name='t').secret}"})


def _send(client: Client, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    return getattr(client, method)(url, data=json.dumps(data or {}), content_type="application/json")


def _generate(desk: Desk, client: Client | None = None, **extra: Any) -> Any:
    data = {"org_code": desk.tree.county.code, "period": desk.period, **extra}
    return _send(client or _api(desk.tree.cadre), "post", "/api/v1/workreports", data)


def test_the_report_comes_back_with_each_number_naming_its_figure(desk: Desk) -> None:
    response = _generate(desk)
    assert response.status_code == 200
    body = response.json()
    assert body["org"] == desk.tree.county.code and body["period"] == desk.period
    desk_paragraph = next(p for p in body["paragraphs"] if p["id"] == "desk")
    assert desk_paragraph["heading"] == "二、劳模工匠助企行" and not desk_paragraph["edited"]
    cited = [(r["text"], r["figure"]) for r in desk_paragraph["runs"] if r["figure"]]
    assert cited[:3] == [("20余", "service_events"), ("20多", "enterprises_helped"), ("60多", "needs_solved")]
    assert "".join(r["text"] for r in desk_paragraph["runs"]) == desk_paragraph["text"]
    figures = {f["key"]: f for f in body["figures"]}
    assert figures["benefit"]["value"] == "5022000" and figures["benefit"]["definition"] == "benefit的口径"
    assert figures["needs_solved"]["group"] == "劳模工匠助企行"


def test_the_numbers_are_the_figures_apis(desk: Desk) -> None:
    client = _api(desk.tree.cadre)
    body = _generate(desk, client).json()
    listed = client.get("/api/v1/reports/figures", {"org_code": desk.tree.county.code, "period": desk.period})
    assert listed.status_code == 200
    values = {f["key"]: f["value"] for f in listed.json()}
    cited = {r["figure"] for p in body["paragraphs"] for r in p["runs"] if r["figure"]}
    assert {"needs_solved", "benefit", "orgs_total"} <= cited
    for figure in body["figures"]:
        assert float(figure["value"]) == float(values[figure["key"]]), figure["key"]


def test_edit_get_revert_and_keep_on_writing_again(desk: Desk) -> None:
    client = _api(desk.tree.cadre)
    pk = _generate(desk, client).json()["id"]
    edited = _send(client, "put", f"/api/v1/workreports/{pk}/paragraphs/desk", {"text": "助企行解决了60多个难题。"})
    assert edited.status_code == 200
    runs = next(p["runs"] for p in edited.json()["paragraphs"] if p["id"] == "desk")
    assert [(r["text"], r["figure"]) for r in runs] == [
        ("助企行解决了", None),
        ("60多", "needs_solved"),
        ("个难题。", None),
    ]
    desk.values["needs_solved"] = 85
    again = _generate(desk, client).json()
    kept = next(p for p in again["paragraphs"] if p["id"] == "desk")
    assert again["id"] == pk and kept["edited"] and "80多个难题" in kept["generated_text"]
    assert kept["text"] == "助企行解决了60多个难题。"
    reverted = client.delete(f"/api/v1/workreports/{pk}/paragraphs/desk").json()
    assert "80多个难题" in next(p["text"] for p in reverted["paragraphs"] if p["id"] == "desk")
    assert client.get(f"/api/v1/workreports/{pk}").json()["title"] == reverted["title"]


def test_bad_input_is_told_in_chinese_and_changes_nothing(desk: Desk) -> None:
    client = _api(desk.tree.cadre)
    future = _send(
        client, "post", "/api/v1/workreports", {"org_code": desk.tree.county.code, "period": f"{today().year + 1}"}
    )
    assert future.status_code == 422 and future.json()["detail"] == "统计期间还没有开始，不能统计将来的数字。"
    assert not Draft.objects.exists()
    pk = _generate(desk, client).json()["id"]
    blank = _send(client, "put", f"/api/v1/workreports/{pk}/paragraphs/desk", {"text": " "})
    assert (
        blank.status_code == 422
        and blank.json()["detail"] == "段落不能为空；要用回生成的文字，请选择“恢复生成的文字”。"
    )
    unknown = _send(client, "put", f"/api/v1/workreports/{pk}/paragraphs/nowhere", {"text": "文字"})
    assert unknown.status_code == 422 and unknown.json()["detail"] == "该报告没有这个段落，请刷新后再试。"
    nul = _send(client, "put", f"/api/v1/workreports/{pk}/paragraphs/desk", {"text": "a\x00b"})
    assert nul.status_code in (400, 422)
    assert Draft.objects.get().edits == {}


def test_outside_the_scope_is_404(desk: Desk) -> None:
    outsider = _api(desk.tree.outsider)
    assert _generate(desk, outsider).status_code == 404
    pk = _generate(desk).json()["id"]
    assert outsider.get(f"/api/v1/workreports/{pk}").status_code == 404
    assert outsider.get(f"/api/v1/workreports/{pk}/export").status_code == 404
    assert _send(outsider, "put", f"/api/v1/workreports/{pk}/paragraphs/desk", {"text": "x"}).status_code == 404
    assert outsider.get("/api/v1/workreports").json()["items"] == []
    assert [d["id"] for d in _api(desk.tree.cadre).get("/api/v1/workreports").json()["items"]] == [pk]
    assert Draft.objects.get().edits == {}


def test_the_files_download(desk: Desk) -> None:
    client = _api(desk.tree.cadre)
    pk = _generate(desk, client).json()["id"]
    docx = client.get(f"/api/v1/workreports/{pk}/export", {"format": "docx"})
    assert docx.status_code == 200 and "60多个难题" in "\n".join(
        p.text for p in Document(io.BytesIO(docx.content)).paragraphs
    )
    pdf = client.get(f"/api/v1/workreports/{pk}/export", {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and "60多个难题" in pdf_text(pdf.content)
    assert client.get(f"/api/v1/workreports/{pk}/export", {"format": "txt"}).status_code == 422


def test_the_operations_are_in_the_schema() -> None:
    from gonghui.api import api

    paths = api.get_openapi_schema()["paths"]
    operations = {op["operationId"] for methods in paths.values() for op in methods.values()}
    assert {
        "workreport_list",
        "workreport_generate",
        "workreport_get",
        "workreport_edit",
        "workreport_revert",
        "workreport_export",
    } <= operations
    export = paths["/api/v1/workreports/{pk}/export"]["get"]["responses"][200]["content"]
    assert set(export) == {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

"""The workbench pages and the API: case rows only for the rights role (a READONLY clerk of the same union
sees none and gets 403 on a case), every case view audited, the masked export, the list's query count,
and the worker's own cases in 我的."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from gonghui.accounts.models import UserKind
from gonghui.common.models import AuditAction, AuditEvent
from gonghui.members.models import WorkerAccount
from gonghui.rights.mediation.models import Dispute
from tests.factories import UserFactory, id_number, make_member
from tests.rights.mediation.conftest import Desk, open_dispute, workers
from tests.rights.mediation.test_outcomes import agree

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_readonly_clerk_sees_no_rows_and_gets_403_on_a_case(desk: Desk) -> None:
    dispute = open_dispute(desk)
    clerk = _client(desk.clerk)
    page = clerk.get("/mediation/")
    assert page.status_code == 200 and dispute.enterprise_name not in page.content.decode()
    assert clerk.get(f"/mediation/{dispute.pk}/").status_code == 403
    assert clerk.get("/mediation/export/").status_code == 403
    assert clerk.get("/api/v1/mediation/disputes").status_code in (200, 401)
    officer = _client(desk.officer)
    assert dispute.enterprise_name in officer.get("/mediation/").content.decode()


def test_every_case_view_is_audited(desk: Desk) -> None:
    dispute = open_dispute(desk)
    officer = _client(desk.officer)
    for _ in range(2):
        assert officer.get(f"/mediation/{dispute.pk}/").status_code == 200
    assert officer.get(f"/api/v1/mediation/disputes/{dispute.pk}").status_code == 200
    reads = AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(dispute.pk))
    assert reads.count() == 3


def test_the_case_page_shows_masked_numbers_and_the_collective_flag(desk: Desk) -> None:
    dispute = open_dispute(desk, n=3)
    html = _client(desk.officer).get(f"/mediation/{dispute.pk}/").content.decode()
    number = id_number(100)
    assert number not in html and f"{number[:6]}********{number[-4:]}" in html
    assert "集体争议" in html and "已上报商南县总工会" in html


def test_the_export_is_masked_and_holds_only_the_rows_in_scope(desk: Desk) -> None:
    mine = open_dispute(desk, n=2)
    response = _client(desk.officer).get("/mediation/export/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == mine.number
    text = json.dumps(rows, default=str, ensure_ascii=False)
    assert id_number(100) not in text and id_number(100)[-4:] in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=desk.officer).exists()
    outsider = _client(desk.tree.outsider).get("/mediation/export/")
    assert len(list(load_workbook(io.BytesIO(outsider.content)).active.iter_rows())) == 1  # the header only


def test_the_list_takes_a_fixed_number_of_queries(desk: Desk, django_assert_max_num_queries: object) -> None:
    for i in range(30):
        open_dispute(desk, workers=workers(1, start=1000 + i))
    officer = _client(desk.officer)
    officer.get("/mediation/")  # session and caches warm
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        page = officer.get("/mediation/")
    assert page.content.decode().count("/mediation/") > 30


def test_the_agreement_downloads_as_pdf_and_docx(desk: Desk) -> None:
    dispute = open_dispute(desk)
    officer = _client(desk.officer)
    assert officer.get(f"/mediation/{dispute.pk}/agreement.pdf").status_code == 404  # no agreement yet
    agree(desk, dispute)
    pdf = officer.get(f"/mediation/{dispute.pk}/agreement.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = officer.get(f"/mediation/{dispute.pk}/agreement.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_an_agreement_posted_without_confirmation_shows_the_reason(desk: Desk) -> None:
    dispute = open_dispute(desk)
    officer = _client(desk.officer)
    response = officer.post(
        f"/mediation/{dispute.pk}/agreement/",
        {"terms": "一次性支付", "amount": "100", "signed_on": "2024-01-02", "worker_signatory": "王职工"},
        follow=True,
    )
    assert "调解协议须经职工方确认" in response.content.decode()
    assert "调解协议须经用人单位确认" in response.content.decode()
    dispute.refresh_from_db()
    assert dispute.status == "open"


def test_a_worker_sees_only_their_own_cases_in_my_pages(desk: Desk) -> None:
    member = make_member(desk.tree.union, 100)  # the first worker of open_dispute: id_number(100)
    mine = open_dispute(desk)
    other = open_dispute(desk, workers=workers(1, start=2000))
    account = UserFactory(username="worker-100", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=account, person=member.person)
    worker = _client(account)
    listing = worker.get("/h5/me/mediation/").content.decode()
    assert mine.number in listing and other.number not in listing
    assert worker.get(f"/h5/me/mediation/{mine.pk}/").status_code == 200
    assert worker.get(f"/h5/me/mediation/{other.pk}/").status_code == 404
    me = worker.get("/h5/me/").content.decode()
    assert "我的劳动争议调解" in me and "商南县城关建材有限公司" in me


def test_a_worker_applies_on_the_phone(desk: Desk) -> None:
    member = make_member(desk.tree.union, 7)
    account = UserFactory(username="worker-7", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=account, person=member.person)
    worker = _client(account)
    response = worker.post(
        "/h5/me/mediation/apply/",
        {"enterprise_name": "城关建材", "kind": "wages", "amount": "-5", "summary": "欠薪"},
    )
    assert response.status_code == 200 and "大于或等于0" in response.content.decode()  # a negative amount
    assert not Dispute.objects.exists()
    response = worker.post(
        "/h5/me/mediation/apply/", {"enterprise_name": "城关建材", "kind": "wages", "amount": "5000", "summary": "欠薪"}
    )
    assert response.status_code == 302
    assert "待受理" in worker.get(response["Location"]).content.decode()


def test_the_api_refuses_a_negative_claim_with_a_chinese_reason(desk: Desk) -> None:
    officer = _client(desk.officer)
    payload = {
        "org_code": desk.tree.union.code,
        "enterprise_uscc": desk.enterprise.uscc,
        "source": "hrss",
        "summary": "社保争议",
        "workers": [{"name": "钱社保", "id_number": id_number(3)}],
        "claims": [{"kind": "social_insurance", "amount": "-1"}],
    }
    response = officer.post("/api/v1/mediation/disputes", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"] == "社会保险金额不能为负数。"
    payload["claims"] = [{"kind": "social_insurance", "amount": "2400"}]
    created = officer.post("/api/v1/mediation/disputes", json.dumps(payload), content_type="application/json")
    assert created.status_code == 201 and created.json()["parties"][0]["id_number"].count("*") == 8
    pk = created.json()["id"]
    refused = officer.post(
        f"/api/v1/mediation/disputes/{pk}/transition",
        json.dumps({"action": "agree", "terms": "支付", "amount": "100", "signed_on": "2024-05-01"}),
        content_type="application/json",
    )
    assert refused.status_code == 422 and "须经职工方确认" in refused.json()["detail"]
    assert officer.get(f"/api/v1/mediation/disputes/{pk}").json()["status"] == "open"


def test_the_federation_above_sees_the_escalated_dispute_flagged_in_its_list(desk: Desk) -> None:
    collective = open_dispute(desk, n=3)
    single = open_dispute(desk, workers=workers(1, start=3000))
    county = _client(desk.tree.cadre).get("/mediation/?escalated=on").content.decode()
    assert collective.number in county and single.number not in county
    assert "已上报商南县总工会" in county
    union = _client(desk.officer).get("/mediation/?escalated=on").content.decode()
    assert collective.number not in union  # reported above the union, not to it

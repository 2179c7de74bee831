"""The arrears pages and API: report rows only for the rights role (a READONLY clerk of the same union
sees none and gets 403 on a report), every report view audited, the export, the list's query count, the
enterprise's record, the drives' progress, and the worker's own reports in 我的."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.rights.arrears import drives, services
from gonghui.rights.arrears.models import Report
from tests.factories import UserFactory, make_member
from tests.rights.arrears.conftest import Courier, opened, report_from
from tests.rights.mediation.conftest import Desk

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_readonly_clerk_sees_no_rows_and_gets_403_on_a_report(desk: Desk) -> None:
    report = opened(desk)
    clerk = _client(desk.clerk)
    assert report.number not in clerk.get("/arrears/").content.decode()
    assert clerk.get(f"/arrears/{report.pk}/").status_code == 403
    assert clerk.get("/arrears/export/").status_code == 403
    record = clerk.get(f"/arrears/enterprises/{desk.enterprise.pk}/").content.decode()
    assert report.number not in record and "线索明细仅维权专员和管理员可查看" in record
    assert report.number in _client(desk.officer).get("/arrears/").content.decode()


def test_every_report_view_is_audited(desk: Desk) -> None:
    report = opened(desk)
    officer = _client(desk.officer)
    assert officer.get(f"/arrears/{report.pk}/").status_code == 200
    assert officer.get(f"/api/v1/arrears/reports/{report.pk}").status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE, target_id=str(report.pk)).count() == 2


def test_the_export_holds_the_rows_in_scope_and_no_id_or_phone(desk: Desk, courier: Courier) -> None:
    report = report_from(courier)
    response = _client(desk.officer).get("/arrears/export/")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == report.number and "周快递" in rows[1]
    text = json.dumps(rows, default=str, ensure_ascii=False)
    assert courier.person.mobile.reveal() not in text and courier.person.id_number.reveal() not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=desk.officer).exists()


def test_the_list_takes_a_fixed_number_of_queries(desk: Desk, django_assert_max_num_queries: object) -> None:
    for _ in range(25):
        opened(desk)
    officer = _client(desk.officer)
    officer.get("/arrears/")
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        page = officer.get("/arrears/")
    assert page.content.decode().count("欠〔") >= 25


def test_the_steps_from_the_page_and_a_refused_amount(desk: Desk) -> None:
    report = opened(desk, amount_owed="1000")
    officer = _client(desk.officer)
    officer.post(f"/arrears/{report.pk}/divert/", {"route": "enterprise", "note": "限期三日"})
    page = officer.post(f"/arrears/{report.pk}/handle/", {"recovered": "1200", "note": "补发"}, follow=True)
    assert "追回金额不能超过欠薪金额" in page.content.decode()
    report.refresh_from_db()
    assert report.stage == "diverted" and report.amount_recovered == 0


def test_the_enterprise_record_and_the_drives_page(desk: Desk) -> None:
    report = opened(desk)
    drives.drive_create(
        actor=desk.tree.cadre, org=desk.tree.county, name="商南县春节前清欠行动", starts_on=timezone.localdate(),
        ends_on=timezone.localdate(), target_amount="100000",
    )  # fmt: skip
    officer = _client(desk.officer)
    record = officer.get(f"/arrears/enterprises/{desk.enterprise.pk}/").content.decode()
    assert report.number in record and "50,000.00" in record
    page = _client(desk.tree.cadre).get("/arrears/drives/").content.decode()
    assert "商南县春节前清欠行动" in page and "50,000.00" in page


def test_a_worker_reports_and_sees_only_their_own(desk: Desk, courier: Courier) -> None:
    other = make_member(desk.tree.union, 88, name="吴骑手")
    theirs = services.report_submit(
        actor=UserFactory(), person=other.person, enterprise_name="别家公司", amount_owed=100, summary="欠薪"
    )
    worker = _client(courier.account)
    response = worker.post(
        "/h5/me/arrears/report/",
        {"enterprise_name": "城关快递站", "amount_owed": "4200", "workers_affected": "3", "summary": "两个月没发工资"},
    )
    assert response.status_code == 302
    mine = Report.objects.get(reporter=courier.person)
    assert mine.stage == "reported" and mine.workers_affected == 3
    listing = worker.get("/h5/me/arrears/").content.decode()
    assert "城关快递站" in listing and "别家公司" not in listing
    assert worker.get(f"/h5/me/arrears/{theirs.pk}/").status_code == 404
    assert "我反映的欠薪" in worker.get("/h5/me/").content.decode()


def test_the_api_takes_a_report_round_the_loop(desk: Desk) -> None:
    officer = _client(desk.officer)
    payload = {
        "org_code": desk.tree.union.code, "enterprise_uscc": desk.enterprise.uscc, "source": "hotline",
        "amount_owed": "-3", "summary": "热线反映",
    }  # fmt: skip
    refused = officer.post("/api/v1/arrears/reports", json.dumps(payload), content_type="application/json")
    assert refused.status_code == 422 and refused.json()["detail"] == "欠薪金额不能为负数。"
    payload["amount_owed"] = "3000"
    created = officer.post("/api/v1/arrears/reports", json.dumps(payload), content_type="application/json")
    assert created.status_code == 201
    pk = created.json()["id"]

    def step(**data: object) -> dict[str, object]:
        url = f"/api/v1/arrears/reports/{pk}/transition"
        return officer.post(url, json.dumps(data), content_type="application/json").json()  # type: ignore[no-any-return]

    assert "不能进行此操作" in str(step(action="feedback", note="x")["detail"])
    assert step(action="divert", route="enterprise")["stage"] == "diverted"
    assert step(action="handle", recovered="3000", note="已支付")["amount_recovered"] == "3000.00"
    assert step(action="feedback", note="已全部追回")["stage"] == "fed_back"
    assert step(action="visit", satisfied=True)["stage"] == "visited"

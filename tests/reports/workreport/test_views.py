"""The work report pages: write one for a union in scope (bad input told in Chinese, nothing made), read it
with each figure's definition and records link, edit a paragraph, write it again, download it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gonghui.orgs.roles import Role
from gonghui.reports.workreport import services
from gonghui.reports.workreport.models import Draft
from tests.factories import UserFactory, grant, today
from tests.reports.workreport.conftest import Desk

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _draft(desk: Desk) -> Draft:
    return services.draft_generate(actor=desk.tree.cadre, org=desk.tree.county, period=desk.period)


def test_a_cadre_writes_the_report_of_a_union_and_reads_it(desk: Desk) -> None:
    client = _client(desk.tree.cadre)
    form = client.get("/reports/work/")
    assert form.status_code == 200 and f'value="{desk.period}"' in form.content.decode()
    response = client.post("/reports/work/generate/", {"org": desk.tree.county.code, "period": desk.period})
    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/work/{draft.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "为<a" in page and ">20多</a>家企业解决了<a" in page
    link = f'href="/experts/needs/?under={desk.tree.county.code}" title="needs_solved的名称：62个。needs_solved的口径"'
    assert f'<a class="fig" data-key="needs_solved" {link}>60多</a>' in page
    assert 'id="sources"' in page and "needs_solved的口径" in page
    assert f"/reports/work/{draft.pk}/paragraphs/desk/" in page


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        (lambda: f"{today().year + 1}Q1", "统计期间还没有开始，不能统计将来的数字。"),
        (lambda: "上个月", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
    ],
)
def test_a_bad_period_is_told_on_the_form_and_nothing_is_made(desk: Desk, period: Any, reason: str) -> None:
    page = _client(desk.tree.cadre).post("/reports/work/generate/", {"org": desk.tree.county.code, "period": period()})
    assert page.status_code == 200 and reason in page.content.decode()
    assert not Draft.objects.exists()


def test_a_union_outside_the_scope_is_refused_on_the_form(desk: Desk) -> None:
    page = _client(desk.tree.outsider).post(
        "/reports/work/generate/", {"org": desk.tree.county.code, "period": desk.period}
    )
    assert "找不到该工会，或您无权为它撰写工作报告。" in page.content.decode()
    assert not Draft.objects.exists()


def test_before_the_union_was_set_up_is_told_on_the_form(desk: Desk) -> None:
    desk.tree.county.established_on = today()
    desk.tree.county.save(update_fields=["established_on"])
    page = _client(desk.tree.cadre).post("/reports/work/generate/", {"org": desk.tree.county.code, "period": "2020"})
    assert f"该工会{today().isoformat()}才成立，所选期间早于成立日期。" in page.content.decode()
    assert not Draft.objects.exists()


def test_others_see_neither_the_list_row_nor_the_draft(desk: Desk) -> None:
    draft = _draft(desk)
    outsider = _client(desk.tree.outsider)
    assert draft.title not in outsider.get("/reports/work/").content.decode()
    assert outsider.get(f"/reports/work/{draft.pk}/").status_code == 404
    assert outsider.get(f"/reports/work/{draft.pk}/report.docx").status_code == 404
    assert outsider.post(f"/reports/work/{draft.pk}/regenerate/").status_code == 404


def test_a_reader_reads_and_downloads_but_does_not_edit(desk: Desk) -> None:
    draft = _draft(desk)
    reader = UserFactory(username="county-reader")
    grant(reader, desk.tree.county, Role.READONLY)
    client = _client(reader)
    page = client.get(f"/reports/work/{draft.pk}/").content.decode()
    assert "60多" in page and "/paragraphs/" not in page and 'id="regenerate"' not in page
    assert client.get(f"/reports/work/{draft.pk}/paragraphs/desk/").status_code == 403
    assert client.post(f"/reports/work/{draft.pk}/regenerate/").status_code == 403
    docx = client.get(f"/reports/work/{draft.pk}/report.docx")
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")


def test_a_paragraph_is_edited_kept_and_reverted(desk: Desk) -> None:
    draft = _draft(desk)
    client = _client(desk.tree.cadre)
    url = f"/reports/work/{draft.pk}/paragraphs/desk/"
    assert "60多个难题" in client.get(url).content.decode()
    blank = client.post(url, {"text": "  "})
    assert blank.status_code == 200 and "这个字段是必填项" in blank.content.decode()
    saved = client.post(url, {"text": "全年为60多家企业解决难题。"})
    assert saved.status_code == 302 and saved["Location"] == f"/reports/work/{draft.pk}/#p-desk"
    desk.values["needs_solved"] = 85
    assert client.post(f"/reports/work/{draft.pk}/regenerate/").status_code == 302
    page = client.get(f"/reports/work/{draft.pk}/").content.decode()
    assert (
        "全年为60多家企业解决难题。" in page and "80多个难题" in client.get(url).content.decode()
    )  # shown as generated
    client.post(url, {"revert": "1", "text": ""})
    assert Draft.objects.get().edits == {}
    client.post(f"/reports/work/{draft.pk}/paragraphs/title/", {"text": "商南县总工会年度工作报告"})
    assert '<h1 id="p-title">商南县总工会年度工作报告' in client.get(f"/reports/work/{draft.pk}/").content.decode()
    assert client.get(f"/reports/work/{draft.pk}/paragraphs/nowhere/").status_code == 404


def test_writing_again_can_drop_the_edits(desk: Desk) -> None:
    draft = _draft(desk)
    services.draft_edit(actor=desk.tree.cadre, draft=draft, paragraph_id="desk", text="改过的文字。")
    _client(desk.tree.cadre).post(f"/reports/work/{draft.pk}/regenerate/", {"discard_edits": "on"})
    assert Draft.objects.get().edits == {}


def test_the_files_download(desk: Desk) -> None:
    draft = _draft(desk)
    client = _client(desk.tree.cadre)
    pdf = client.get(f"/reports/work/{draft.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "filename*=UTF-8''" in pdf["Content-Disposition"]
    assert client.get(f"/reports/work/{draft.pk}/report.txt").status_code == 404


def test_the_pages_read_in_few_queries(desk: Desk, django_assert_max_num_queries: Any) -> None:
    draft = _draft(desk)
    for union in (desk.tree.union, desk.tree.other):
        services.draft_generate(actor=desk.tree.cadre, org=union, period=desk.period)
    client = _client(desk.tree.cadre)
    client.get(f"/reports/work/{draft.pk}/")  # the figure catalogue is gathered once per process
    with django_assert_max_num_queries(12):
        listed = client.get("/reports/work/").content.decode()
    assert listed.count("/reports/work/") >= 3
    with django_assert_max_num_queries(12):
        assert client.get(f"/reports/work/{draft.pk}/").status_code == 200

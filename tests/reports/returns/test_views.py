"""The workbench pages: a union's returns, one return (submit, remarks, 退回), the children's roll-up, Excel."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.messages import get_messages
from openpyxl import load_workbook

from gonghui.reports.returns.choices import SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.services import return_submit
from tests.factories import today
from tests.reports.returns.conftest import MONTHLY, Fed, desk


def _url(fed: Fed, org: Any, what: str = "", period: str | None = None) -> str:
    return f"/reports/returns/{org.code}/{MONTHLY}/{period or fed.key}/{what}"


def _flash(response: Any) -> list[str]:
    """The messages the request added (a redirect not followed leaves earlier ones in the session)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1:]


def test_the_index_lists_the_unions_returns_and_its_childrens(fed: Fed) -> None:
    page = desk(fed.county_admin).get("/reports/returns/").content.decode()
    assert "建湖县总工会" in page and "月度入会统计表" in page and "季度帮扶救助统计表" in page
    assert f"/reports/returns/{fed.county.code}/{MONTHLY}/" in page and 'id="children-links"' in page
    town_page = desk(fed.county_admin).get("/reports/returns/", {"under": fed.town1.code}).content.decode()
    assert "上冈镇总工会" in town_page and 'data-status="overdue"' in town_page


def test_the_union_reviews_and_submits_its_return(fed: Fed) -> None:
    client = desk(fed.town1_cadre)
    page = client.get(_url(fed, fed.town1)).content.decode()
    assert 'id="submit-form"' in page and 'id="send-back-form"' not in page
    assert '<tr data-key="members_joined"><td>新入会</td><td>人</td><td class="num">3</td>' in page
    response = client.post(_url(fed, fed.town1, "submit/"), {"remarks": "已核对名册"})
    assert response.status_code == 302 and response["Location"] == _url(fed, fed.town1)
    assert _flash(response) == ["已报送。报表数字已固定，上级工会可以查看和汇总。"]
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.remarks == "已核对名册"
    page = client.get(_url(fed, fed.town1)).content.decode()
    assert 'id="submit-form"' not in page and 'data-status="submitted"' in page and "已核对名册" in page
    again = client.post(_url(fed, fed.town1, "submit/"), {"remarks": ""})
    assert _flash(again) == ["该报表已报送，不能重复报送。"]
    assert Submission.objects.get().remarks == "已核对名册"


def test_remarks_are_saved_without_submitting(fed: Fed) -> None:
    response = desk(fed.town1_cadre).post(_url(fed, fed.town1, "save/"), {"remarks": "等财务数字"})
    assert _flash(response) == ["已保存填报说明，尚未报送。"]
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def test_the_county_sees_the_difference_and_returns_it(fed: Fed) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    county = desk(fed.county_admin)
    page = county.get(_url(fed, fed.town1)).content.decode()
    assert 'id="send-back-form"' in page and 'id="submit-form"' not in page and "报送后数据有变化" not in page
    fed.join(fed.town1, fed.month.end)
    page = county.get(_url(fed, fed.town1)).content.decode()
    assert "报送后数据有变化" in page
    assert '<td class="num">3</td><td class="num">4</td><td class="num">+1</td>' in page
    refused = county.post(_url(fed, fed.town1, "send-back/"), {"reason": ""})
    assert _flash(refused) == ["退回原因：这个字段是必填项。"]
    response = county.post(_url(fed, fed.town1, "send-back/"), {"reason": "新入会人数请核实"})
    assert _flash(response) == ["已退回，填报工会可修改后重新报送。"]
    assert Submission.objects.get().status == SubmissionStatus.RETURNED
    page = desk(fed.town1_cadre).get(_url(fed, fed.town1)).content.decode()
    assert "上级工会退回：新入会人数请核实" in page and 'id="submit-form"' in page


def test_who_may_not_is_refused(fed: Fed) -> None:
    assert desk(fed.county_admin).post(_url(fed, fed.town1, "submit/"), {"remarks": ""}).status_code == 403
    assert desk(fed.sibling_admin).get(_url(fed, fed.town1)).status_code == 404
    assert desk(fed.sibling_admin).post(_url(fed, fed.town1, "submit/"), {"remarks": ""}).status_code == 404
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    assert desk(fed.town1_cadre).post(_url(fed, fed.town1, "send-back/"), {"reason": "x"}).status_code == 403
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        (lambda: f"{today().year + 1}-01", "统计期间还没有开始，不能统计将来的数字。"),
        (lambda: "2025Q2", "月度入会统计表是月报，统计期间应写作如 2026-07。"),
    ],
)
def test_a_period_that_cannot_be_reported_gets_its_reason_not_an_error(fed: Fed, period: Any, reason: str) -> None:
    client = desk(fed.town1_cadre)
    response = client.get(_url(fed, fed.town1, period=period()))
    assert response.status_code == 400 and reason in response.content.decode()
    posted = client.post(_url(fed, fed.town1, "submit/", period=period()), {"remarks": ""})
    assert posted.status_code == 302 and _flash(posted) == [reason]
    assert Submission.objects.count() == 0


def test_the_children_page_shows_statuses_and_the_roll_up(fed: Fed, django_assert_max_num_queries: Any) -> None:
    for org, cadre in ((fed.town1, fed.town1_cadre), (fed.town2, fed.town2_cadre)):
        return_submit(actor=cadre, org=org, form_key=MONTHLY, period_text=fed.key)
    client = desk(fed.county_admin)
    for _warm in range(2):  # the county's sheet counted and kept, the figure catalogue gathered
        client.get(_url(fed, fed.county, "children/"))
    with django_assert_max_num_queries(10):  # session, user, union, scope, children, submissions, sheet, nav
        page = client.get(_url(fed, fed.county, "children/")).content.decode()
    assert (
        '<tr data-key="members_joined"><td>新入会</td><td>人</td><td class="num">6</td><td class="num">8</td>' in page
    )
    assert '<td class="num">9 <small class="muted">辖区重算</small></td>' in page  # 会员总数, recounted
    assert page.count('data-status="submitted"') == 3  # the summary chip and two towns
    overdue = client.get(_url(fed, fed.county, "children/"), {"status": "overdue"}).content.decode()
    assert 'data-org="t-gangdong"' in overdue and 'data-org="t-shanggang"' not in overdue


def test_a_return_and_the_roll_up_export_to_excel(fed: Fed) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key, remarks="已核对")
    client = desk(fed.county_admin)
    one = client.get(_url(fed, fed.town1, "export/"))
    assert one.status_code == 200 and one["Content-Disposition"].endswith(f'-{fed.key}.xlsx"')
    rows = list(load_workbook(io.BytesIO(one.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("序号", "栏目", "指标", "单位", "本期数", "统计口径")
    assert rows[1][:5] == (1, "本月入会和会籍变动", "新入会", "人", 3) and rows[1][5]
    assert ("", "填报说明", "已核对", None, None, None) in rows or (
        None,
        "填报说明",
        "已核对",
        None,
        None,
        None,
    ) in rows
    rollup = client.get(_url(fed, fed.county, "children/export/"))
    book = load_workbook(io.BytesIO(rollup.content))
    table = list(book.worksheets[0].iter_rows(values_only=True))
    assert table[0][:4] == ("栏目", "指标", "单位", "汇总方式")
    assert table[0][4:] == ("上冈镇总工会", "近湖街道总工会", "冈东镇总工会", "合计", "统计口径")
    assert table[1][4:8] == ("已报", "逾期", "逾期", "已报 1 / 3")
    joined = next(row for row in table if row[1] == "新入会")
    assert joined[3:8] == ("合计", 3, None, None, 3)
    total = next(row for row in table if row[1] == "会员总数")
    assert total[3:8] == ("辖区重算", 4, None, None, 9)
    assert book.worksheets[1].title == "说明"


def test_the_pages_read_a_fixed_number_of_queries(fed: Fed, django_assert_max_num_queries: Any) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    client = desk(fed.county_admin)
    client.get("/reports/returns/")
    with django_assert_max_num_queries(8):  # session, user, scope, union, its 12 returns in one, nav
        assert client.get("/reports/returns/", {"under": fed.town1.code}).status_code == 200
    # The return itself: the union, the scope, the submission, each registered group's count (here 会员 and
    # 组织建设: 3), who may return it (the parent), nav.
    with django_assert_max_num_queries(11):
        assert client.get(_url(fed, fed.town1)).status_code == 200

"""The demo's returns: 盐城's counties have filed last month's 月度入会统计表 (盐都区's returned, 阜宁县's
missing), the city has filed its own, and the province's demo user reads it without anyone typing a number."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_key
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import return_form_get
from gonghui.reports.returns.rollup import children_view
from gonghui.reports.returns.selectors import return_sheet
from tests.demo.conftest import Demo

MONTHLY = "members-monthly"


def _last_month() -> str:
    return period_key(return_form_get(MONTHLY).latest_ended(timezone.localdate()))


def test_the_province_sits_above_yancheng_with_a_read_only_user(demo: Demo, db: None) -> None:
    jiangsu = OrgNode.objects.get(code="jiangsu")
    assert jiangsu.kind == "fed_province" and jiangsu.name == "江苏省总工会"
    assert OrgNode.objects.get(code="yancheng").path.startswith(jiangsu.path)
    user = User.objects.get(username="jiangsu")
    assert [(r.org.code, r.role) for r in user.staff_roles.all()] == [("jiangsu", "readonly")]
    assert "jiangsu" in demo.output and "江苏省总工会 · 统计" in demo.output


def test_yancheng_sees_which_counties_filed_and_the_sum(demo: Demo, db: None) -> None:
    city_cadre = User.objects.get(username="yancheng")
    view = children_view(city_cadre, OrgNode.objects.get(code="yancheng"), MONTHLY, _last_month())
    status = {c.org.code: c.status.value for c in view.children}
    assert status["yandu"] == "returned"
    assert status["funing"] in ("missing", "overdue")  # overdue after the 5th
    assert {code for code, s in status.items() if s == "submitted"} == {
        "dafeng", "xiangshui", "jianhu", "dongtai", "yannan", "yc-daoyun",
    }  # fmt: skip
    joined = next(t for t in view.totals if t.row.key == "members_joined")
    assert joined.submitted_sum == sum(c.value("members_joined") or 0 for c in view.children)


def test_the_province_reads_yanchengs_submitted_return(demo: Demo, db: None) -> None:
    client = Client()
    client.force_login(User.objects.get(username="jiangsu"))
    month = _last_month()
    page = client.get(f"/reports/returns/jiangsu/{MONTHLY}/{month}/children/").content.decode()
    assert 'data-org="yancheng"' in page and "盐城市总工会" in page
    city = Submission.objects.get(org__code="yancheng", form=MONTHLY, period=month)
    assert city.submitted_by is not None and city.submitted_by.username == "yancheng"
    sheet = client.get(f"/reports/returns/yancheng/{MONTHLY}/{month}/").content.decode()
    assert 'data-status="submitted"' in sheet and "阜宁县总工会尚未报送" in sheet
    assert 'id="submit-form"' not in sheet and 'id="send-back-form"' not in sheet  # read-only


def test_the_submitted_return_matches_the_records(demo: Demo, db: None) -> None:
    sheet = return_sheet(
        User.objects.get(username="yancheng"), OrgNode.objects.get(code="yancheng"), MONTHLY, _last_month()
    )
    assert sheet.diffs is not None and not sheet.changed

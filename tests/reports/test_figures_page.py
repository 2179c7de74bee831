"""The figures page: a period picker, each figure with its definition shown, 同比, target and completion, the
time the numbers were counted, and the Excel export with a definitions column. Counted by hand from the probe
fixture (tests/reports/probe_figures.py)."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from gonghui.common.models import AuditAction, AuditEvent
from gonghui.orgs.models import OrgNode
from gonghui.reports.models import FigureValue
from tests.factories import make_org, today
from tests.reports.probe_figures import (  # noqa: F401 - the `probe` and `counted` fixtures
    DEFINITIONS,
    Fixture,
    Probe,
    counted_fixture,
    join,
    probe_fixture,
)

pytestmark = pytest.mark.django_db
PAGE = "/reports/figures/"


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def card(page: str, key: str) -> str:
    found = re.search(rf'<a class="card"[^>]*data-key="{key}".*?</a>', page, re.S)
    assert found, key
    return re.sub(r"\s+", " ", found.group(0))


def test_the_page_opens_on_this_year_so_far_of_the_users_union(counted: Fixture) -> None:
    page = client_of(counted.tree.cadre).get(PAGE).content.decode()
    now = today()
    assert f"{counted.tree.county.name} · {now.year}年（截至{now.month}月{now.day}日）" in page
    assert '<option value="ytd" selected>本年累计</option>' in page and f'value="{now.year}"' in page
    assert "数据更新于" in page and 'id="probe-figures"' in page


def test_each_figure_shows_its_definition_last_year_and_its_target(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    join(counted.tree.union, 10, dt.date(year - 1, 3, 5))
    probe.targets[county.code] = 8
    page = client_of(counted.tree.cadre).get(PAGE, {"under": county.code, "year": year, "span": "year"})
    html = page.content.decode()
    assert f"{county.name} · {year}年度" in html and '<option value="year" selected>全年</option>' in html
    joins = card(html, "probe_joins")
    assert f'href="/members/?under={county.code}&amp;year={year}"' in joins
    assert "5人" in joins and "同比 ↑400.0%" in joins and "（上年同期 1人）" in joins
    assert "目标 8人，完成 62.5%" in joins
    assert f"口径：{DEFINITIONS['probe_joins']}" in joins  # shown, not only on hover
    share = card(html, "probe_share")
    assert "同比 ↑66.6个百分点" in share and "目标" not in share
    assert "同比 →0.0%" in card(html, "probe_people")


def test_a_quarter_says_which_groups_count_by_year_only(counted: Fixture) -> None:
    html = (
        client_of(counted.tree.cadre)
        .get(PAGE, {"under": counted.tree.county.code, "year": counted.year, "span": "q1"})
        .content.decode()
    )
    assert f"{counted.year}年第1季度" in html and '<option value="q1" selected>' in html
    assert "4人" in card(html, "probe_joins")
    assert 'id="probe_yearly-figures">该组指标按年度统计' in html and 'data-key="probe_unions"' not in html


def test_a_period_key_from_another_page_is_read_too(counted: Fixture) -> None:
    join(counted.tree.union, 11, dt.date(counted.year - 1, 4, 3))
    join(counted.tree.other, 12, dt.date(counted.year - 1, 4, 4))
    html = (
        client_of(counted.tree.cadre)
        .get(PAGE, {"under": counted.tree.county.code, "period": f"{counted.year}-04"})
        .content.decode()
    )
    assert f"{counted.year}年4月" in html and '<option value="m4" selected>' in html
    assert "1人" in card(html, "probe_joins") and "同比 ↓50.0%" in card(html, "probe_joins")  # 1 against 2


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"year": lambda: today().year + 1}, "统计期间还没有开始，不能统计将来的数字。"),
        ({"period": "2026Q9"}, "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ({"year": "1900"}, "确保该值大于或等于1949。"),
    ],
)
def test_a_period_that_cannot_be_reported_shows_why_and_counts_nothing(
    counted: Fixture, params: dict[str, Any], reason: str
) -> None:
    query = {key: value() if callable(value) else value for key, value in params.items()}
    response = client_of(counted.tree.cadre).get(PAGE, {"under": counted.tree.county.code, **query})
    html = response.content.decode()
    assert response.status_code == 200 and f'<p class="error">{reason}</p>' in html
    assert 'class="card"' not in html and "导出Excel" not in html
    assert not FigureValue.objects.exists()


def test_a_period_before_the_union_was_set_up_shows_why(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    OrgNode.objects.filter(pk=county.pk).update(established_on=dt.date(year, 6, 1))
    html = client_of(counted.tree.cadre).get(PAGE, {"under": county.code, "year": year, "span": "q1"}).content.decode()
    assert f'<p class="error">该工会{year}-06-01才成立，所选期间早于成立日期。</p>' in html
    assert not FigureValue.objects.exists()
    html = client_of(counted.tree.cadre).get(PAGE, {"under": county.code, "year": year}).content.decode()
    assert "（上年同期尚未成立）" in card(html, "probe_joins")


def test_the_page_says_when_the_numbers_were_counted(counted: Fixture) -> None:
    county, year = counted.tree.county, counted.year
    client = client_of(counted.tree.cadre)
    client.get(PAGE, {"under": county.code, "year": year})
    counted_at = timezone.make_aware(dt.datetime(year + 1, 1, 5, 10, 30))  # after the year ended: final
    FigureValue.objects.filter(org=county, period=str(year)).update(computed_at=counted_at)
    html = client.get(PAGE, {"under": county.code, "year": year}).content.decode()
    assert f"数据更新于 {year + 1}-01-05 10:30" in html and "未更新" not in html


def test_a_union_outside_the_scope_is_not_found(counted: Fixture) -> None:
    for user in (counted.tree.outsider, counted.tree.union_cadre):
        assert client_of(user).get(PAGE, {"under": counted.tree.county.code}).status_code == 404
        response = client_of(user).get(PAGE, {"under": counted.tree.county.code, "format": "xlsx"})
        assert response.status_code == 404
    assert not FigureValue.objects.exists()


def test_the_excel_export_holds_the_page_with_its_definitions(counted: Fixture, probe: Probe) -> None:
    county, year = counted.tree.county, counted.year
    probe.targets[county.code] = 8
    client = client_of(counted.tree.cadre)
    response = client.get(PAGE, {"under": county.code, "year": year, "span": "q1", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="figures-{county.code}-{year}Q1.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    rows = [list(row) for row in book["工作统计"].iter_rows(values_only=True)]
    assert rows[0] == ["分组", "指标", "数值", "单位", "上年同期", "同比", "目标", "完成率", "统计口径", "指标代码"]
    assert rows[1] == [
        "测试分组",
        "测试新入会",
        4,
        "人",
        0,
        None,
        8,
        "50.0%",
        DEFINITIONS["probe_joins"],
        "probe_joins",
    ]
    assert rows[3][:4] == ["测试分组", "测试金额", 2, "元"]
    yearly = ["测试年度分组", "测试工会数", "按年度统计", "个", None, None, None, None]
    assert rows[5] == [*yearly, DEFINITIONS["probe_unions"], "probe_unions"]
    about = dict(book["说明"].iter_rows(min_row=2, values_only=True))
    assert (about["工会组织"], about["统计期间"]) == (county.name, f"{year}年第1季度")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert (event.actor_id, event.org_id, event.detail) == (counted.tree.cadre.pk, county.pk, {"figures": f"{year}Q1"})


def test_a_warm_page_takes_the_same_queries_whatever_the_number_of_children(counted: Fixture) -> None:
    county, client = counted.tree.county, client_of(counted.tree.cadre)
    params = {"under": county.code, "year": counted.year}

    def warm_queries() -> int:
        client.get(PAGE, params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE, params).status_code == 200
        return len(queries)

    few = warm_queries()
    for n in range(5):
        make_org(f"商南县新基层工会{n}", parent=county)
    assert warm_queries() == few

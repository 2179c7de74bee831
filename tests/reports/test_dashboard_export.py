"""The dashboard as Excel: the headline figures with 同比 and their definitions (统计口径), the children side by
side with the own row and the total and each column's definition, the trends and the alerts; audited; scoped."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gonghui.common.models import AuditAction, AuditEvent
from tests.reports.test_dashboard import County


@pytest.fixture
def sn(db: None) -> County:
    return County()


def workbook(sn: County, **params: Any) -> Any:
    query = {"under": sn.county.code, "period": str(sn.year), **params}
    response = sn.client().get(reverse("reports:dashboard_export"), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert f"dashboard-sn-county-{sn.year}-" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content), read_only=True)


def rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_headline_sheet_has_each_figure_with_its_definition(sn: County) -> None:
    book = workbook(sn)
    assert book.sheetnames == ["主要指标", "下级工会对比", "月度趋势", "预警提醒"]
    table = rows(book["主要指标"])
    assert table[0] == ["工作", "指标", "数值", "单位", "上年同期", "同比", "目标", "完成率", "统计口径"]
    joined = next(r for r in table if r[1] == "新入会")
    assert joined[:6] == ["会员", "新入会", 6, "人", 4, "+50.0%"]
    assert joined[8].startswith("本期入会")
    assert all(r[8] for r in table[1:] if len(r) > 8 and r[1])  # every figure says what it counts
    assert table[-1][:3] == ["数据看板", "商南县总工会", f"{sn.year}年度"]


def test_the_breakdown_sheet_adds_up_and_defines_its_columns(sn: County) -> None:
    table = rows(workbook(sn, col=["members_joined"])["下级工会对比"])
    assert table[0] == ["下级工会", "新入会（人）"]
    assert table[1:5] == [["商南县城关基层工会", 3], ["商南县富水基层工会", 1], ["本级", 2], ["合计", 6]]
    assert ["统计口径"] in [r[:1] for r in table]
    definition = next(r for r in table if r and r[0] == "新入会（人）")
    assert definition[1].startswith("本期入会")


def test_the_export_is_audited_and_scoped(sn: County) -> None:
    workbook(sn)
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.detail["list"] == "reports.dashboard" and event.detail["period"] == str(sn.year)
    outside = sn.client(sn.stranger).get(reverse("reports:dashboard_export"), {"under": sn.county.code})
    assert outside.status_code == 404 and not AuditEvent.objects.filter(actor=sn.stranger).exists()

"""Demo statistics (ADR 0019): submitted returns and a work report, made from the other apps' demo records.
Safe to run twice."""

from __future__ import annotations

from typing import Any


def load_demo_reports(admin: Any) -> int:
    """Each part adds its demo here; returns how many new objects were made."""
    from gonghui.reports.returns.demo import load_demo_returns
    from gonghui.reports.workreport.demo import load_demo_work_reports

    made = 0
    made += load_demo_returns(admin)  # 盐城's 月度入会统计表 for last month, its counties' and the city's
    made += load_demo_work_reports(admin)  # 阜宁, 商南 and 柳市's reports for this year so far
    return made

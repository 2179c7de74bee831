"""Reporting periods: every way a cadre writes one, the Chinese reasons for what cannot be reported, 同比 and
labels. `today` is given explicitly (15 August 2026), so nothing here depends on the day the tests run."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gonghui.common.figures import Period
from gonghui.reports.periods import (
    month_period,
    period_before,
    period_check_union,
    period_default,
    period_from_key,
    period_key,
    period_label,
    period_parse,
    periods_current,
    quarter_period,
    same_period_last_year,
    to_date_period,
    year_period,
)
from tests.factories import today

TODAY = dt.date(2026, 8, 15)
D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "number", "start", "end"),
    [
        ("2025", "year", 0, D(2025, 1, 1), D(2025, 12, 31)),
        (" 2025 ", "year", 0, D(2025, 1, 1), D(2025, 12, 31)),
        ("2025年", "year", 0, D(2025, 1, 1), D(2025, 12, 31)),
        ("2025年度", "year", 0, D(2025, 1, 1), D(2025, 12, 31)),
        ("2026Q3", "quarter", 3, D(2026, 7, 1), D(2026, 9, 30)),
        ("2026q1", "quarter", 1, D(2026, 1, 1), D(2026, 3, 31)),
        ("2026-Q2", "quarter", 2, D(2026, 4, 1), D(2026, 6, 30)),
        ("２０２６Ｑ３", "quarter", 3, D(2026, 7, 1), D(2026, 9, 30)),
        ("2025年第四季度", "quarter", 4, D(2025, 10, 1), D(2025, 12, 31)),
        ("2025年4季度", "quarter", 4, D(2025, 10, 1), D(2025, 12, 31)),
        ("2026年第2季度", "quarter", 2, D(2026, 4, 1), D(2026, 6, 30)),
        ("2026-07", "month", 7, D(2026, 7, 1), D(2026, 7, 31)),
        ("2026-7", "month", 7, D(2026, 7, 1), D(2026, 7, 31)),
        ("2024-02", "month", 2, D(2024, 2, 1), D(2024, 2, 29)),
        ("2026年8月", "month", 8, D(2026, 8, 1), D(2026, 8, 31)),
        ("2026年08月份", "month", 8, D(2026, 8, 1), D(2026, 8, 31)),
        ("2026-ytd", "to_date", 0, D(2026, 1, 1), TODAY),
        ("2026-YTD".lower(), "to_date", 0, D(2026, 1, 1), TODAY),
        ("2026-累计", "to_date", 0, D(2026, 1, 1), TODAY),
        ("2026年累计", "to_date", 0, D(2026, 1, 1), TODAY),
        ("2026年本年累计", "to_date", 0, D(2026, 1, 1), TODAY),
        ("2025-ytd", "to_date", 0, D(2025, 1, 1), D(2025, 12, 31)),  # a past year's 累计 is the whole year
        ("1949", "year", 0, D(1949, 1, 1), D(1949, 12, 31)),
    ],
)
def test_every_form_a_cadre_writes_names_its_period(text: str, kind: str, number: int, start: D, end: D) -> None:
    period = period_parse(text, today=TODAY)
    assert (period.kind, period.number, period.start, period.end) == (kind, number, start, end)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ("26", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ("2026Q5", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ("2026-07-01", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ("2026H1", "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        ("2026-13", "月份应在 1 到 12 之间。"),
        ("2026-00", "月份应在 1 到 12 之间。"),
        ("2026年13月", "月份应在 1 到 12 之间。"),
        ("1948", "统计期间不能早于1949年。"),
        ("2027", "统计期间还没有开始，不能统计将来的数字。"),
        ("2027-ytd", "统计期间还没有开始，不能统计将来的数字。"),
        ("2026Q4", "统计期间还没有开始，不能统计将来的数字。"),
        ("2026-09", "统计期间还没有开始，不能统计将来的数字。"),
    ],
)
def test_what_cannot_be_reported_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        period_parse(text, today=TODAY)
    assert refused.value.messages == [reason]


def test_a_period_under_way_may_be_reported() -> None:
    assert period_parse("2026-08", today=TODAY).end == D(2026, 8, 31)  # started on the 1st: this month so far
    assert period_parse("2026Q3", today=TODAY).start == D(2026, 7, 1)


def test_without_a_day_given_today_is_the_unions_today() -> None:
    now = today()
    assert period_parse(f"{now.year}-ytd").end == now
    assert period_default() == to_date_period(now.year, now)
    with pytest.raises(ValidationError):
        period_parse(str(now.year + 1))


def test_a_period_that_ended_before_the_union_was_set_up_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        period_check_union(year_period(2025), D(2026, 3, 1))
    assert refused.value.messages == ["该工会2026-03-01才成立，所选期间早于成立日期。"]
    with pytest.raises(ValidationError):
        period_check_union(month_period(2026, 2), D(2026, 3, 1))
    period_check_union(month_period(2026, 3), D(2026, 3, 1))  # the month it was set up in
    period_check_union(year_period(2026), D(2026, 3, 1))
    period_check_union(year_period(1990), None)  # a union whose founding date is not on record


@pytest.mark.parametrize(
    ("period", "before"),
    [
        (year_period(2026), year_period(2025)),
        (quarter_period(2026, 1), quarter_period(2025, 1)),
        (month_period(2026, 7), month_period(2025, 7)),
        (month_period(2024, 2), Period("month", 2023, 2, D(2023, 2, 1), D(2023, 2, 28))),
        (to_date_period(2026, TODAY), Period("to_date", 2025, 0, D(2025, 1, 1), D(2025, 8, 15))),
        (to_date_period(2028, D(2028, 2, 29)), Period("to_date", 2027, 0, D(2027, 1, 1), D(2027, 2, 28))),
        (to_date_period(2025, D(2025, 3, 1)), Period("to_date", 2024, 0, D(2024, 1, 1), D(2024, 3, 1))),
    ],
)
def test_same_period_last_year(period: Period, before: Period) -> None:
    assert same_period_last_year(period) == before


@pytest.mark.parametrize(
    ("period", "label", "key"),
    [
        (year_period(2025), "2025年度", "2025"),
        (quarter_period(2026, 3), "2026年第3季度", "2026Q3"),
        (month_period(2026, 7), "2026年7月", "2026-07"),
        (to_date_period(2026, TODAY), "2026年（截至8月15日）", "2026-ytd"),
    ],
)
def test_labels_and_keys(period: Period, label: str, key: str) -> None:
    assert (period_label(period), period_key(period)) == (label, key)
    assert period_parse(key, today=TODAY) == period


def test_a_stored_key_reads_back_with_the_day_its_span_ran_to() -> None:
    assert period_from_key("2026Q3") == quarter_period(2026, 3)
    assert period_from_key("2026-ytd", end=D(2026, 5, 4)) == to_date_period(2026, D(2026, 5, 4))
    assert period_from_key("2030") == year_period(2030)  # unchecked: it was checked when stored
    with pytest.raises(ValueError):
        period_from_key("2026-trends")


def test_the_period_before_crosses_the_new_year() -> None:
    assert period_before(month_period(2026, 1)) == month_period(2025, 12)
    assert period_before(month_period(2026, 8)) == month_period(2026, 7)
    assert period_before(quarter_period(2026, 1)) == quarter_period(2025, 4)
    assert period_before(quarter_period(2026, 3)) == quarter_period(2026, 2)
    assert period_before(year_period(2026)) == year_period(2025)


def test_the_periods_read_today_include_the_month_and_quarter_just_ended() -> None:
    keys = [period_key(p) for p in periods_current(D(2026, 1, 10))]
    assert keys == ["2026-ytd", "2026", "2026Q1", "2026-01", "2025-12", "2025Q4"]

"""The return forms: every row a registered figure that counts by period; due days and periods by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gonghui.reports.catalogue import figure_catalogue
from gonghui.reports.periods import month_period, period_key, quarter_period, year_period
from gonghui.reports.returns.return_forms import RETURN_FORMS, forms_filed_by, return_form_get

pytestmark = pytest.mark.django_db


def test_every_row_of_every_form_is_a_registered_figure_counted_by_period() -> None:
    catalogue = figure_catalogue()  # the whole registry, as the running site has it
    for form in RETURN_FORMS.values():
        assert form.keys, form.key
        assert len(form.keys) == len(set(form.keys)), form.key
        missing = [key for key in form.keys if key not in catalogue]
        assert missing == [], f"{form.key}: no such figures {missing}"
        yearly_only = [key for key in form.keys if not catalogue[key].periodic and form.period_kind != "year"]
        assert yearly_only == [], f"{form.key}: counted by year only {yearly_only}"


def test_the_three_forms_of_the_issue_exist() -> None:
    names = {str(form.name): form.period_kind for form in RETURN_FORMS.values()}
    assert names == {"月度入会统计表": "month", "季度帮扶救助统计表": "quarter", "年度工会基层组织统计表": "year"}
    assert [str(f.name) for f in forms_filed_by("grassroots")] == ["年度工会基层组织统计表"]
    assert forms_filed_by("fed_province") == []  # the top of the platform files to no one
    assert len(forms_filed_by("fed_county")) == 3


@pytest.mark.parametrize(
    ("form", "period", "due"),
    [
        ("members-monthly", month_period(2026, 7), dt.date(2026, 8, 5)),
        ("members-monthly", month_period(2026, 12), dt.date(2027, 1, 5)),
        ("members-monthly", month_period(2028, 2), dt.date(2028, 3, 5)),  # 29 February
        ("assistance-quarterly", quarter_period(2026, 2), dt.date(2026, 7, 15)),
        ("orgs-yearly", year_period(2025), dt.date(2026, 1, 31)),
    ],
)
def test_a_return_is_due_days_after_its_period(form: str, period: object, due: dt.date) -> None:
    assert return_form_get(form).due_on(period) == due  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "month", "quarter", "year"),
    [
        (dt.date(2026, 1, 10), "2025-12", "2025Q4", "2025"),
        (dt.date(2026, 3, 31), "2026-02", "2025Q4", "2025"),
        (dt.date(2026, 4, 1), "2026-03", "2026Q1", "2025"),
        (dt.date(2026, 12, 31), "2026-11", "2026Q3", "2025"),
    ],
)
def test_the_period_being_reported_is_the_last_one_that_ended(
    day: dt.date, month: str, quarter: str, year: str
) -> None:
    assert period_key(return_form_get("members-monthly").latest_ended(day)) == month
    assert period_key(return_form_get("assistance-quarterly").latest_ended(day)) == quarter
    assert period_key(return_form_get("orgs-yearly").latest_ended(day)) == year


def test_periods_step_across_years() -> None:
    monthly, quarterly = return_form_get("members-monthly"), return_form_get("assistance-quarterly")
    assert period_key(monthly.previous(month_period(2026, 1))) == "2025-12"
    assert period_key(monthly.following(month_period(2025, 12))) == "2026-01"
    assert period_key(quarterly.previous(quarter_period(2026, 1))) == "2025Q4"
    assert period_key(quarterly.following(quarter_period(2025, 4))) == "2026Q1"


def test_a_union_lists_only_periods_since_it_was_set_up() -> None:
    monthly = return_form_get("members-monthly")
    day = dt.date(2026, 6, 20)
    assert [period_key(p) for p in monthly.recent(day, None)] == [
        "2026-05", "2026-04", "2026-03", "2026-02", "2026-01", "2025-12",
    ]  # fmt: skip
    assert [period_key(p) for p in monthly.recent(day, dt.date(2026, 3, 31))] == ["2026-05", "2026-04", "2026-03"]
    assert monthly.recent(day, dt.date(2026, 6, 1)) == []


@pytest.mark.parametrize(
    ("form", "period", "message"),
    [
        ("assistance-quarterly", month_period(2026, 4), "季度帮扶救助统计表是季报，统计期间应写作如 2026Q3。"),
        ("orgs-yearly", quarter_period(2026, 1), "年度工会基层组织统计表是年报，统计期间应写作如 2026。"),
    ],
)
def test_a_period_of_another_kind_is_refused(form: str, period: object, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        return_form_get(form).check_period(period)  # type: ignore[arg-type]
    assert refused.value.messages == [message]


def test_an_unknown_form_is_named_in_the_reason() -> None:
    with pytest.raises(ValidationError) as refused:
        return_form_get("monthly")
    assert refused.value.messages == ["没有这个统计报表：monthly"]

"""One union's return (live while open, frozen once submitted, with its differences) and its list of returns."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from gonghui.reports.returns.choices import FilingStatus, SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.selectors import return_sheet, returns_due_for
from gonghui.reports.returns.services import return_submit
from tests.factories import today
from tests.reports.returns.conftest import MONTHLY, Fed


def _values(sheet: object) -> dict[str, object]:
    return {row.key: row.value for row in sheet.rows}  # type: ignore[attr-defined]


def test_an_open_return_is_counted_from_the_records(fed: Fed) -> None:
    sheet = return_sheet(fed.town1_cadre, fed.town1, MONTHLY, fed.key)
    assert sheet.status == FilingStatus.OVERDUE and sheet.ended and sheet.diffs is None
    values = _values(sheet)
    assert values["members_joined"] == 3 and values["members_total"] == 4 and values["members_transfers_in"] == 0
    assert [row.section for row in sheet.rows][:1] == ["本月入会和会籍变动"]
    assert sheet.due_on == fed.month.end + dt.timedelta(days=5)
    assert Submission.objects.count() == 0  # reading changes nothing


def test_a_submitted_return_shows_its_snapshot_beside_the_records_now(fed: Fed) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    unchanged = return_sheet(fed.county_admin, fed.town1, MONTHLY, fed.key)
    assert unchanged.status == FilingStatus.SUBMITTED and not unchanged.changed
    fed.join(fed.g1, fed.month.start)  # a join entered late, for the month already reported
    fed.join(fed.g1, fed.month.end, sex="F")
    sheet = return_sheet(fed.county_admin, fed.town1, MONTHLY, fed.key)
    assert _values(sheet)["members_joined"] == 3  # as submitted
    assert sheet.changed
    diffs = {d.submitted.key: d for d in sheet.diffs or []}
    assert (diffs["members_joined"].live_value, diffs["members_joined"].change) == (5, 2)
    assert (diffs["members_total"].submitted.value, diffs["members_total"].live_value) == (4, 6)
    assert diffs["members_women"].change == 1
    assert not diffs["members_left"].changed and diffs["members_left"].change == 0
    assert not any(d.redefined for d in diffs.values())
    stored = Submission.objects.get()
    assert stored.values["members_joined"] == 3 and stored.status == SubmissionStatus.SUBMITTED


def test_a_changed_definition_is_flagged(fed: Fed) -> None:
    submission = return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    figures = [dict(f, definition="旧口径") if f["key"] == "members_left" else f for f in submission.figures]
    Submission.objects.filter(pk=submission.pk).update(figures=figures)
    sheet = return_sheet(fed.town1_cadre, fed.town1, MONTHLY, fed.key)
    assert sheet.redefined and not sheet.changed
    assert [d.submitted.key for d in sheet.diffs or [] if d.redefined] == ["members_left"]


def test_a_union_outside_the_scope_is_not_found(fed: Fed) -> None:
    for user, org in ((fed.sibling_admin, fed.town1), (fed.town2_cadre, fed.town1), (fed.town1_cadre, fed.county)):
        with pytest.raises(Http404):
            return_sheet(user, org, MONTHLY, fed.key)


def test_reading_a_future_period_gives_the_reason(fed: Fed) -> None:
    with pytest.raises(ValidationError) as refused:
        return_sheet(fed.town1_cadre, fed.town1, MONTHLY, f"{today().year + 1}-01")
    assert refused.value.messages == ["统计期间还没有开始，不能统计将来的数字。"]


def test_a_unions_returns_due_submitted_and_overdue(fed: Fed) -> None:
    return_submit(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key)
    rows = returns_due_for(fed.town1_cadre, fed.town1)
    monthly = [(row.key, row.status) for row in rows if row.form.key == MONTHLY]
    assert len(monthly) == 6 and len(rows) == 6 + 4 + 2  # a town files all three forms
    assert monthly[1] == (fed.key, FilingStatus.SUBMITTED)
    last_due = FilingStatus.MISSING if today().day <= 5 else FilingStatus.OVERDUE
    assert monthly[0][1] == last_due
    assert {status for _key, status in monthly[2:]} == {FilingStatus.OVERDUE}


def test_a_new_union_owes_only_what_came_after_it_was_set_up(fed: Fed) -> None:
    fed.town3.established_on = fed.month.end + dt.timedelta(days=1)  # the first of last month
    fed.town3.save(update_fields=["established_on"])
    rows = returns_due_for(fed.county_admin, fed.town3)
    assert [row.key for row in rows if row.form.key == MONTHLY] == [_last_month()]


def _last_month() -> str:
    day = today().replace(day=1) - dt.timedelta(days=1)
    return f"{day.year}-{day.month:02d}"

"""The federation's view: each child's status and submitted values, the roll-up of the snapshots (SUM figures
added up, RECOUNT figures recounted for the subtree), in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gonghui.orgs.kinds import OrgKind
from gonghui.reports.returns.choices import FilingStatus, SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.rollup import children_view
from gonghui.reports.returns.services import return_send_back, return_submit
from tests.factories import make_org
from tests.reports.returns.conftest import MONTHLY, Fed


def _both_towns_submit(fed: Fed) -> None:
    for org, cadre in ((fed.town1, fed.town1_cadre), (fed.town2, fed.town2_cadre)):
        return_submit(actor=cadre, org=org, form_key=MONTHLY, period_text=fed.key)


def _totals(view: Any) -> dict[str, tuple[Any, Any, Any]]:
    return {t.row.key: (t.total, t.submitted_sum, t.row.value) for t in view.totals}


def test_the_county_sees_each_towns_status_and_the_roll_up(fed: Fed) -> None:
    _both_towns_submit(fed)
    view = children_view(fed.county_admin, fed.county, MONTHLY, fed.key)
    # Towns file the monthly return; the county's own grassroots union does not.
    assert [(c.org.name, c.status) for c in view.children] == [
        ("上冈镇总工会", FilingStatus.SUBMITTED),
        ("近湖街道总工会", FilingStatus.SUBMITTED),
        ("冈东镇总工会", FilingStatus.OVERDUE),  # past the 5th of last month
    ]
    assert view.counts == {"submitted": 2, "overdue": 1}
    assert [c.value("members_joined") for c in view.children] == [3, 3, None]
    assert [c.value("members_women") for c in view.children] == [0, 2, None]
    totals = _totals(view)
    assert totals["members_joined"] == (6, 6, 8)  # 3 + 3 submitted; the subtree has 8 (town3 and 本级 besides)
    assert totals["members_left"] == (0, 0, 0)
    # Stocks are recounted for the whole subtree, never summed: 4 + 3 + 1 + the county's own 1.
    assert totals["members_total"] == (9, None, 9)
    assert totals["members_women"] == (2, None, 2)


def test_a_later_change_shows_in_the_subtree_not_in_the_submitted_total(fed: Fed) -> None:
    _both_towns_submit(fed)
    fed.join(fed.town2, fed.month.end)
    view = children_view(fed.county_admin, fed.county, MONTHLY, fed.key)
    assert [c.value("members_joined") for c in view.children][:2] == [3, 3]
    assert _totals(view)["members_joined"][:2] == (6, 6)


def test_a_returned_return_is_shown_as_returned_and_left_out_of_the_sum(fed: Fed) -> None:
    _both_towns_submit(fed)
    town2 = Submission.objects.get(org=fed.town2)
    return_send_back(actor=fed.county_admin, submission=town2, reason="女职工人数请核实")
    view = children_view(fed.county_admin, fed.county, MONTHLY, fed.key)
    assert [c.status for c in view.children] == [FilingStatus.SUBMITTED, FilingStatus.RETURNED, FilingStatus.OVERDUE]
    assert view.children[1].values == {}
    assert _totals(view)["members_joined"][:2] == (3, 3)


def test_a_child_not_yet_due_is_missing_rather_than_overdue(fed: Fed) -> None:
    from gonghui.reports.periods import period_key
    from gonghui.reports.returns.return_forms import return_form_get

    latest = period_key(return_form_get(MONTHLY).latest_ended(timezone.localdate()))
    view = children_view(fed.county_admin, fed.county, MONTHLY, latest)
    expected = FilingStatus.MISSING if timezone.localdate().day <= 5 else FilingStatus.OVERDUE
    assert {c.status for c in view.children} == {expected}


def test_only_the_county_and_those_above_see_its_childrens_returns(fed: Fed) -> None:
    for user in (fed.sibling_admin, fed.town1_cadre):
        with pytest.raises(Http404):
            children_view(user, fed.county, MONTHLY, fed.key)


def test_the_roll_up_reads_the_same_few_queries_for_three_children_or_thirty(fed: Fed) -> None:
    _both_towns_submit(fed)
    for _warm in range(2):  # the county's own sheet counted and kept, the figure catalogue gathered
        children_view(fed.county_admin, fed.county, MONTHLY, fed.key)

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            view = children_view(fed.county_admin, fed.county, MONTHLY, fed.key)
        assert view.children
        return len(queries)

    few = measure()
    towns = [make_org(f"测试镇{n}总工会", parent=fed.county, kind=OrgKind.TOWN, code=f"t-town-{n}") for n in range(27)]
    Submission.objects.bulk_create(
        Submission(
            org=town,
            form=MONTHLY,
            period=fed.key,
            status=SubmissionStatus.SUBMITTED,
            values={"members_joined": 2, "members_total": 10},
            figures=[],
            submitted_at=timezone.now(),
        )
        for town in towns
    )
    many = measure()
    assert many == few <= 4  # the children, their submissions, the county's kept sheet (and the scope)
    view = children_view(fed.county_admin, fed.county, MONTHLY, fed.key)
    assert len(view.children) == 30 and view.counts["submitted"] == 29
    assert _totals(view)["members_joined"][0] == 6 + 27 * 2

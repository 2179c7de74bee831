"""会员 figures: members on the roll at a period's end, joins with their target, transfers, leavers, the roll's
make-up and the monthly joins, for a subtree and a period, against a hand-counted register."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, TRENDS, Rollup
from gonghui.members.choices import JoinSource, MembershipStatus
from gonghui.members.counters import member_counts_repair
from gonghui.members.figures import joins_by_month, members_figures
from gonghui.members.models import JoinTarget, Membership
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import month_period, quarter_period, to_date_period, year_period
from tests.factories import make_org, today
from tests.orgs.figures_fixtures import FigureTree, figure_tree, person

S = MembershipStatus


def member(
    org: OrgNode,
    seq: int,
    joined: dt.date | None,
    *,
    status: str = S.ACTIVE,
    source: str = JoinSource.CADRE,
    ended: dt.date | None = None,
    form: str = "",
    who: Any = None,
    **person_fields: Any,
) -> Membership:
    return Membership.objects.create(
        person=who or person(seq, **person_fields),
        org=org,
        status=status,
        source=source,
        applied_at=timezone.now(),
        joined_on=joined,
        ended_on=ended,
        employment_form=form,
    )


@pytest.fixture
def register(db: None) -> FigureTree:
    """County: 3 joins in March (a), 1 woman truck driver in April (a), 1 migrant worker in November (b); a
    member of a since the year before moved to b on 10 May; a member of b since the year before left on 1
    August; one application waits in a, one was turned down. The sibling county had 1 join in March."""
    t = figure_tree()
    for seq, source in ((1, JoinSource.QR), (2, JoinSource.ONLINE), (3, JoinSource.CADRE)):
        member(t.a, seq, t.day(3, 5 + seq), source=source)
    member(t.a, 4, t.day(4, 20), form="truck_driver", sex="F")
    member(t.b, 5, t.day(11, 2), migrant=True)
    mover = person(6)
    member(t.a, 6, dt.date(t.year - 1, 6, 1), status=S.TRANSFERRED, ended=t.day(5, 10), who=mover)
    member(t.b, 6, t.day(5, 10), source=JoinSource.TRANSFER, who=mover)
    member(t.b, 7, dt.date(t.year - 1, 1, 1), status=S.LEFT, ended=t.day(8, 1))
    member(t.a, 8, None, status=S.PENDING, source=JoinSource.ONLINE)
    member(t.a, 9, None, status=S.REJECTED, source=JoinSource.ONLINE)
    member(t.s, 10, t.day(3, 9))
    member_counts_repair()
    return t


def values(org: OrgNode, period: Any) -> dict[str, Any]:
    return {f.key: f.value for f in members_figures(org, period)}


def test_joins_count_by_period_and_stay_inside_the_subtree(register: FigureTree) -> None:
    t = register
    assert values(t.county, month_period(t.year, 3))["members_joined"] == 3
    assert values(t.county, quarter_period(t.year, 1))["members_joined"] == 3
    assert values(t.county, quarter_period(t.year, 2))["members_joined"] == 1
    year = values(t.county, year_period(t.year))
    assert year["members_joined"] == 5  # the transfer into b is not a join
    assert year["members_joined_new_forms"] == 1
    assert (year["members_transfers_in"], year["members_transfers_out"], year["members_left"]) == (1, 1, 1)
    assert values(t.sibling, year_period(t.year))["members_joined"] == 1
    assert values(t.city, year_period(t.year))["members_joined"] == 6
    assert values(t.a, year_period(t.year))["members_joined"] + values(t.b, year_period(t.year))["members_joined"] == 5


def test_the_roll_at_a_past_period_end_is_recounted_from_join_and_end_dates(register: FigureTree) -> None:
    t = register
    # 31 March: the three March joins, the mover (still in a) and the leaver (still in b).
    assert values(t.county, quarter_period(t.year, 1))["members_total"] == 5
    assert values(t.a, quarter_period(t.year, 1))["members_total"] == 4
    # 30 June: the mover is in b now, counted once at the county; the April join came.
    june = quarter_period(t.year, 2)
    assert (values(t.a, june)["members_total"], values(t.b, june)["members_total"]) == (4, 2)
    assert values(t.county, june)["members_total"] == 6
    # 31 December: the leaver left in August, November's migrant worker joined.
    year = values(t.county, year_period(t.year))
    assert year["members_total"] == 6
    assert (year["members_women"], year["members_migrant"], year["members_new_forms"]) == (1, 1, 1)
    assert year["members_women_share"] == 16.7  # 1 of 6
    assert year["members_pending"] == 1  # waiting today, whatever the period


def test_todays_roll_reads_the_kept_counters(register: FigureTree) -> None:
    t = register
    now = values(t.county, to_date_period(today().year))
    assert now["members_total"] == 6 and now["members_joined"] == 0
    # The counter is what the figure reads for today (a million-member subtree is never COUNT(*)-ed):
    OrgNode.objects.filter(pk=t.a.pk).update(member_count=1000)
    assert values(t.county, to_date_period(today().year))["members_total"] == 1002
    assert values(t.county, year_period(t.year))["members_total"] == 6  # a past day is recounted


def test_a_yearly_join_target_of_the_union_itself_is_the_target(register: FigureTree) -> None:
    t = register
    JoinTarget.objects.create(org=t.county, code="t-all", name="全员入会", year=t.year, target=10)
    JoinTarget.objects.create(
        org=t.county, code="t-truck", name="货车司机入会", year=t.year, target=4, employment_form="truck_driver"
    )
    JoinTarget.objects.create(org=t.county, code="t-old", name="上年入会", year=t.year - 1, target=99)
    JoinTarget.objects.create(org=t.sibling, code="t-sib", name="邻县入会", year=t.year, target=50)
    figures = {f.key: f for f in members_figures(t.county, year_period(t.year))}
    assert figures["members_joined"].target == 10 and figures["members_joined_new_forms"].target == 4
    assert figures["members_total"].target is None
    quarter = {f.key: f for f in members_figures(t.county, quarter_period(t.year, 1))}
    assert quarter["members_joined"].target is None  # a yearly target says nothing of a quarter
    assert {f.key: f for f in members_figures(t.a, year_period(t.year))}["members_joined"].target is None


def test_what_adds_up_and_what_is_recounted(register: FigureTree) -> None:
    figures = {f.key: f for f in members_figures(register.county, year_period(register.year))}
    recounted = {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT}
    assert recounted == {
        "members_total",
        "members_women",
        "members_women_share",
        "members_migrant",
        "members_migrant_share",
        "members_new_forms",
        "members_new_forms_share",
        "members_pending",
    }
    assert all(f.definition and f.label for f in figures.values())
    joins = figures["members_joined"].url
    assert f"start={register.year}-01-01" in joins and "join=new" in joins and "org=f-county" in joins
    assert "under=f-county" in joins
    assert FIGURE_GROUPS["members"].periodic


def test_a_year_given_as_a_number_is_that_year(register: FigureTree) -> None:
    assert values(register.county, register.year) == values(register.county, year_period(register.year))


def test_monthly_joins_are_one_grouped_query(register: FigureTree, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        months = joins_by_month(register.county, register.year)
    assert months == {3: 3, 4: 1, 11: 1}
    assert TRENDS["members_joined"].compute is joins_by_month


def test_the_figures_cost_a_few_queries_however_many_unions(
    register: FigureTree, django_assert_num_queries: Any
) -> None:
    for n in range(5):
        make_org(f"新基层工会{n}", parent=register.county)
    with django_assert_num_queries(3):  # the counters, one pass over the memberships, the targets
        members_figures(register.county, to_date_period(today().year))
    with django_assert_num_queries(2):  # a past period is recounted in the same pass
        members_figures(register.county, year_period(register.year))
    with django_assert_num_queries(1):  # a month has no target to read
        members_figures(register.county, month_period(register.year, 3))

"""活动 figures roll up the subtree: events held, sign-ups, attendance and distinct participants, for any period
(an event counts in the period it starts in)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.common.figures import FIGURE_GROUPS, Rollup
from gonghui.events import signups
from gonghui.events.checkin import ScanIn, scan_record
from gonghui.events.choices import SignUpStatus
from gonghui.events.figures import events_figures
from gonghui.events.models import Event, SignUp
from gonghui.events.tickets import ticket_token
from gonghui.reports.periods import month_period, quarter_period, year_period
from tests.events.conftest import make_event
from tests.factories import Tree, make_member, make_org, today


def local(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def test_figures_count_the_subtree(tree: Tree) -> None:
    now = timezone.now()
    held = make_event(tree.union, tree.cadre, capacity=5, starts_at=now + dt.timedelta(hours=1))
    make_event(tree.stranger, tree.outsider, title="别处的活动")  # not in the county's subtree
    make_event(tree.union, tree.cadre, status="cancelled", title="取消的")
    signup = signups.signup_create(event=held, person=make_member(tree.union, 1).person)
    signups.signup_create(event=held, person=make_member(tree.union, 2).person)
    Event.objects.filter(pk=held.pk).update(starts_at=now - dt.timedelta(hours=2), ends_at=now - dt.timedelta(hours=1))
    held.refresh_from_db()
    scan_record(actor=tree.cadre, event=held, scan=ScanIn(nonce="f1", token=ticket_token(signup)))
    scan_record(actor=tree.cadre, event=held, scan=ScanIn(nonce="f2", category="sanitation"))
    started = timezone.localtime(held.starts_at).date()
    figures = {f.key: f for f in events_figures(tree.county, month_period(started.year, started.month))}
    assert figures["events_held"].value == 1
    assert figures["signups"].value == 2
    assert figures["attendance"].value == 2  # one ticket, one walk-in without a card
    assert figures["participants"].value == 1
    assert figures["attendance"].definition and "under=" in figures["attendance"].url


def test_an_event_counts_in_the_period_it_starts_in(tree: Tree, django_assert_num_queries: Any) -> None:
    """Last year: a lecture on 30 March (two came, one of them again at the May fair), a fair on 2 May, one at
    the neighbouring union on 1 April; a quarter, a month and the year each count their own."""
    year = today().year - 1
    lecture = make_event(tree.union, tree.cadre, starts_at=local(year, 3, 30), ends_at=local(year, 3, 30, 12))
    fair = make_event(tree.other, tree.cadre, starts_at=local(year, 5, 2), ends_at=local(year, 5, 2, 12))
    make_event(tree.stranger, tree.outsider, starts_at=local(year, 4, 1), ends_at=local(year, 4, 1, 12))
    people = [make_member(tree.union, n).person for n in range(1, 4)]
    for event, who in ((lecture, people[0]), (lecture, people[1]), (fair, people[0])):
        SignUp.objects.create(event=event, person=who, status=SignUpStatus.CONFIRMED, checked_in_at=event.starts_at)
    SignUp.objects.create(event=fair, person=people[2], status=SignUpStatus.CONFIRMED)  # signed up, never came

    def values(period: Any) -> dict[str, Any]:
        return {f.key: f.value for f in events_figures(tree.county, period)}

    q1, q2, may = values(quarter_period(year, 1)), values(quarter_period(year, 2)), values(month_period(year, 5))
    assert (q1["events_held"], q1["signups"], q1["attendance"], q1["participants"]) == (1, 2, 2, 2)
    assert (q2["events_held"], q2["signups"], q2["attendance"], q2["participants"]) == (1, 2, 1, 1)
    assert may == q2 and values(month_period(year, 4))["events_held"] == 0
    whole = values(year_period(year))
    assert (whole["events_held"], whole["attendance"]) == (2, 3)
    assert whole["participants"] == 2  # one person came to both: counted once for the year (not 2 + 1)
    assert values(year) == whole  # a year given as a number
    for n in range(4):
        make_org(f"新基层工会{n}", parent=tree.county)
    with django_assert_num_queries(3):  # the events, their sign-ups, card-less walk-ins
        events_figures(tree.county, year_period(year))


def test_distinct_people_and_todays_plans_are_recounted(db: None) -> None:
    group = FIGURE_GROUPS["events"]
    assert group.periodic
    nowhere = SimpleNamespace(code="nowhere", path="ZZZZZZZZ")  # a union that matches nothing, as the catalogue asks
    figures = {f.key: f for f in group.compute(nowhere, year_period(today().year))}
    assert {k for k, f in figures.items() if f.rollup == Rollup.RECOUNT} == {"participants", "events_planned"}

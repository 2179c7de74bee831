"""The event list honours what the 活动 figures link with (issue 19): a union's subtree (`under`, in scope), the
days an event starts in (start, end), published events only, held or still to come, the main events only; the
sign-up and attendance figures link to the events they are counted at. The 普法 figures' year= link still
works. Hand-counted below (last year in 商南's county, 泰安's beside it, and today's)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from gonghui.common.figures import Figure, Period, local_midnight
from gonghui.events.choices import EventKind, EventStatus, ScanOutcome, SignUpStatus
from gonghui.events.figures import events_figures
from gonghui.events.models import Event, Scan, SignUp
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import quarter_period, to_date_period, year_period
from tests.events.conftest import make_event
from tests.factories import Tree, make_member, today
from tests.orgs.drilldown import client_of, follow, found

LIST = reverse("events:list")
PEOPLE = ("signups", "attendance", "participants")


def local(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def held(org: OrgNode, who: Any, day: dt.datetime, **fields: Any) -> Event:
    return make_event(org, who, starts_at=day, ends_at=day + dt.timedelta(hours=2), **fields)


@pytest.fixture
def events(tree: Tree) -> Tree:
    """Last year (y):
    lecture   城关, 30 Mar: p1 and p2 came, a card-less walk-in
    cancelled 城关, 15 Mar; draft 城关, 20 Feb (neither counts)
    fair      富水, 2 May: p1 came, p3 signed up and never came, p2's sign-up cancelled
    meeting   the county's sports meeting, 1 Jun, with its 拔河 item (p3 came to the item)
    泰安's event of 1 Apr is not the county's.
    Today: a talk of 城关 that began at midnight and is still on (planned), p1 signed up."""
    y, cadre = today().year - 1, tree.cadre
    people = [make_member(tree.union, n).person for n in range(1, 4)]
    lecture = held(tree.union, cadre, local(y, 3, 30), title="普法讲座", kind=EventKind.LAW)
    held(tree.union, cadre, local(y, 3, 15), title="取消的活动", status=EventStatus.CANCELLED)
    held(tree.union, cadre, local(y, 2, 20), title="草稿活动", status=EventStatus.DRAFT)
    fair = held(tree.other, cadre, local(y, 5, 2), title="招聘会")
    meeting = held(tree.county, cadre, local(y, 6, 1), title="职工运动会", kind="sports")
    item = held(tree.county, cadre, local(y, 6, 1), title="拔河比赛", kind="sports_item", parent=meeting)
    held(tree.stranger, tree.outsider, local(y, 4, 1), title="泰安的活动")
    came, signed, cancelled = SignUpStatus.CONFIRMED, SignUpStatus.CONFIRMED, SignUpStatus.CANCELLED
    for event, person, status, checked in (
        (lecture, people[0], came, True),
        (lecture, people[1], came, True),
        (fair, people[0], came, True),
        (fair, people[2], signed, False),
        (fair, people[1], cancelled, False),
        (item, people[2], came, True),
    ):
        SignUp.objects.create(
            event=event, person=person, status=status, checked_in_at=event.starts_at if checked else None
        )
    walk_in = {"outcome": ScanOutcome.WALK_IN, "category": "sanitation", "scanned_at": lecture.starts_at}
    Scan.objects.create(event=lecture, nonce="w1", scanner=cadre, **walk_in)  # without a card
    talk = make_event(
        tree.union,
        cadre,
        title="今天的讲座",
        starts_at=local_midnight(today()),
        ends_at=timezone.now() + dt.timedelta(hours=2),
    )
    SignUp.objects.create(event=talk, person=people[0], status=SignUpStatus.CONFIRMED)
    return tree


def by_key(org: OrgNode, period: Period) -> dict[str, Figure]:
    return {f.key: f for f in events_figures(org, period)}


def people_at(page: str) -> dict[str, int]:
    """What the figures count of the people at the events a page lists."""
    listed = Event.objects.filter(pk__in=[int(pk) for pk in re.findall(rf'href="{LIST}(\d+)/"', page)])
    signups = SignUp.objects.filter(event__in=listed).aggregate(
        signups=Count("pk", filter=Q(status__in=[SignUpStatus.CONFIRMED, SignUpStatus.OFFERED])),
        came=Count("pk", filter=Q(checked_in_at__isnull=False)),
        participants=Count("person", filter=Q(checked_in_at__isnull=False), distinct=True),
    )
    walk_ins = Scan.objects.filter(event__in=listed, outcome=ScanOutcome.WALK_IN, signup__isnull=True).count()
    return {
        "signups": signups["signups"],
        "attendance": signups["came"] + walk_ins,
        "participants": signups["participants"],
    }


def assert_each_link_lists_what_it_counts(client: Any, figures: dict[str, Figure]) -> None:
    for key, figure in figures.items():
        page = follow(client, figure.url)
        if key in PEOPLE:  # people: the list holds the events they are counted at
            assert people_at(page)[key] == figure.value, (key, figure.url)
        else:
            assert found(page) == figure.value, (key, figure.url)


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, {"events_held": 1, "signups": 2, "attendance": 3, "participants": 2, "events_planned": 0}),
        (2, {"events_held": 2, "signups": 3, "attendance": 2, "participants": 2}),  # the fair, the meeting (+ item)
    ],
)
def test_each_figure_of_a_quarter_lists_what_it_counts(events: Tree, quarter: int, expected: dict[str, Any]) -> None:
    figures = by_key(events.county, quarter_period(today().year - 1, quarter))
    assert {k: figures[k].value for k in expected} == expected  # hand-counted
    assert_each_link_lists_what_it_counts(client_of(events.cadre), figures)
    page = follow(client_of(events.cadre), figures["events_held"].url)
    assert "泰安的活动" not in page and "取消的活动" not in page and "草稿活动" not in page


def test_the_year_so_far_and_a_childs_cell_list_what_they_count(events: Tree) -> None:
    client = client_of(events.cadre)
    figures = by_key(events.county, to_date_period(today().year))
    assert (figures["events_planned"].value, figures["events_held"].value, figures["signups"].value) == (1, 0, 1)
    assert_each_link_lists_what_it_counts(client, figures)
    union = by_key(events.union, year_period(today().year - 1))  # 城关's own: the lecture
    assert (union["events_held"].value, union["attendance"].value) == (1, 3)
    assert_each_link_lists_what_it_counts(client, union)


def test_the_year_and_the_lists_own_filters_still_work(events: Tree) -> None:
    y, client, county = today().year - 1, client_of(events.cadre), events.county.code
    assert found(follow(client, LIST, under=county, year=y)) == 6  # drafts, cancelled and the item too
    assert found(follow(client, LIST, under=county, year=y, items="0", when="past")) == 5
    law = follow(client, LIST, under=county, year=y, kind=EventKind.LAW, when="past")  # the 普法 figures' link
    assert found(law) == 1 and "普法讲座" in law
    page = follow(client, by_key(events.county, year_period(y))["events_held"].url, q="讲座")
    assert found(page) == 1 and f'value="{y}-01-01"' in page  # a search keeps the period


def test_bad_dates_list_nothing_and_say_why(events: Tree) -> None:
    client, county = client_of(events.cadre), events.county.code
    page = follow(client, LIST, under=county, start="2026-13-40")
    assert "有效的日期" in page and found(page) == 0
    page = follow(client, LIST, under=county, start="2025-12-31", end="2025-01-01")
    assert "截止日期不能早于起始日期。" in page and found(page) == 0


def test_a_union_outside_the_scope_is_refused(events: Tree) -> None:
    url = by_key(events.county, quarter_period(today().year - 1, 1))["events_held"].url
    assert client_of(events.outsider).get(url).status_code == 404
    assert client_of(events.union_cadre).get(url).status_code == 404


def test_the_lists_queries_do_not_grow(events: Tree, django_assert_max_num_queries: Any) -> None:
    client, y = client_of(events.cadre), today().year - 1
    url = by_key(events.county, year_period(y))["signups"].url
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(10):
        held(events.other, events.cadre, local(y, 7, 1 + n), title=f"活动{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert found(follow(client, url)) == 4 + 10  # the lecture, the fair, the meeting and its item

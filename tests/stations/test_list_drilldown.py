"""The station list and the bookings list honour what the 服务阵地 figures link with (issue 19): a union's
subtree (`under`, in scope); the stations open at a period's end (`active` with `end` only: the status as of
that day) and of a kind; those holding a title today; the stations visited in a period with their visits
(`visits`, `category`, start, end); the approved bookings of the union's rooms starting in it (`hosted`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.common.figures import Period
from gonghui.reports.periods import quarter_period
from gonghui.stations.choices import BookingStatus
from gonghui.stations.figures import station_figures
from gonghui.stations.models import Booking, Rating, Station, StationVisit
from tests.factories import Tree, make_room, make_station, make_title, today
from tests.orgs.drilldown import PERIODS, client_of, follow, found

LIST, BOOKINGS = reverse("stations:list"), reverse("stations:bookings")


def local(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def station(org: Any, name: str, kind: str, registered: dt.datetime, closed: dt.datetime | None = None) -> Station:
    made = make_station(org, name=name, kind=kind)
    Station.objects.filter(pk=made.pk).update(created_at=registered, is_active=closed is None, closed_at=closed)
    made.refresh_from_db()
    return made


def book(room: Any, starts: dt.datetime, status: str, booker: Any) -> Booking:
    end = starts + dt.timedelta(hours=1)
    return Booking.objects.create(
        room=room, starts_at=starts, ends_at=end, purpose="读书会", booker_org=booker, status=status
    )


@pytest.fixture
def stations(tree: Tree) -> Tree:
    """Hand-counted, last year (y) by local time. Stations: 城关's 一号 (outdoor) registered 2 January, closed
    1 August; 城关's 四号 registered in February, closed 30 September 23:30; 富水's 二号 (maternal) registered
    1 May, open; 富水's 五号 (outdoor) registered in March, closed 1 October 00:10; 城关's 三号 registered
    5 October, open; 泰安's 别处驿站, open; and 城关's 六号 (maternal) registered today. At the third quarter's end
    二号 and 五号 stood open. 二号 holds a title today.
    Visits in the quarter: 一号 1 July 00:30 (courier); 二号 9 August (delivery and courier); 四号 30 September
    23:30 (courier); outside it: 一号 30 June 23:30, 三号 1 October 00:10, 别处 in August; today: 六号 (courier).
    Bookings of 二号's room: approved 5 August, pending 6 August, approved 1 October 00:10; of 一号's room: approved
    30 September 23:30; 城关 booked 别处's room (approved, 7 August): 泰安's room, not counted for 商南."""
    y, now = today().year - 1, today()
    one = station(tree.union, "一号驿站", "outdoor", local(dt.date(y, 1, 2)), local(dt.date(y, 8, 1)))
    four = station(tree.union, "四号驿站", "outdoor", local(dt.date(y, 2, 2)), local(dt.date(y, 9, 30), 23, 30))
    two = station(tree.other, "二号母婴室", "maternal", local(dt.date(y, 5, 1)))
    station(tree.other, "五号驿站", "outdoor", local(dt.date(y, 3, 1)), local(dt.date(y, 10, 1), 0, 10))
    three = station(tree.union, "三号驿站", "outdoor", local(dt.date(y, 10, 5)))
    elsewhere = station(tree.stranger, "别处驿站", "outdoor", local(dt.date(y, 1, 2)))
    six = station(tree.union, "六号母婴室", "maternal", local(now, 0, 5))
    Rating.objects.create(
        station=two, title=make_title(tree.county), valid_from=now - dt.timedelta(days=30), valid_until=now
    )
    for n, (where, at, category) in enumerate(
        (
            (one, local(dt.date(y, 7, 1), 0, 30), "courier"),
            (two, local(dt.date(y, 8, 9)), "delivery"),
            (two, local(dt.date(y, 8, 9), 11), "courier"),
            (four, local(dt.date(y, 9, 30), 23, 30), "courier"),
            (one, local(dt.date(y, 6, 30), 23, 30), "courier"),
            (three, local(dt.date(y, 10, 1), 0, 10), "courier"),
            (elsewhere, local(dt.date(y, 8, 9)), "courier"),
            (six, local(now, 0, 5), "courier"),
        )
    ):
        StationVisit.objects.create(station=where, at=at, category=category, visitor_key=f"v{n}", bucket=n)
    room, theirs, small = make_room(two), make_room(elsewhere), make_room(one, name="小会议室")
    book(room, local(dt.date(y, 8, 5)), BookingStatus.APPROVED, tree.other)
    book(room, local(dt.date(y, 8, 6)), BookingStatus.PENDING, tree.other)
    book(room, local(dt.date(y, 10, 1), 0, 10), BookingStatus.APPROVED, tree.other)
    book(small, local(dt.date(y, 9, 30), 23, 30), BookingStatus.APPROVED, tree.union)
    book(theirs, local(dt.date(y, 8, 7)), BookingStatus.APPROVED, tree.union)
    return tree


@pytest.mark.parametrize("period", PERIODS.values(), ids=PERIODS.keys())
def test_each_figures_link_lists_what_the_figure_counts(stations: Tree, period: Any) -> None:
    span: Period = period()
    client = client_of(stations.cadre)
    for org in (stations.county, stations.union, stations.other):
        for figure in station_figures(org, span):
            page = follow(client, figure.url)
            assert found(page) == figure.value, (figure.key, org.name, figure.url)
            assert "别处驿站" not in page


def test_the_quarters_figures_are_the_hand_counted_ones(stations: Tree) -> None:
    q3 = quarter_period(today().year - 1, 3)
    county = {f.key: f.value for f in station_figures(stations.county, q3)}
    assert county == {
        "stations": 2,
        "stations_kind_outdoor": 1,
        "stations_kind_maternal": 1,
        "rated": 1,
        "visits": 4,
        "visits_category_courier": 3,
        "visits_category_delivery": 1,
        "bookings": 2,
    }
    union = {f.key: f.value for f in station_figures(stations.union, q3)}
    assert (union["stations"], union["visits"], union["bookings"]) == (0, 2, 1)  # 泰安's room is not 城关's


def test_the_stations_open_at_the_end_are_those_standing_then(stations: Tree) -> None:
    q3, client = quarter_period(today().year - 1, 3), client_of(stations.cadre)
    figure = next(f for f in station_figures(stations.county, q3) if f.key == "stations")
    assert "start=" not in figure.url and f"end={q3.end.isoformat()}" in figure.url
    page = follow(client, figure.url)
    assert "二号母婴室" in page and "五号驿站" in page and "四号驿站" not in page and "三号驿站" not in page
    closed = follow(client, LIST, under=stations.county.code, active=0, end=q3.end.isoformat())
    assert found(closed) == 2 and "一号驿站" in closed and "四号驿站" in closed  # closed by 30 September
    assert found(follow(client, LIST, under=stations.county.code, active=1)) == 3  # today: 二号, 三号, 六号


def test_the_visits_list_counts_per_station(stations: Tree) -> None:
    q3 = quarter_period(today().year - 1, 3)
    figure = next(f for f in station_figures(stations.county, q3) if f.key == "visits")
    page = follow(client_of(stations.cadre), figure.url)
    assert "涉及 3 个阵地" in page and "到访日期从" in page
    assert 'name="visits" value="1"' in page and f'name="start" value="{q3.start.isoformat()}"' in page
    assert "三号驿站" not in page and "六号母婴室" not in page


def test_the_bookings_of_the_unions_rooms_only(stations: Tree) -> None:
    q3, client = quarter_period(today().year - 1, 3), client_of(stations.cadre)
    everything = follow(client, BOOKINGS, under=stations.union.code, status="approved", start=q3.start.isoformat())
    assert found(everything) == 2  # 一号's room, and the room 城关 booked at 别处
    assert found(follow(client, BOOKINGS, under=stations.union.code, status="approved", hosted=1)) == 1
    assert found(follow(client, BOOKINGS, under=stations.other.code)) == 1  # 待审批 by default


def test_a_union_outside_the_scope_is_refused(stations: Tree) -> None:
    for url in (LIST, BOOKINGS):
        response = client_of(stations.outsider).get(url, {"under": stations.county.code, "start": "2025-01-01"})
        assert response.status_code == 404 and "不在您的管理范围内" in response.content.decode()
        assert client_of(stations.union_cadre).get(url, {"under": stations.other.code}).status_code == 404


BAD = [
    ({"start": "2026-13-40"}, "有效的日期"),
    ({"start": "2026-05-01", "end": "2026-04-01"}, "截止日期不能早于起始日期"),
    ({"start": "2026-13-40", "visits": "1"}, "有效的日期"),
]


@pytest.mark.parametrize(("params", "error"), BAD)
@pytest.mark.parametrize("url", [LIST, BOOKINGS])
def test_bad_dates_list_nothing_and_say_why(stations: Tree, url: str, params: dict[str, str], error: str) -> None:
    page = follow(client_of(stations.cadre), url, under=stations.county.code, **params)
    assert error in page and 'id="filter-errors"' in page and found(page) == 0

"""Opening hours: parsing (overnight, 24 h, overlaps, end before start), open-at for a moment, holidays, and
the database filter agreeing with the Python rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from gonghui.stations.hours import (
    DAY,
    Span,
    Timetable,
    format_day,
    is_open,
    parse_day,
    parse_special,
    parse_week,
)
from gonghui.stations.models import SpecialDay, Station
from gonghui.stations.selectors import open_now_q
from tests.factories import make_org, make_station

MONDAY = dt.date(2026, 3, 2)  # a Monday


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def test_two_spans_a_day() -> None:
    assert parse_day("08:00-12:00, 14:00-18:00") == [Span(480, 720), Span(840, 1080)]
    assert parse_day("14:00-18:00，08:00 - 12:00") == [Span(480, 720), Span(840, 1080)]
    assert parse_day("０８：００～１２：００") == [Span(480, 720)]


def test_overnight_whole_day_and_closed() -> None:
    assert parse_day("22:00-次日06:00") == [Span(1320, DAY + 360)]
    assert parse_day("22:00 - 次日 06:00") == [Span(1320, DAY + 360)]
    assert parse_day("全天") == [Span(0, DAY)]
    assert parse_day("00:00-24:00") == [Span(0, DAY)]
    assert parse_day("") == [] and parse_day("休息") == []
    assert format_day(parse_day("22:00-次日06:00")) == "22:00-次日06:00"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("18:00-08:00", "结束时间早于开始时间"),
        ("18:00-08:00", "22:00-次日06:00".replace("22:00", "18:00").replace("06:00", "08:00")),
        ("08:00-12:00, 11:00-13:00", "重叠"),
        ("09:00-09:00", "相同"),
        ("8点到12点", "无法识别"),
        ("25:00-26:00", "时间无效"),
        ("08:00-次日09:00", "超过 24 小时"),
    ],
)
def test_bad_hours_are_refused_in_chinese(text: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(text)
    assert says in caught.value.messages[0]


def test_overnight_span_may_not_run_into_the_next_days_hours() -> None:
    week = {0: "22:00-次日06:00", 1: "05:00-12:00"}
    with pytest.raises(ValidationError) as caught:
        parse_week(week)
    assert "周一" in caught.value.messages[0] and "周二" in caught.value.messages[0]
    assert parse_week({0: "22:00-次日06:00", 1: "06:00-12:00"})[0] == [Span(1320, 1800)]


def test_errors_name_the_weekday_field() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_week({3: "12:00-08:00"})
    assert list(caught.value.message_dict) == ["day_3"]


def test_overnight_carries_into_the_next_day() -> None:
    table = Timetable(week={0: [Span(1320, DAY + 360)]}, special={})
    assert table.open_at(at(MONDAY, 23))
    assert table.open_at(at(MONDAY + dt.timedelta(days=1), 5, 59))  # Tuesday early morning
    assert not table.open_at(at(MONDAY + dt.timedelta(days=1), 6, 0))
    assert not table.open_at(at(MONDAY, 21, 59))
    assert not table.open_at(at(MONDAY, 5))  # Monday 05:00 belongs to Sunday's (empty) night


def test_24_hours_and_holidays() -> None:
    holiday = MONDAY + dt.timedelta(days=2)
    table = Timetable(week={}, special={holiday: []}, is_24h=True)
    assert table.open_at(at(MONDAY, 3))
    assert not table.open_at(at(holiday, 12))
    shorter = Timetable(week={d: [Span(480, 1080)] for d in range(7)}, special={holiday: [Span(600, 900)]})
    assert not shorter.open_at(at(holiday, 9)) and shorter.open_at(at(holiday, 10))


def test_special_day_text() -> None:
    assert parse_special("") is None and parse_special("闭馆") is None
    assert parse_special("10:00-16:00") == Span(600, 960)
    with pytest.raises(ValidationError):
        parse_special("08:00-10:00, 12:00-14:00")


@given(st.integers(0, 23), st.integers(0, 59), st.integers(1, 23 * 60))
def test_any_valid_span_round_trips(hour: int, minute: int, length: int) -> None:
    opens = hour * 60 + minute
    closes = opens + length
    text = format_day([Span(opens, closes)]) if closes != DAY or opens else "全天"
    assert parse_day(text) == [Span(opens, closes)]


@pytest.mark.django_db
def test_database_filter_agrees_with_python(settings: object) -> None:
    org = make_org("测试工会", code="hours-org")
    day = make_station(org, name="白天站", hours="08:00-12:00, 14:00-18:00")
    night = make_station(org, name="夜间站", hours="22:00-次日06:00")
    always = make_station(org, name="全天站", hours=None, is_24h=True)
    closed = make_station(org, name="已关闭", hours="全天", is_active=False, closed_at=timezone.now())
    holiday = MONDAY + dt.timedelta(days=1)
    SpecialDay.objects.create(station=always, date=holiday, closed=True)
    SpecialDay.objects.create(station=day, date=holiday, closed=False, opens=1200, closes=DAY + 120)
    moments = [at(MONDAY, h, m) for h in (0, 5, 9, 13, 15, 23) for m in (0, 30)]
    moments += [at(holiday, h) for h in (0, 1, 3, 9, 21, 22)] + [at(holiday + dt.timedelta(days=1), 1)]
    for moment in moments:
        in_db = set(Station.objects.filter(open_now_q(moment)).values_list("name", flat=True))
        in_python = {s.name for s in (day, night, always, closed) if is_open(Station.objects.get(pk=s.pk), moment)}
        assert in_db == in_python, moment
    assert "已关闭" not in in_db

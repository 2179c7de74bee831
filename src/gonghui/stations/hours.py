"""Opening hours: parsing what a cadre types per weekday, telling whether a station is open at a moment, and
the same question as a database filter for lists.

A weekday's hours are spans in minutes from midnight: "08:00-12:00, 14:00-18:00". A span past midnight is
written "22:00-次日06:00" and stored closing after 1440, so it carries into the next day. "全天" (or
"24小时") is the whole day; "" or "休息" is closed. A special day (holiday) replaces the weekday's spans for
its date, and is closed or has one span of its own. A 24-hour station is open whenever no special day
says otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DAY = 24 * 60
WEEKDAYS = [
    gettext_lazy("周一"),
    gettext_lazy("周二"),
    gettext_lazy("周三"),
    gettext_lazy("周四"),
    gettext_lazy("周五"),
    gettext_lazy("周六"),
    gettext_lazy("周日"),
]
WHOLE_DAY_WORDS = {"全天", "24小时", "24h", "0:00-24:00", "00:00-24:00"}
CLOSED_WORDS = {"", "休息", "闭馆", "不开放", "关闭"}
_TIME = r"(\d{1,2})[:：](\d{2})"
_SPAN = re.compile(rf"^{_TIME}\s*(?:-|–|—|~|～|至|到)\s*(次日)?\s*{_TIME}$")
_SEPARATORS = re.compile(r"[,，;；、\s]+(?=\d)|[,，;；、]")


@dataclass(frozen=True, order=True)
class Span:
    opens: int  # minutes from midnight, < 1440
    closes: int  # > opens; > 1440 when the span runs past midnight

    @property
    def overnight(self) -> bool:
        return self.closes > DAY

    def covers(self, minute: int) -> bool:
        return self.opens <= minute < self.closes

    def __str__(self) -> str:
        return format_span(self)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_span(span: Span) -> str:
    if span.opens == 0 and span.closes == DAY:
        return _("全天")
    if span.closes > DAY:
        return f"{_clock(span.opens)}-次日{_clock(span.closes - DAY)}"
    return f"{_clock(span.opens)}-{_clock(span.closes)}"


def format_day(spans: Iterable[Span]) -> str:
    spans = sorted(spans)
    return ", ".join(format_span(s) for s in spans) if spans else _("休息")


def _normalise(text: str) -> str:
    text = text.translate(str.maketrans("０１２３４５６７８９：－～", "0123456789:-~")).strip()
    text = re.sub(r"\s*(-|–|—|~|至|到)\s*(次日)?\s*", r"\1\2", text)
    return re.sub(r"\s+", " ", text)


def _minutes(hours: str, minutes: str, *, piece: str, end: bool) -> int:
    h, m = int(hours), int(minutes)
    if m >= 60 or h > 24 or (h == 24 and (m or not end)):
        raise ValidationError(_("“%(piece)s”中的时间无效。") % {"piece": piece})
    return h * 60 + m


def parse_span(piece: str) -> Span:
    match = _SPAN.match(piece)
    if match is None:
        raise ValidationError(
            _("无法识别“%(piece)s”，请按“08:00-12:00”填写，跨夜写作“22:00-次日06:00”。") % {"piece": piece}
        )
    oh, om, next_day, ch, cm = match.groups()
    opens = _minutes(oh, om, piece=piece, end=False)
    closes = _minutes(ch, cm, piece=piece, end=True)
    if next_day:
        if closes > opens:
            raise ValidationError(_("“%(piece)s”跨夜超过 24 小时。") % {"piece": piece})
        closes += DAY
    elif closes == opens:
        raise ValidationError(_("“%(piece)s”的开始和结束时间相同。") % {"piece": piece})
    elif closes < opens:
        raise ValidationError(
            _("“%(piece)s”的结束时间早于开始时间；如跨夜，请写作“%(fix)s”。")
            % {"piece": piece, "fix": f"{_clock(opens)}-次日{_clock(closes)}"}
        )
    return Span(opens, closes)


def parse_day(text: str) -> list[Span]:
    """The spans of one day's text, sorted; [] when closed. Refuses overlaps and backwards spans."""
    text = _normalise(text)
    if text in CLOSED_WORDS:
        return []
    if text.replace(" ", "") in WHOLE_DAY_WORDS:
        return [Span(0, DAY)]
    pieces = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
    spans = sorted(parse_span(p) for p in pieces)
    for before, after in itertools.pairwise(spans):
        if after.opens < before.closes:
            raise ValidationError(_("“%(a)s”与“%(b)s”时间重叠。") % {"a": format_span(before), "b": format_span(after)})
    return spans


def parse_week(texts: Mapping[int, str]) -> dict[int, list[Span]]:
    """Each weekday's spans (0 = Monday), with errors keyed `day_<n>`; an overnight span may not run into
    the next day's first span."""
    week: dict[int, list[Span]] = {}
    errors: dict[str, list[str]] = {}
    for day in range(7):
        try:
            week[day] = parse_day(texts.get(day, ""))
        except ValidationError as exc:
            errors[f"day_{day}"] = exc.messages
    if errors:
        raise ValidationError(errors)
    for day in range(7):
        late = [s for s in week[day] if s.overnight]
        following = week[(day + 1) % 7]
        if late and following and following[0].opens < late[-1].closes - DAY:
            raise ValidationError(
                {
                    f"day_{day}": _("%(day)s的跨夜时段“%(a)s”与%(next)s的“%(b)s”重叠。")
                    % {
                        "day": WEEKDAYS[day],
                        "a": format_span(late[-1]),
                        "next": WEEKDAYS[(day + 1) % 7],
                        "b": format_span(following[0]),
                    }
                }
            )
    return week


@dataclass
class Timetable:
    """A station's hours as plain data: the week, its special days, and whether it never closes."""

    week: dict[int, list[Span]]
    special: dict[dt.date, list[Span]]  # a date present here replaces the weekday's spans ([] = closed)
    is_24h: bool = False

    def spans_on(self, date: dt.date) -> list[Span]:
        if date in self.special:
            return self.special[date]
        if self.is_24h:
            return [Span(0, DAY)]
        return self.week.get(date.weekday(), [])

    def open_at(self, at: dt.datetime) -> bool:
        """Open at this local wall-clock moment: a span of the day covers it, or yesterday's overnight span
        still runs."""
        minute = at.hour * 60 + at.minute
        if any(s.covers(minute) for s in self.spans_on(at.date())):
            return True
        yesterday = at.date() - dt.timedelta(days=1)
        return any(s.covers(minute + DAY) for s in self.spans_on(yesterday))


def timetable(station: Any) -> Timetable:
    """The station's timetable: read for a list card already (selectors.with_cards), else from its prefetched
    `hours` and `special_days` (or a query each)."""
    cached = getattr(station, "card_timetable", None)
    if cached is not None:
        return cached
    week: dict[int, list[Span]] = {d: [] for d in range(7)}
    for row in station.hours.all():
        week[row.weekday].append(Span(row.opens, row.closes))
    special = {sd.date: ([] if sd.closed else [Span(sd.opens, sd.closes)]) for sd in station.special_days.all()}
    return Timetable(week={d: sorted(s) for d, s in week.items()}, special=special, is_24h=station.is_24h)


def is_open(station: Any, at: dt.datetime | None = None) -> bool:
    if not station.is_active:
        return False
    return timetable(station).open_at(timezone.localtime(at or timezone.now()))


def week_texts(station: Any) -> dict[int, str]:
    """What the hours editor shows per weekday (the stored spans, formatted back)."""
    table = timetable(station)
    return {d: ", ".join(format_span(s) for s in table.week[d]) for d in range(7)}


def parse_special(text: str) -> Span | None:
    """A special day's hours: None when closed, else exactly one span."""
    spans = parse_day(text)
    if len(spans) > 1:
        raise ValidationError(_("特殊日期只能填写一个时段。"))
    return spans[0] if spans else None

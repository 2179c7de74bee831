"""Reporting periods as cadres write them: 2026 (年度), 2026Q3 (第三季度), 2026-07 (7月), 2026-累计 / 2026-ytd
(本年累计, 1 January to today), and the same in words (2026年, 2026年第三季度, 2026年7月, 2026年累计). Parsing
refuses what cannot be reported with a Chinese reason: a period in the future, or one that ends before the union
was set up."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.figures import Period

FIRST_YEAR = 1949
KINDS = ("year", "quarter", "month", "to_date")
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-?(?P<q>[Qq][1-4])|-(?P<m>\d{1,2})|-(?P<ytd>ytd|累计))?$")
# 2026年, 2026年第三季度 / 2026年3季度 / 2026年第3季度, 2026年7月 / 2026年07月, 2026年累计 / 2026年本年累计
_WORDS = re.compile(
    r"^(?P<year>\d{4})年(?:度)?(?:第?(?P<q>[1-4一二三四])季度|(?P<m>\d{1,2})月(?:份)?|(?P<ytd>(?:本年)?累计))?$"
)
_CHINESE_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


def year_period(year: int) -> Period:
    return Period("year", year, 0, dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * quarter - 2
    last_day = calendar.monthrange(year, first + 2)[1]
    return Period("quarter", year, quarter, dt.date(year, first, 1), dt.date(year, first + 2, last_day))


def month_period(year: int, month: int) -> Period:
    last_day = calendar.monthrange(year, month)[1]
    return Period("month", year, month, dt.date(year, month, 1), dt.date(year, month, last_day))


def to_date_period(year: int, today: dt.date | None = None) -> Period:
    """1 January to today this year; a past year's 累计 is the whole year."""
    today = today or timezone.localdate()
    end = min(today, dt.date(year, 12, 31))
    return Period("to_date", year, 0, dt.date(year, 1, 1), end)


def period_key(period: Period) -> str:
    """The period as it travels in URLs, the API and stored snapshots: 2026, 2026Q3, 2026-07, 2026-ytd."""
    return {
        "year": f"{period.year}",
        "quarter": f"{period.year}Q{period.number}",
        "month": f"{period.year}-{period.number:02d}",
        "to_date": f"{period.year}-ytd",
    }[period.kind]


def period_label(period: Period) -> str:
    if period.kind == "quarter":
        return _("%(year)s年第%(n)s季度") % {"year": period.year, "n": period.number}
    if period.kind == "month":
        return _("%(year)s年%(n)s月") % {"year": period.year, "n": period.number}
    if period.kind == "to_date":
        return _("%(year)s年（截至%(month)s月%(day)s日）") % {
            "year": period.year,
            "month": period.end.month,
            "day": period.end.day,
        }
    return _("%(year)s年度") % {"year": period.year}


def _match(text: str) -> re.Match[str] | None:
    # Full-width digits and letters (２０２６Ｑ３), as typed with a Chinese input method, read as ASCII.
    text = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    return _PATTERN.match(text) or _WORDS.match(text)


def _period_of(match: re.Match[str], today: dt.date) -> Period:
    year = int(match["year"])
    if match["q"]:
        number = match["q"][-1]
        return quarter_period(year, _CHINESE_QUARTERS.get(number) or int(number))
    if match["m"]:
        month = int(match["m"])
        if not 1 <= month <= 12:
            raise ValidationError(_("月份应在 1 到 12 之间。"), code="period")
        return month_period(year, month)
    if match["ytd"]:
        return to_date_period(year, today)
    return year_period(year)


def period_parse(text: str, *, today: dt.date | None = None) -> Period:
    """The period a key names, or a ValidationError saying why it cannot be reported."""
    today = today or timezone.localdate()
    match = _match(text)
    if not match:
        raise ValidationError(_("统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"), code="period")
    if int(match["year"]) < FIRST_YEAR:
        raise ValidationError(_("统计期间不能早于%(year)s年。") % {"year": FIRST_YEAR}, code="period")
    period = _period_of(match, today)
    if period.start > today:
        raise ValidationError(_("统计期间还没有开始，不能统计将来的数字。"), code="future")
    return period


def period_from_key(key: str, *, end: dt.date | None = None) -> Period:
    """A stored period key read back, unchecked (it was checked when stored); `end` is the last day a
    本年累计 key covered when it was computed. ValueError for what no key looks like."""
    match = _PATTERN.match(key)
    if not match:
        raise ValueError(f"not a period key: {key!r}")
    year = int(match["year"])
    return _period_of(match, end or dt.date(year, 12, 31))


def period_check_union(period: Period, established_on: dt.date | None) -> None:
    """A period that ended before the union was set up has nothing to report."""
    if established_on and period.end < established_on:
        raise ValidationError(
            _("该工会%(date)s才成立，所选期间早于成立日期。") % {"date": established_on.isoformat()},
            code="before_union",
        )


def same_period_last_year(period: Period) -> Period:
    """The period 同比 compares with: the same quarter, month or span one year earlier (29 February's span
    ends on the 28th)."""
    year = period.year - 1
    if period.kind == "quarter":
        return quarter_period(year, period.number)
    if period.kind == "month":
        return month_period(year, period.number)
    if period.kind == "to_date":
        end = period.end.replace(year=year) if (period.end.month, period.end.day) != (2, 29) else dt.date(year, 2, 28)
        return Period("to_date", year, 0, dt.date(year, 1, 1), end)
    return year_period(year)


def period_before(period: Period) -> Period:
    """The period just before: the previous month or quarter (across the new year), the previous year."""
    if period.kind == "month":
        return month_period(period.year - 1, 12) if period.number == 1 else month_period(period.year, period.number - 1)
    if period.kind == "quarter":
        return (
            quarter_period(period.year - 1, 4) if period.number == 1 else quarter_period(period.year, period.number - 1)
        )
    return year_period(period.year - 1)


def period_default(today: dt.date | None = None) -> Period:
    """What a dashboard opens on: this year so far."""
    today = today or timezone.localdate()
    return to_date_period(today.year, today)


def periods_current(today: dt.date | None = None) -> list[Period]:
    """The periods a cadre reads today: this year so far, this year, this quarter, this month, and the month
    and quarter that just ended (the ones returns are filed for)."""
    today = today or timezone.localdate()
    month = month_period(today.year, today.month)
    quarter = quarter_period(today.year, (today.month - 1) // 3 + 1)
    return [
        to_date_period(today.year, today),
        year_period(today.year),
        quarter,
        month,
        period_before(month),
        period_before(quarter),
    ]

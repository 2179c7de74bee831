"""Reporting periods as cadres write them: 2026 (年度), 2026Q3 (第三季度), 2026-07 (7月), 2026-累计 / 2026-ytd
(本年累计, 1 January to today). Parsing refuses what cannot be reported with a Chinese reason: a period in
the future, or one that ends before the union was set up."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.figures import Period

FIRST_YEAR = 1949
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:(?P<q>[Qq][1-4])|-(?P<m>\d{1,2})|-(?P<ytd>ytd|累计))?$")


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


def period_parse(text: str, *, today: dt.date | None = None) -> Period:
    """The period a key names, or a ValidationError saying why it cannot be reported."""
    today = today or timezone.localdate()
    match = _PATTERN.match((text or "").strip())
    if not match:
        raise ValidationError(_("统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"), code="period")
    year = int(match["year"])
    if year < FIRST_YEAR:
        raise ValidationError(_("统计期间不能早于%(year)s年。") % {"year": FIRST_YEAR}, code="period")
    if match["q"]:
        period = quarter_period(year, int(match["q"][1]))
    elif match["m"]:
        month = int(match["m"])
        if not 1 <= month <= 12:
            raise ValidationError(_("月份应在 1 到 12 之间。"), code="period")
        period = month_period(year, month)
    elif match["ytd"]:
        period = to_date_period(year, today)
    else:
        period = year_period(year)
    if period.start > today:
        raise ValidationError(_("统计期间还没有开始，不能统计将来的数字。"), code="future")
    return period


def period_check_union(period: Period, established_on: dt.date | None) -> None:
    """A period that ended before the union was set up has nothing to report."""
    if established_on and period.end < established_on:
        raise ValidationError(
            _("该工会%(date)s才成立，所选期间早于成立日期。") % {"date": established_on.isoformat()},
            code="before_union",
        )


def same_period_last_year(period: Period) -> Period:
    """The period 同比 compares with: the same quarter, month or span one year earlier."""
    year = period.year - 1
    if period.kind == "quarter":
        return quarter_period(year, period.number)
    if period.kind == "month":
        return month_period(year, period.number)
    if period.kind == "to_date":
        end = period.end.replace(year=year) if (period.end.month, period.end.day) != (2, 29) else dt.date(year, 2, 28)
        return Period("to_date", year, 0, dt.date(year, 1, 1), end)
    return year_period(year)


def period_default(today: dt.date | None = None) -> Period:
    """What a dashboard opens on: this year so far."""
    today = today or timezone.localdate()
    return to_date_period(today.year, today)

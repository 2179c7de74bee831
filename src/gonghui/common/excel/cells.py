"""Turning spreadsheet cells into clean Python values."""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.textnorm import clean_text

EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def cell_text(value: object) -> str:
    """A cell as text; integral floats lose their '.0' (5.0 -> '5')."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return _clean_short(value) if len(value) <= 32 and not value.isascii() else clean_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(value)


# Names, villages, employers and choice labels repeat down a roster: each distinct short Chinese cell is tidied
# once (ASCII cells, mostly unique numbers, are cheap to tidy and would only churn the cache).
_clean_short = functools.lru_cache(maxsize=65536)(clean_text)


def cell_date(value: object) -> dt.date | None:
    """Dates as Excel stores them: real dates, serial numbers, or typed text."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if is_number(value):
        serial = float(value)  # type: ignore[arg-type]
        if 1 <= serial < 2958466:  # 1900-01-01 .. 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
        raise ValidationError(_("日期格式不正确。"), code="date")
    text = clean_text(value)
    if not text:
        return None
    return _date_from_text(text)


@functools.lru_cache(maxsize=16384)
def _date_from_text(text: str) -> dt.date:
    # A roster's join dates repeat (a whole enterprise joins on one day): each distinct text is parsed once.
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                break
    raise ValidationError(
        _("日期“%(value)s”无法识别，请写成 2024-05-01 这样的格式。"), code="date", params={"value": text}
    )


def cell_decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    text = cell_text(value).replace(",", "").replace("元", "").replace("¥", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("“%(value)s”不是有效的数字。"), code="number", params={"value": text}) from None

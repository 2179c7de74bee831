"""Numbers as the union stories write them: "268名快递小哥", "服务卡8200余张", "慰问金6.5万元", "超500万元".

A work report's sentence template says, for each figure, which way the story gives it (`Style`); this module
turns the value into the words. The rules, with the stories' own examples:

Exact (`Style.EXACT`): the count as it is.
  * Whole numbers in digits without separators: 268 → "268", 15580 → "15580".
  * From 1万 (1亿) on, in 万 (亿) when that takes at most one decimal: 65,000 → "6.5万", 300,000 → "30万",
    2.5亿; otherwise the digits: 15,580 → "15580".
  * Sums with fen keep at most two decimals, trailing zeros dropped: 2,345.50 → "2345.5".

Rounded down (`Style.ABOUT` "余", the default, and `Style.MORE` "多"), checked in this order:
  1. Below 10, or already a round number at the precision below: the exact phrase (nothing is lost).
  2. 近 when the value lies just below a round number: within a tenth of the kept unit below it
     (3,199 → "近3200", 19 → "近20"), or within 2% below a number with one significant digit
     (2,950 → "近3000", 19.8万 → "近20万").
  3. Otherwise the value cut down to its kept digits, then 余 or 多:
     * a plain number keeps its leading digit below 100 (62 → "60多", 24 → "20余") and two digits from 100 up
       (124 → "120余", 8,230 → "8200余");
     * a number said in 万 or 亿 keeps one decimal below 10 (17,239 → "1.7万余", 25,600 → "2.5万余") and its
       leading digit from 10 up (700,126 → "70余万", 3,120,000 → "300余万"), two when that digit is 1
       (185,000 → "18万余", 12,345,678 → "1200余万"), which would otherwise lose up to half the figure.
     余/多 stand after 万/亿 when the kept number ends in a nonzero digit ("1.7万余") and before it when it
     ends in zero ("70余万", "300余万"), as the stories write them.

Over (`Style.OVER` "超"): the round number with one significant digit the value just passes, prefixed 超, when
  the value is at most 10% above it (310 → "超300", 5,022,000 → "超500万"); further above, the rounded-down
  phrase with 余 (it would undersell the figure). A value exactly round is said exactly.

Shares (`percent`): one decimal, dropped when whole: 70.0 → "70%", 41.4 → "41.4%", 33.333 → "33.3%".
Zero and negative values are said exactly (the narrative leaves out a sentence whose figure is zero).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum


class Style(StrEnum):
    EXACT = "exact"
    ABOUT = "余"
    MORE = "多"
    OVER = "超"


WAN = Decimal(10_000)
YI = Decimal(100_000_000)
OVER_MARGIN = Decimal("0.10")  # 超 only up to 10% above the round number
NEAR_MARGIN = Decimal("0.02")  # 近 within 2% below a one-digit round number


def _decimal(value: int | float | Decimal | str) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def _plain(value: Decimal) -> str:
    """Digits without separators, at most two decimals, trailing zeros dropped: 2345.50 → 2345.5."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scale(value: Decimal) -> tuple[Decimal, str]:
    if value >= YI:
        return YI, "亿"
    if value >= WAN:
        return WAN, "万"
    return Decimal(1), ""


def _in_units(value: Decimal) -> str:
    """A round number said in 万 or 亿 where it is one (500万, 1.7万, 2.5亿), else in digits."""
    size, unit = _scale(value)
    scaled = value / size
    if unit and scaled == scaled.quantize(Decimal("0.1"), rounding=ROUND_FLOOR):
        return _plain(scaled) + unit
    return _plain(value)


def _floor_to(value: Decimal, unit: Decimal) -> Decimal:
    return (value / unit).to_integral_value(rounding=ROUND_FLOOR) * unit


def _leading_unit(value: Decimal) -> Decimal:
    """The place value of the leading digit: 1 for 7, 100 for 310, 1,000,000 for 5,022,000."""
    return Decimal(10) ** (len(str(int(value))) - 1)


def _kept_unit(value: Decimal) -> Decimal:
    """The place value of the last digit a rounded phrase keeps (see the module's rule 3)."""
    size, unit = _scale(value)
    scaled = value / size
    if unit:
        if scaled < 10:
            return size / 10
        lead = _leading_unit(scaled)
        return lead * size if scaled >= 2 * lead else lead * size / 10  # 18.5万 → 18万余, not 10余万
    return _leading_unit(value) if value < 100 else _leading_unit(value) / 10


def _with_word(kept: Decimal, word: str) -> str:
    """'8200余', '1.7万余', '70余万': the word before 万/亿 when the kept number ends in zero."""
    size, unit = _scale(kept)
    number = _plain(kept / size)
    if unit and number.endswith("0"):
        return f"{number}{word}{unit}"
    return f"{number}{unit}{word}"


def _near(value: Decimal) -> str | None:
    kept = _kept_unit(value)
    above = _floor_to(value, kept) + kept
    if above - value <= kept / 10:
        return "近" + _in_units(above)
    lead = _leading_unit(value)
    round_above = _floor_to(value, lead) + lead
    if round_above - value <= round_above * NEAR_MARGIN:
        return "近" + _in_units(round_above)
    return None


def phrase(value: int | float | Decimal | str, style: Style | str = Style.ABOUT, unit: str = "") -> str:
    """The number as a story says it, then `unit` (名, 家, 元 …): see the module's rules."""
    number = _decimal(value)
    style = Style(style)
    return _number(number, style) + unit


def _number(value: Decimal, style: Style) -> str:
    if style is Style.EXACT or value < 10:
        return _in_units(value) if value >= WAN else _plain(value)
    lead = _leading_unit(value)
    round_below = _floor_to(value, lead)
    if value == round_below:
        return _in_units(value)
    if style is Style.OVER and value - round_below <= round_below * OVER_MARGIN:
        return "超" + _in_units(round_below)
    kept = _floor_to(value, _kept_unit(value))
    if kept == value:
        return _in_units(value)
    near = _near(value)
    if near is not None:
        return near
    return _with_word(kept, "多" if style is Style.MORE else "余")


def percent(value: int | float | Decimal | str) -> str:
    """A share with one decimal, the decimal dropped when it is zero: 70.0 → 70%, 41.4 → 41.4%."""
    rounded = _decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"

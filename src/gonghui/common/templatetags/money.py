"""Money and counts as a cadre reads them: 1,234,567.50 元, 123.46 万元, 12,345 人."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.translation import get_language

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def yuan(value: Any, places: int = 2) -> str:
    """Yuan with thousands separators and `places` decimals (0 for whole yuan); blank for nothing."""
    amount = _decimal(value)
    if amount is None:
        return ""
    quantum = Decimal(1).scaleb(-int(places))
    return f"{amount.quantize(quantum, rounding=ROUND_HALF_UP):,.{int(places)}f}"


@register.filter
def wan(value: Any) -> str:
    """Yuan in 万 (ten thousands), two decimals, as the reports write large sums: 1,234,567 → 123.46."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return f"{(amount / 10000).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


@register.filter
def figure(value: Any) -> str:
    """A report figure: whole numbers and sums of money with separators, shares with their decimal."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return count(value)


@register.filter
def count(value: Any) -> str:
    """A whole number with thousands separators (humanize's intcomma follows the language; this never does)."""
    amount = _decimal(value)
    return "" if amount is None else f"{int(amount):,}"


@register.filter
def about(value: Any) -> str:
    """A large count as the stories say it, one decimal in 万 or 亿 (17,239 → 1.7万); blank below 10,000."""
    amount = _decimal(value)
    if amount is None or isinstance(value, float) or abs(amount) < 10_000 or not get_language().startswith("zh"):
        return ""
    unit, size = ("亿", Decimal(100_000_000)) if abs(amount) >= 100_000_000 else ("万", Decimal(10_000))
    return f"{(amount / size).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP).normalize():f}{unit}"

"""困难类别 from income, not typed: per-capita monthly income after essential costs, against local 低保.

深度困难: below the standard; 相对困难: from the standard up to twice it; 意外致困: above that, but made
poor by an accident or disaster. Staff may override with a recorded reason (services).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gonghui.assistance.choices import ACCIDENT_CAUSES, Category
from gonghui.assistance.models import SubsistenceStandard

CENT = Decimal("0.01")


def per_capita_income(*, own: Decimal, other: Decimal, essential: Decimal, family_size: int) -> Decimal:
    """Household income less fixed essential costs, per person per month; never below zero."""
    if family_size < 1:
        raise ValidationError(_("家庭人口至少为 1。"))
    net = max(own + other - essential, Decimal(0))
    return (net / family_size).quantize(CENT, rounding=ROUND_HALF_UP)


def classify(*, per_capita: Decimal, standard: Decimal, causes: Iterable[str]) -> Category:
    if per_capita < standard:
        return Category.DEEP
    if per_capita <= standard * 2:
        return Category.RELATIVE
    if any(cause in ACCIDENT_CAUSES for cause in causes):
        return Category.ACCIDENT
    return Category.NONE


def _region_chain(code: str) -> list[str]:
    """County → prefecture → province: 320904, 320900, 320000."""
    chain = [code, code[:4] + "00", code[:2] + "0000"]
    return list(dict.fromkeys(chain))


def standard_for(region_code: str, year: int) -> Decimal:
    """The 低保 standard that applies: the region's own, else its prefecture's, else its province's."""
    chain = _region_chain(region_code)
    found = {s.region_id: s.monthly for s in SubsistenceStandard.objects.filter(region_id__in=chain, year=year)}
    for code in chain:
        if code in found:
            return found[code]
    raise ValidationError(
        _("没有 %(year)s 年 %(region)s 的低保标准，请先在“低保标准”中维护。"),
        code="no_standard",
        params={"year": year, "region": region_code},
    )

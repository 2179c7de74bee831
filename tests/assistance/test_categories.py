from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gonghui.assistance.categories import classify, per_capita_income, standard_for
from gonghui.assistance.choices import Category, Cause
from gonghui.assistance.models import SubsistenceStandard

S = Decimal("800.00")


@pytest.mark.parametrize(
    ("per_capita", "causes", "expected"),
    [
        ("799.99", [], Category.DEEP),
        ("800.00", [], Category.RELATIVE),  # at the standard: no longer below it
        ("1600.00", [], Category.RELATIVE),  # "within 2×" includes twice the standard
        ("1600.01", [], Category.NONE),
        ("1600.01", [Cause.ACCIDENT], Category.ACCIDENT),
        ("5000.00", [Cause.ILLNESS, Cause.DISASTER], Category.ACCIDENT),
        ("100.00", [Cause.ACCIDENT], Category.DEEP),  # income decides first
    ],
)
def test_category_boundaries(per_capita: str, causes: list[str], expected: Category) -> None:
    assert classify(per_capita=Decimal(per_capita), standard=S, causes=causes) == expected


def test_per_capita_income_deducts_essential_costs_and_never_goes_negative() -> None:
    assert per_capita_income(own=Decimal(2000), other=Decimal(1000), essential=Decimal(600), family_size=3) == Decimal(
        "800.00"
    )
    assert per_capita_income(own=Decimal(1000), other=Decimal(0), essential=Decimal(1200), family_size=2) == 0
    assert per_capita_income(own=Decimal(1000), other=Decimal(0), essential=Decimal(0), family_size=3) == Decimal(
        "333.33"
    )
    with pytest.raises(ValidationError):
        per_capita_income(own=Decimal(1), other=Decimal(0), essential=Decimal(0), family_size=0)


@pytest.mark.django_db
def test_the_standard_is_the_county_s_else_the_prefecture_s_else_the_province_s() -> None:
    SubsistenceStandard.objects.create(region_id="320000", year=2026, monthly=Decimal("700"))
    SubsistenceStandard.objects.create(region_id="320900", year=2026, monthly=Decimal("750"))
    SubsistenceStandard.objects.create(region_id="320904", year=2026, monthly=Decimal("800"))
    assert standard_for("320904", 2026) == Decimal("800")
    assert standard_for("320925", 2026) == Decimal("750")
    assert standard_for("321002", 2026) == Decimal("700")
    with pytest.raises(ValidationError, match="2025"):
        standard_for("320904", 2025)

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gonghui.common.idcard import PROVINCE_PREFIXES, Sex, check_char, normalize_idcard, parse_idcard, upgrade_15

# Worked example from GB 11643-1999 Appendix A: 11010519491231002X.
STANDARD_EXAMPLE = "11010519491231002X"


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(PROVINCE_PREFIXES)))
    rest_of_region = draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)))
    sequence = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first17 = f"{province}{rest_of_region}{birth:%Y%m%d}{sequence}"
    return first17 + check_char(first17)


def test_standard_example() -> None:
    parsed = parse_idcard(STANDARD_EXAMPLE)
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.sex is Sex.FEMALE
    assert parsed.region_code == "110105"


@given(resident_ids())
def test_valid_ids_parse_and_derive_birth_sex_region(number: str) -> None:
    parsed = parse_idcard(number)
    assert parsed.number == number
    assert parsed.birth_date.strftime("%Y%m%d") == number[6:14]
    assert parsed.sex is (Sex.MALE if int(number[16]) % 2 else Sex.FEMALE)
    assert parsed.region_code == number[:6]


@given(resident_ids(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_changing_any_one_character_is_rejected(number: str, position: int, shift: int) -> None:
    alphabet = "0123456789X" if position == 17 else "0123456789"
    current = alphabet.index(number[position])
    replacement = alphabet[(current + shift) % len(alphabet)]
    if replacement == number[position]:
        return
    tampered = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_idcard(tampered)


@given(resident_ids())
def test_lower_case_x_and_full_width_digits_and_spaces_are_normalised(number: str) -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number.lower())
    assert parse_idcard(f"  {full_width[:6]} {full_width[6:]}\u3000").number == number


def test_fifteen_digit_legacy_number_is_converted() -> None:
    legacy = "110105491231002"
    assert upgrade_15(legacy) == STANDARD_EXAMPLE
    assert parse_idcard(legacy).number == STANDARD_EXAMPLE
    assert normalize_idcard(legacy) == STANDARD_EXAMPLE


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "required"),
        ("1.10105194912310E+17", "excel_number"),
        ("110105194912310020.0", "excel_number"),
        ("11010519491231002", "format"),
        ("99010519491231002X", "region"),
        ("110105194902300028", "birth_date"),
        ("110105189912310028", "birth_date"),
        ("110105194912310021", "checksum"),
    ],
)
def test_bad_numbers_get_a_reason_in_chinese(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_idcard(value)
    assert info.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.messages[0])


def test_future_birth_date_is_rejected() -> None:
    first17 = "11010520991231002"
    with pytest.raises(ValidationError):
        parse_idcard(first17 + check_char(first17), today=dt.date(2026, 1, 1))


def test_non_ascii_digits_are_not_digits() -> None:
    arabic_indic = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in STANDARD_EXAMPLE)
    with pytest.raises(ValidationError):
        parse_idcard(arabic_indic)


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_check_char_agrees_with_the_standard_digit_by_digit_sum(first17: str) -> None:
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # GB 11643: W_i = 2^(i-1) mod 11, counted from the right
    assert check_char(first17) == "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


@pytest.mark.parametrize("birth", ["19990230", "20001301", "19000000"])
def test_impossible_birth_dates_are_refused_every_time(birth: str) -> None:
    first17 = f"320904{birth}001"
    for _ in range(2):  # birth dates are parsed once and remembered: a bad one must stay bad
        with pytest.raises(ValidationError, match="出生日期"):
            parse_idcard(first17 + check_char(first17))

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gonghui.common.mobile import validate_mobile


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_valid_numbers_with_any_common_decoration(number: str) -> None:
    for decorated in (
        number,
        f"+86 {number}",
        f"0086{number}",
        f"86{number}",
        f"{number[:3]}-{number[3:7]}-{number[7:]}",
    ):
        assert validate_mobile(decorated) == number


def test_full_width_digits() -> None:
    assert validate_mobile("１３８００１３８０００") == "13800138000"


@pytest.mark.parametrize("bad", ["", "12800138000", "1380013800", "138001380001", "021-12345678", "abc"])
def test_bad_numbers(bad: str) -> None:
    with pytest.raises(ValidationError):
        validate_mobile(bad)


def test_a_trailing_newline_is_never_kept() -> None:
    assert validate_mobile("13812345678\n") == "13812345678"

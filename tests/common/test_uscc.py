import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gonghui.common.uscc import CHARSET, check_char, validate_union_uscc, validate_uscc

# Published codes of real bodies (public registration data).
REAL = ["91350100M000100Y43", "91110108551385082Q", "91440300708461136T"]


@st.composite
def usccs(draw: st.DrawFn, prefix: str | None = None) -> str:
    head = prefix or draw(st.sampled_from(["11", "12", "51", "52", "81", "91", "92", "93", "Y1"]))
    region = draw(st.from_regex(r"[0-9]{6}", fullmatch=True))
    body = "".join(draw(st.lists(st.sampled_from(CHARSET), min_size=9, max_size=9)))
    first17 = head + region + body
    return first17 + check_char(first17)


@pytest.mark.parametrize("code", REAL)
def test_real_codes_validate(code: str) -> None:
    assert validate_uscc(code) == code


@given(usccs())
def test_generated_codes_validate(code: str) -> None:
    assert validate_uscc(code.lower()) == code


@given(usccs(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=30))
def test_changing_one_character_is_rejected(code: str, position: int, shift: int) -> None:
    replacement = CHARSET[(CHARSET.index(code[position]) + shift) % len(CHARSET)]
    tampered = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(ValidationError):
        validate_uscc(tampered)


@given(usccs(prefix="81"))
def test_grassroots_union_codes_start_with_81(code: str) -> None:
    assert validate_union_uscc(code) == code


def test_a_company_code_is_not_a_union_code() -> None:
    with pytest.raises(ValidationError) as info:
        validate_union_uscc(REAL[0])
    assert info.value.code == "not_union"


@pytest.mark.parametrize("bad", ["", "9135010", "91350100M000100I43", "91350100M000100Y44"])
def test_bad_codes_are_rejected(bad: str) -> None:
    with pytest.raises(ValidationError):
        validate_uscc(bad)

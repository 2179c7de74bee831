"""Member numbers the platform gives: the union's region code, then the membership id in at least eight digits."""

from __future__ import annotations

ID_DIGITS = 8


def given_member_no(region: str, membership_id: int) -> str:
    return f"{region}{membership_id:0{ID_DIGITS}d}"


def may_be_given(number: str, *, region: str, above: int) -> bool:
    """Whether `number` has the form the platform would give a membership whose id is above `above`."""
    digits = number[len(region) :] if number.startswith(region) else ""
    return len(digits) >= ID_DIGITS and digits.isascii() and digits.isdigit() and int(digits) > above

"""Masked display of personal data. Every page and export goes through these."""

from __future__ import annotations

from enum import StrEnum


class PIIKind(StrEnum):
    IDCARD = "idcard"
    MOBILE = "mobile"
    BANK_ACCOUNT = "bank"
    TEXT = "text"


def mask_idcard(value: str) -> str:
    """110105********123X: region kept, birth date and sequence hidden."""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_mobile(value: str) -> str:
    """138****5678."""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_bank_account(value: str) -> str:
    """Only the last four digits, as banks print them."""
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def mask_text(value: str) -> str:
    return value[:1] + "*" * max(len(value) - 1, 0) if value else ""


_MASKERS = {
    PIIKind.IDCARD: mask_idcard,
    PIIKind.MOBILE: mask_mobile,
    PIIKind.BANK_ACCOUNT: mask_bank_account,
    PIIKind.TEXT: mask_text,
}


def mask(kind: PIIKind | str, value: str | None) -> str:
    if not value:
        return ""
    return _MASKERS[PIIKind(kind)](value)

"""The 56 ethnic groups (民族), in the order of GB/T 3304, for forms and import checks."""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "ethnic_groups.csv"


@functools.cache
def ethnic_groups() -> tuple[str, ...]:
    return tuple(line.strip() for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())


def normalize_ethnic_group(text: str) -> str:
    """'汉' and '汉族' both mean 汉族; unknown values come back unchanged (the caller decides)."""
    text = text.strip()
    if not text or text in ethnic_groups():
        return text
    return f"{text}族" if f"{text}族" in ethnic_groups() else text

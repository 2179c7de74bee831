"""Normalisation of text typed by people or pasted from Excel.

Full-width digits and letters (１２３ＡＢＣ), ideographic spaces, zero-width
characters and stray whitespace are folded before any validation or lookup.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"\s+")
_UNTIDY_SPACE = re.compile(r"\s\s|[^\S ]")  # a run of whitespace, or any whitespace but a plain space


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width; leaves Chinese characters alone."""
    return unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)


def clean_text(value: object) -> str:
    """A cell or form value as a tidy single-line string ('' for None).

    Imports call this for every cell, so the common cases (already normalised,
    single spaces) skip the expensive steps.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():  # full-width forms and zero-width characters are never ASCII
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.translate(_ZERO_WIDTH)
    if _UNTIDY_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()


def compact(value: object) -> str:
    """Like clean_text but with every space removed (IDs, codes, phone numbers)."""
    if isinstance(value, str) and value.isalnum() and value.isascii():
        return value  # already compact: the usual ID or phone cell, millions of them in an import
    return _SPACES.sub("", clean_text(value))

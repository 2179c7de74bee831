"""Normalisation of text typed by people or pasted from Excel.

Full-width digits and letters (１２３ＡＢＣ), ideographic spaces, zero-width
characters and stray whitespace are folded before any validation or lookup.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"\s+")


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width; leaves Chinese characters alone."""
    return unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)


def clean_text(value: object) -> str:
    """A cell or form value as a tidy single-line string ('' for None)."""
    if value is None:
        return ""
    text = fold_width(str(value))
    return _SPACES.sub(" ", text).strip()


def compact(value: object) -> str:
    """Like clean_text but with every space removed (IDs, codes, phone numbers)."""
    return _SPACES.sub("", clean_text(value))

"""Chinese search keys: simplified form, full pinyin and initials.

Stored at write time so 劉保柱, 刘保柱, liubaozhu and lbz all find the same row
with an indexed prefix or contains query, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import opencc
from pypinyin import Style, lazy_pinyin

from gonghui.common.textnorm import clean_text

_LATIN = re.compile(r"^[a-z0-9 ]+$")


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass(frozen=True)
class SearchKeys:
    simplified: str
    pinyin: str
    initials: str


def to_simplified(text: str) -> str:
    return _t2s().convert(clean_text(text))


@functools.lru_cache(maxsize=200_000)
def search_keys(text: str) -> SearchKeys:
    """Cached: rosters repeat names often, and pinyin conversion is the slow part of an import."""
    simplified = to_simplified(text)
    # errors="default" keeps digits and Latin letters as they are.
    syllables = [s.lower() for s in lazy_pinyin(simplified, errors="default") if s.strip()]
    initials = lazy_pinyin(simplified, style=Style.FIRST_LETTER, errors="default")
    return SearchKeys(
        simplified=simplified,
        pinyin="".join(syllables).replace(" ", ""),
        initials="".join(i.lower() for i in initials if i.strip()).replace(" ", ""),
    )


@dataclass(frozen=True)
class SearchQuery:
    text: str
    latin: bool


def parse_query(raw: str) -> SearchQuery | None:
    """A user's search box input: Latin input means pinyin, otherwise characters."""
    text = clean_text(raw).lower()
    if not text:
        return None
    if _LATIN.match(text):
        return SearchQuery(text=text.replace(" ", ""), latin=True)
    return SearchQuery(text=to_simplified(text), latin=False)

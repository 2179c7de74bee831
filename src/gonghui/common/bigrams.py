"""Character bigrams of Chinese text: the terms of the similarity and matching hints.

Chinese has no spaces, so a text's terms are its character pairs within each run of letters, digits or
characters (simplified, lower case; punctuation and spaces split runs). 五小 duplicate hints and the help
desk's expert ranking both weigh them.
"""

from __future__ import annotations

import re
from collections import Counter

from gonghui.common.search_keys import to_simplified

_NOT_TEXT = re.compile(r"[^\w]|_", re.UNICODE)


def bigrams(text: str) -> Counter[str]:
    """Character bigrams within each run of letters, digits or characters (simplified, lower case)."""
    counts: Counter[str] = Counter()
    for run in _NOT_TEXT.split(to_simplified(text).lower()):
        counts.update(run[i : i + 2] for i in range(len(run) - 1))
    return counts

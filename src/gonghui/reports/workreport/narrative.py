"""The work report's text, written from a union's figures for a period by the table in sections.py.

A paragraph is a list of runs, `{"t": text}` or `{"t": text, "k": key}` for a figure as the text says it; the
figures a report uses are kept beside the paragraphs (label, value, unit, definition, link to the records),
so every number on the page knows where it comes from. A report is a Chinese document, as the stories are,
whatever language the pages are in: it is written under zh-hans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.figures import Figure, Period
from gonghui.reports.periods import period_label
from gonghui.reports.workreport.phrasing import percent, phrase
from gonghui.reports.workreport.sections import FLOW, SECTIONS, STOCK, Clause, Listing, Sentence

Run = dict[str, str]
_SLOT = re.compile(r"\{([a-z0-9_]+)(?:\|([^}]+))?\}")
NUMERALS = "一二三四五六七八九十"


@dataclass
class Notable:
    """An item picked from the records ("效益最大的五小项目"), said as runs, in a section of the report."""

    section: str
    runs: list[Run]
    figures: dict[str, dict[str, str]]


@dataclass
class Narrative:
    title: str
    paragraphs: list[dict[str, Any]]  # {"id", "title" (a section's heading, "" for the opening), "runs"}
    figures: dict[str, dict[str, str]] = field(default_factory=dict)


def value_text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01')).normalize():f}"
    return str(value)


def figure_entry(figure: Figure) -> dict[str, str]:
    return {
        "label": str(figure.label),
        "value": value_text(figure.value),
        "unit": str(figure.unit),
        "definition": str(figure.definition),
        "url": figure.url,
    }


def _said(figure: Figure, style: str) -> str:
    return percent(figure.value) if style == "%" else phrase(figure.value, style)  # type: ignore[arg-type]


def _present(figure: Figure | None) -> bool:
    return figure is not None and figure.value is not None and figure.value != 0


class _Writer:
    def __init__(self, figures: dict[str, Figure], period: Period) -> None:
        self.figures = figures
        self.period = period
        self.used: dict[str, dict[str, str]] = {}

    def clause(self, clause: Clause) -> list[Run] | None:
        """The clause's runs, or None when one of its figures is missing or zero."""
        text = str(clause.text)
        runs: list[Run] = []
        at = 0
        for slot in _SLOT.finditer(text):
            figure = self.figures.get(slot[1])
            if figure is None or not _present(figure):
                return None
            runs.append({"t": text[at : slot.start()]})
            runs.append({"t": _said(figure, slot[2] or "余"), "k": figure.key})
            self.used[figure.key] = figure_entry(figure)
            at = slot.end()
        runs.append({"t": text[at:]})
        return runs

    def listing(self, listing: Listing) -> list[Run] | None:
        family = [f for key, f in self.figures.items() if key.startswith(listing.prefix) and _present(f)]
        if not family:
            return None
        items: list[Run] = []
        for n, figure in enumerate(family):
            unit = str(listing.unit) if listing.unit else str(figure.unit)
            items.append({"t": ("、" if n else "") + str(figure.label)})
            items.append({"t": _said(figure, listing.style), "k": figure.key})
            items.append({"t": unit})
            self.used[figure.key] = figure_entry(figure)
        before, _sep, after = str(listing.text).partition("{items}")
        return [{"t": before}, *items, {"t": after}]

    def sentence(self, sentence: Sentence, union: str, *, first: bool = True) -> list[Run]:
        """The sentence's runs ([] when it has nothing to say); `first`: the first lead of its paragraph, which
        names the union (a later one says only the period: "今年以来，")."""
        parts = []
        for clause in sentence.clauses:
            if clause.kinds and self.period.kind not in clause.kinds:
                continue
            runs = self.listing(clause) if isinstance(clause, Listing) else self.clause(clause)
            if runs is not None:
                parts.append(runs)
        if not parts:
            return []
        opening = lead(sentence.lead, self.period, union) if first else lead(sentence.lead, self.period, "")
        out: list[Run] = [{"t": opening}] if sentence.lead else []
        for n, runs in enumerate(parts):
            out += ([{"t": "，"}] if n else []) + runs
        return [*out, {"t": "。"}]


def lead(kind: str, period: Period, union: str) -> str:
    """How a sentence opens for the period: "截至目前，阜宁县总工会累计" for what happened in it (FLOW),
    "截至2025年底，阜宁县总工会" for what stands at its end (STOCK); without a union (a paragraph's second
    lead), the short form: "今年以来，", "全年", "本季度"."""
    # This year so far, or a year not over yet: "截至目前…累计", never "全年" for part of a year.
    current = period.kind in ("to_date", "year") and period.end >= timezone.localdate()
    label = period_label(period)
    if not union:
        return _short_lead(kind, period, current)
    if kind == FLOW:
        if current:
            return _("截至目前，%(union)s累计") % {"union": union}
        if period.yearly:
            return _("%(year)s年，%(union)s全年") % {"year": period.year, "union": union}
        return _("%(period)s，%(union)s") % {"period": label, "union": union}
    if kind == STOCK:
        if current:
            return _("截至目前，%(union)s") % {"union": union}
        if period.yearly:
            return _("截至%(year)s年底，%(union)s") % {"year": period.year, "union": union}
        return _("截至%(period)s末，%(union)s") % {"period": label, "union": union}
    return ""


def _short_lead(kind: str, period: Period, current: bool) -> str:
    if kind == FLOW:
        if current:
            return _("今年以来，")
        return {"quarter": _("本季度"), "month": _("本月")}.get(period.kind, _("全年"))
    if kind == STOCK:
        return _("目前，") if current else _("到期末，")
    return ""


def merge(runs: list[Run]) -> list[Run]:
    """Adjacent plain runs joined and empty ones dropped, so a paragraph stores as few runs as it reads."""
    out: list[Run] = []
    for run in runs:
        if not run["t"]:
            continue
        if out and "k" not in run and "k" not in out[-1]:
            out[-1] = {"t": out[-1]["t"] + run["t"]}
        else:
            out.append(dict(run))
    return out


def report_title(union: str, period: Period) -> str:
    return _("%(union)s%(period)s工作报告") % {"union": union, "period": period_label(period)}


def opening(union: str, period: Period) -> str:
    return _(
        "%(period)s，%(union)s坚持以职工为中心，围绕中心、服务大局，团结动员广大职工建功立业，各项工作取得新进展。"
        "现将主要工作情况报告如下。"
    ) % {"period": period_label(period), "union": union}


def write(union: str, period: Period, figures: dict[str, Figure], notables: list[Notable]) -> Narrative:
    """The report: an opening paragraph, then one paragraph per line of work that has something to say."""
    writer = _Writer(figures, period)
    paragraphs: list[dict[str, Any]] = [
        {"id": "opening", "title": "", "runs": [{"t": opening(union, period)}]},
    ]
    used: dict[str, dict[str, str]] = {}
    for section in SECTIONS:
        runs: list[Run] = []
        named = False  # whether a lead in this paragraph has named the union yet
        for sentence in section.sentences:
            said = writer.sentence(sentence, union, first=not named)
            named = named or bool(said and sentence.lead)
            runs += said
        for notable in notables:
            if notable.section == section.key:
                runs += notable.runs
                used.update(notable.figures)
        if runs:
            paragraphs.append({"id": section.key, "title": str(section.title), "runs": merge(runs)})
    return Narrative(title=report_title(union, period), paragraphs=paragraphs, figures={**writer.used, **used})


def heading(number: int, title: str) -> str:
    """ "一、组织建设": the numbered heading of the report's n-th section (1-based)."""
    numeral = NUMERALS[number - 1] if number <= 10 else f"十{NUMERALS[number - 11]}"
    return f"{numeral}、{title}"


def plain(runs: list[Run]) -> str:
    return "".join(run["t"] for run in runs)


def relink(text: str, runs: list[Run]) -> list[Run]:
    """An edited paragraph's text as runs again: where it still says a figure as the generated text did, that
    phrase keeps its figure (first occurrence in the generated order first), so an edit keeps the sources."""
    queue: dict[str, list[str]] = {}
    for run in runs:
        if "k" in run:
            queue.setdefault(run["t"], []).append(run["k"])
    if not queue:
        return [{"t": text}] if text else []
    # Longest phrases first, and never inside a longer number ("20余" is not the end of "120余").
    pattern = re.compile(r"(?<![0-9.])(?:" + "|".join(re.escape(t) for t in sorted(queue, key=len, reverse=True)) + ")")
    out: list[Run] = []
    at = 0
    for match in pattern.finditer(text):
        keys = queue[match[0]]
        if not keys:
            continue
        out.append({"t": text[at : match.start()]})
        out.append({"t": match[0], "k": keys.pop(0)})
        at = match.end()
    out.append({"t": text[at:]})
    return merge(out)

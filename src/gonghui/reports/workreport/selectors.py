"""Reads of work report drafts, through the scope: the drafts a user may see, one draft, and a draft as it reads
(the cadre's edits over the generated text, each figure still linked to its source)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.reports.catalogue import figure_catalogue
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.narrative import Run, heading, plain, relink

TITLE = "title"


def drafts_for(user: Any, *, under: OrgNode | None = None) -> QuerySet[Draft]:
    qs = scope_for(user).filter(Draft.objects.select_related("org", "updated_by"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    return qs.order_by("-pk")  # newest first, as the pages' cursor (page_after) needs


def draft_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Draft:
    draft = get_object_or_404(Draft.objects.select_related("org", "created_by", "updated_by"), pk=pk)
    require(user, draft.org, perm)
    return draft


@dataclass(frozen=True)
class Shown:
    """One paragraph as the report reads: `heading` numbered ("二、服务职工") or blank for the opening."""

    id: str
    heading: str
    runs: list[Any]  # {"t", "k", "f"} as the page shows them
    edited: bool
    generated: str  # the generated text, to compare or go back to
    gone: bool  # edited, but the figures no longer give it a generated text

    @property
    def text(self) -> str:
        return plain(self.runs)


def draft_title(draft: Draft) -> str:
    return str(draft.edits.get(TITLE) or draft.title)


def draft_paragraphs(draft: Draft) -> list[Shown]:
    """The paragraphs as they read, the cadre's edits over the generated text; each figure run carries its
    source (`f`: label, value, unit, definition, url) for the page's tooltip and link."""
    shown = []
    number = 0
    for paragraph in draft.paragraphs:
        pid, runs = paragraph["id"], paragraph["runs"]
        edit = draft.edits.get(pid)
        if paragraph.get("title"):
            number += 1
        shown.append(
            Shown(
                id=pid,
                heading=heading(number, paragraph["title"]) if paragraph.get("title") else "",
                runs=_sourced(relink(edit, runs) if edit is not None else runs, draft.figures),
                edited=edit is not None,
                generated=plain(runs),
                gone=bool(paragraph.get("gone")),
            )
        )
    return shown


def _sourced(runs: list[Run], figures: dict[str, Any]) -> list[Any]:
    return [{**run, "f": figures[run["k"]]} if run.get("k") in figures else run for run in runs]


@dataclass(frozen=True)
class Source:
    key: str
    group: str
    label: str
    value: str
    unit: str
    definition: str
    url: str


def draft_sources(draft: Draft) -> list[Source]:
    """The figures the report cites, with their group in the catalogue (items picked from records last)."""
    catalogue = figure_catalogue()
    rows = []
    for key, entry in draft.figures.items():
        info = catalogue.get(key)
        rows.append(
            Source(
                key=key,
                group=str(info.group_title) if info else _("本期记录"),
                label=entry["label"],
                value=entry["value"],
                unit=entry["unit"],
                definition=entry["definition"],
                url=entry["url"],
            )
        )
    order = {key: n for n, key in enumerate(catalogue)}
    return sorted(rows, key=lambda row: (order.get(row.key, len(order)), row.key))

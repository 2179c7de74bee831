"""Writes of work report drafts: generate (or generate again) from the live figures, edit a paragraph, go back
to the generated text. Writing a report needs Perm.ORG_EDIT on its union (the union's office work); reading and
exporting it, Perm.VIEW."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.reports.periods import period_check_union, period_key, period_parse
from gonghui.reports.selectors import figures_at
from gonghui.reports.workreport.models import Draft
from gonghui.reports.workreport.narrative import Narrative, write
from gonghui.reports.workreport.notables import notables_for
from gonghui.reports.workreport.sections import section_keys
from gonghui.reports.workreport.selectors import TITLE

MAX_TEXT = 5000


@dataclass(frozen=True)
class Written:
    period_key: str
    narrative: Narrative
    figures_as_of: dt.datetime  # when the figures were counted (a stored sheet may be some minutes old)


def narrative_for(user: Any, org: OrgNode, period_text: str) -> Written:
    """The report's text for the union and the period a key names (ValidationError: why it cannot be written;
    404 outside the user's scope). Reads only: figures through reports.selectors, items through notables."""
    period = period_parse(period_text)
    period_check_union(period, org.established_on)
    sheet = figures_at(user, org, period)
    with translation.override("zh-hans"):
        narrative = write(org.name, period, sheet.by_key(), notables_for(user, org, period))
    return Written(period_key(period), narrative, sheet.computed_at)


def _ordered(paragraphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {key: n for n, key in enumerate(["opening", *section_keys()])}
    return sorted(paragraphs, key=lambda p: order.get(p["id"], len(order)))


@transaction.atomic
def draft_generate(*, actor: Any, org: OrgNode, period: str, keep_edits: bool = True) -> Draft:
    """Write the union's report for the period from the figures as they are now, into its draft (made on the
    first call). The cadre's edits stay unless `keep_edits` is False; an edited paragraph the figures no longer
    give stays too, marked gone, so no edit is lost without being asked."""
    require(actor, org, Perm.ORG_EDIT)
    written = narrative_for(actor, org, period)
    key, narrative = written.period_key, written.narrative
    draft = Draft.objects.select_for_update().filter(org=org, period_key=key).first()
    now = timezone.now()
    if draft is None:
        try:
            with transaction.atomic():
                return Draft.objects.create(
                    org=org,
                    period_key=key,
                    title=narrative.title,
                    paragraphs=narrative.paragraphs,
                    figures=narrative.figures,
                    generated_at=now,
                    figures_as_of=written.figures_as_of,
                    created_by=actor,
                    updated_by=actor,
                )
        except IntegrityError:  # another request made it a moment ago: generate into that one
            draft = Draft.objects.select_for_update().get(org=org, period_key=key)
    edits = dict(draft.edits) if keep_edits else {}
    ids = {p["id"] for p in narrative.paragraphs}
    kept = [{**p, "gone": True} for p in draft.paragraphs if p["id"] in edits and p["id"] not in ids]
    draft.title = narrative.title
    draft.paragraphs = _ordered(narrative.paragraphs + kept)
    draft.figures = {
        **{k: v for k, v in draft.figures.items() if any(_cites(p, k) for p in kept)},
        **narrative.figures,
    }
    draft.edits = edits
    draft.generated_at = now
    draft.figures_as_of = written.figures_as_of
    draft.updated_by = actor
    draft.save()
    return draft


def _cites(paragraph: dict[str, Any], key: str) -> bool:
    return any(run.get("k") == key for run in paragraph["runs"])


def _paragraph_ids(draft: Draft) -> set[str]:
    return {TITLE, *(p["id"] for p in draft.paragraphs)}


def _generated(draft: Draft, paragraph_id: str) -> str:
    if paragraph_id == TITLE:
        return draft.title
    paragraph = next(p for p in draft.paragraphs if p["id"] == paragraph_id)
    return "".join(run["t"] for run in paragraph["runs"])


def _clean(text: str) -> str:
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "".join(line for line in lines if line)  # a paragraph is one run of text; Word wraps it


@transaction.atomic
def draft_edit(*, actor: Any, draft: Draft, paragraph_id: str, text: str) -> Draft:
    """The cadre's own text for one paragraph (or the title); the same text as generated drops the edit."""
    require(actor, draft.org, Perm.ORG_EDIT)
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if paragraph_id not in _paragraph_ids(draft):
        raise ValidationError(_("该报告没有这个段落，请刷新后再试。"), code="paragraph")
    cleaned = _clean(text)
    if not cleaned:
        raise ValidationError({"text": _("段落不能为空；要用回生成的文字，请选择“恢复生成的文字”。")}, code="blank")
    if len(cleaned) > MAX_TEXT:
        raise ValidationError({"text": _("一个段落最多%(n)s字。") % {"n": MAX_TEXT}}, code="too_long")
    if "\x00" in cleaned:
        raise ValidationError({"text": _("文字中有无法识别的字符。")}, code="nul")
    edits = dict(draft.edits)
    if cleaned == _generated(draft, paragraph_id):
        edits.pop(paragraph_id, None)
    else:
        edits[paragraph_id] = cleaned
    draft.edits = edits
    draft.updated_by = actor
    draft.save(update_fields=["edits", "updated_by", "updated_at"])
    return draft


@transaction.atomic
def draft_revert(*, actor: Any, draft: Draft, paragraph_id: str) -> Draft:
    """Back to the generated text for one paragraph; a paragraph the figures no longer give goes away."""
    require(actor, draft.org, Perm.ORG_EDIT)
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if paragraph_id not in _paragraph_ids(draft):
        raise ValidationError(_("该报告没有这个段落，请刷新后再试。"), code="paragraph")
    edits = dict(draft.edits)
    edits.pop(paragraph_id, None)
    draft.edits = edits
    draft.paragraphs = [p for p in draft.paragraphs if not (p["id"] == paragraph_id and p.get("gone"))]
    draft.updated_by = actor
    draft.save(update_fields=["edits", "paragraphs", "updated_by", "updated_at"])
    return draft

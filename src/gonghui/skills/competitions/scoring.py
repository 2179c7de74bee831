"""Scoring: a judge scores an entry of their stage on the phone (or a clerk types a judge's paper sheet,
twice where the stage asks for double entry); an entry's two scores further apart than the tolerance are
flagged, not ranked, until the organiser resolves them.

Conflict of interest: a judge may not score an entrant of the enterprise they work for, of their own
grassroots union, or an entry they are in.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.members.worker_accounts import person_of
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.skills.competitions.choices import ContestStageStatus
from gonghui.skills.competitions.models import Entry, EntryMember, Judge, Score, SheetItem, Stage, StageResult
from gonghui.skills.competitions.ranking import result_refresh, stage_rerank

CENT = Decimal("0.01")
MAX_SECONDS = 24 * 3600


def plain(value: Decimal) -> str:
    """100.00 as "100", 87.50 as "87.5" (normalize alone would write 1E+2)."""
    return format(value.normalize(), "f")


def conflict_of_interest(judge: Judge, entry: Entry) -> str | None:
    """Why this judge must stand aside for this entry, or None."""
    if judge.enterprise_id and judge.enterprise_id == entry.enterprise_id:
        return _("您与该选手在同一企业工作，需回避评分。")
    if judge.org_id and judge.org_id == entry.org_id:
        return _("您与该选手属于同一基层工会，需回避评分。")
    if EntryMember.objects.filter(entry=entry, person_id=judge.person_id).exists():
        return _("您是该参赛单元的成员，需回避评分。")
    return None


def check_marks(items: list[SheetItem], marks: dict[str, Any]) -> tuple[dict[str, str], Decimal, Decimal]:
    """Every item scored once within 0..its full marks; returns (marks as text, weighted total, practical)."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    total = practical = Decimal(0)
    for item in items:
        raw = marks.get(str(item.pk))
        try:
            value = Decimal(str(raw).strip()).quantize(CENT, rounding=ROUND_HALF_UP)
        except (ArithmeticError, ValueError):
            errors[f"item_{item.pk}"] = _("“%(name)s”请填写分数。") % {"name": item.name}
            continue
        if not 0 <= value <= item.max_marks:
            errors[f"item_{item.pk}"] = _("“%(name)s”的分数应在0到%(max)s之间，填写的是%(value)s。") % {
                "name": item.name,
                "max": plain(item.max_marks),
                "value": plain(value),
            }
            continue
        clean[str(item.pk)] = str(value)
        weighted = value * item.weight
        total += weighted
        if item.practical:
            practical += weighted
    unknown = set(map(str, marks)) - {str(i.pk) for i in items}
    if unknown:
        errors["__all__"] = _("评分表中有不属于本赛段的评分项。")
    if not items:
        errors["__all__"] = _("该赛段还没有评分表。")
    if errors:
        raise ValidationError(errors)
    return clean, total.quantize(CENT), practical.quantize(CENT)


def _may_enter_for(actor: User, judge: Judge) -> bool:
    """The judge themself (signed in on the phone), or the organiser's clerk typing the judge's sheet."""
    person = person_of(actor)
    if person is not None and person.pk == judge.person_id:
        return True
    return can(actor, Perm.ORG_EDIT, judge.stage.competition.org)


@transaction.atomic
def score_enter(
    *,
    actor: User,
    judge: Judge,
    entry: Entry,
    marks: dict[str, Any],
    time_seconds: int | None = None,
    copy: int = 1,
) -> Score:
    """Record (or correct, while the stage is scoring) a judge's marks for an entry, then re-rank."""
    stage = Stage.objects.select_for_update().select_related("competition__org").get(pk=judge.stage_id)
    judge.stage = stage
    if not _may_enter_for(actor, judge):
        raise PermissionDenied
    if stage.status != ContestStageStatus.SCORING:
        raise ValidationError(_("“%(name)s”不在评分阶段。") % {"name": stage.name})
    result = StageResult.objects.filter(stage=stage, entry=entry).first()
    if result is None:
        raise ValidationError(_("参赛号%(n)s不在本赛段。") % {"n": entry.number_text})
    if result.resolved_at is not None:
        raise ValidationError(_("参赛号%(n)s的成绩已由组委会裁定，不能再修改。") % {"n": entry.number_text})
    conflict = conflict_of_interest(judge, entry)
    if conflict:
        raise ValidationError(conflict, code="conflict_of_interest")
    if copy not in (1, 2) or (copy == 2 and stage.scores_needed != 2):
        raise ValidationError(_("录入份次无效。"))
    if stage.timed and time_seconds is None:
        raise ValidationError({"time_seconds": _("请填写用时（秒）。")})
    if time_seconds is not None and not 0 < time_seconds <= MAX_SECONDS:
        raise ValidationError({"time_seconds": _("用时应在1秒至24小时之间。")})
    clean, total, practical = check_marks(list(stage.items.all()), marks)
    score, _created = Score.objects.update_or_create(
        stage=stage,
        entry=entry,
        judge=judge,
        copy=copy,
        defaults={
            "marks": clean,
            "total": total,
            "practical": practical,
            "time_seconds": time_seconds if stage.timed else None,
            "entered_by": actor,
        },
    )
    result_refresh(result)
    stage_rerank(stage)
    return score


@transaction.atomic
def result_resolve(*, actor: User, result: StageResult, marks: dict[str, Any], note: str) -> StageResult:
    """The organiser settles a flagged entry with the agreed marks (after checking the paper sheets)."""
    stage = Stage.objects.select_for_update().select_related("competition__org").get(pk=result.stage_id)
    if not can(actor, Perm.ORG_EDIT, stage.competition.org):
        raise PermissionDenied
    if stage.status != ContestStageStatus.SCORING:
        raise ValidationError(_("“%(name)s”不在评分阶段。") % {"name": stage.name})
    result = StageResult.objects.select_for_update().get(pk=result.pk)
    if not result.flagged:
        raise ValidationError(_("该成绩没有待裁定的评分差异。"))
    if not note.strip():
        raise ValidationError({"note": _("请填写裁定说明。")})
    _clean, total, practical = check_marks(list(stage.items.all()), marks)
    result.total, result.practical, result.flagged = total, practical, False
    result.resolved_at, result.resolved_by, result.resolved_note = timezone.now(), actor, note.strip()[:200]
    result.save(update_fields=["total", "practical", "flagged", "resolved_at", "resolved_by", "resolved_note"])
    stage_rerank(stage)
    return result

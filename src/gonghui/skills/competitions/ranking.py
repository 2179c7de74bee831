"""The stored ranking of a stage, and advancement to the next stage.

Ranks are kept on the StageResult rows and recomputed set-based after a change: on PostgreSQL one UPDATE
with a window function (only the rows whose rank moved are written); elsewhere the same order in Python.
The ranking page then reads rows by (stage, rank) from an index instead of sorting per view.

Ties are broken by this stated rule, in order:
  1. the higher total (the weighted sum of the sheet; with several judges, their average);
  2. the higher practical score (the sheet's 实操 items);
  3. the shorter time, where the stage records time (no time ranks after any time);
  4. the earlier check-in at the competition (the events engine's first scan; none ranks last);
  5. the lower entry number (the earlier entry).
Every entry thus has its own rank, and "the top N advance" names exactly N entries.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Avg, Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.events.models import SignUp
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.competitions.choices import AdvanceRule, ContestStageStatus
from gonghui.skills.competitions.models import Score, Stage, StageResult

_NULL_OUT = """
UPDATE competitions_stageresult SET rank = NULL
WHERE stage_id = %s AND rank IS NOT NULL AND (total IS NULL OR flagged)
"""
_RANK = """
WITH ranked AS (
    SELECT id, ROW_NUMBER() OVER (
        ORDER BY total DESC, practical DESC, time_seconds ASC NULLS LAST, checked_in_at ASC NULLS LAST, number ASC
    ) AS rn
    FROM competitions_stageresult
    WHERE stage_id = %s AND total IS NOT NULL AND NOT flagged
)
UPDATE competitions_stageresult AS r SET rank = ranked.rn
FROM ranked WHERE r.id = ranked.id AND r.rank IS DISTINCT FROM ranked.rn
"""


def result_refresh(result: StageResult) -> StageResult:
    """An entry's result from its scores: the average once it has the scores the stage needs, or flagged
    when two scores are further apart than the tolerance (then not ranked until resolved)."""
    stage = result.stage
    agg = Score.objects.filter(stage_id=result.stage_id, entry_id=result.entry_id).aggregate(
        n=Count("pk"),
        mean=Avg("total"),
        mean_practical=Avg("practical"),
        low=Min("total"),
        high=Max("total"),
        fastest=Min("time_seconds"),
    )
    n = agg["n"]
    result.scores_count = n
    result.flagged = bool(stage.scores_needed == 2 and n >= 2 and agg["high"] - agg["low"] > stage.tolerance)
    complete = n >= stage.scores_needed and not result.flagged
    result.total = round(agg["mean"], 2) if complete else None
    result.practical = round(agg["mean_practical"], 2) if complete else None
    result.time_seconds = agg["fastest"]
    result.checked_in_at = SignUp.objects.filter(
        pk__in=result.entry.members.values("signup_id"), checked_in_at__isnull=False
    ).aggregate(first=Min("checked_in_at"))["first"]
    result.save(update_fields=["scores_count", "flagged", "total", "practical", "time_seconds", "checked_in_at"])
    return result


def _order_key(r: StageResult) -> tuple[object, ...]:
    far = timezone.now().replace(year=9999)
    seconds = r.time_seconds
    return (-(r.total or 0), -(r.practical or 0), seconds is None, seconds or 0, r.checked_in_at or far, r.number)


def stage_rerank(stage: Stage) -> None:
    """Recompute the stage's stored ranks (the caller holds the stage row's lock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_NULL_OUT, [stage.pk])
            cursor.execute(_RANK, [stage.pk])
        return
    StageResult.objects.filter(stage=stage, rank__isnull=False, total__isnull=True).update(rank=None)
    StageResult.objects.filter(stage=stage, rank__isnull=False, flagged=True).update(rank=None)
    rows = list(
        StageResult.objects.filter(stage=stage, total__isnull=False, flagged=False).only(
            "pk", "total", "practical", "time_seconds", "checked_in_at", "number", "rank"
        )
    )
    changed = []
    for rank, row in enumerate(sorted(rows, key=_order_key), start=1):
        if row.rank != rank:
            row.rank = rank
            changed.append(row)
    StageResult.objects.bulk_update(changed, ["rank"], batch_size=500)


@transaction.atomic
def stage_advance(*, actor: User, stage: Stage) -> int:
    """Close the stage's scoring: the top N (or everyone at or above the score line) go on to the next
    stage; a final is closed with its ranking. Returns how many advanced."""
    require(actor, stage.competition.org, Perm.ORG_EDIT)
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    if stage.status != ContestStageStatus.SCORING:
        raise ValidationError(_("“%(name)s”不在评分阶段。") % {"name": stage.name})
    results = StageResult.objects.filter(stage=stage)
    flagged = results.filter(flagged=True).count()
    if flagged:
        raise ValidationError(_("还有%(n)s个参赛单元的两份评分差异超出允许范围，请先裁定。") % {"n": flagged})
    partial = results.filter(total__isnull=True, scores_count__gt=0).count()
    if partial:
        raise ValidationError(_("还有%(n)s个参赛单元的评分份数不足。") % {"n": partial})
    stage_rerank(stage)
    if stage.advance_rule == AdvanceRule.TOP_N:
        advancing = results.filter(rank__lte=stage.advance_n)
    elif stage.advance_rule == AdvanceRule.SCORE_LINE:
        advancing = results.filter(total__gte=stage.advance_line, rank__isnull=False)
    else:
        advancing = results.none()
    moved = advancing.update(advanced=True)
    stage.status, stage.ranked_at = ContestStageStatus.CLOSED, timezone.now()
    stage.save(update_fields=["status", "ranked_at"])
    following = Stage.objects.filter(competition_id=stage.competition_id, seq=stage.seq + 1).first()
    if following is not None:
        StageResult.objects.bulk_create(
            StageResult(stage=following, entry_id=entry_id, number=number)
            for entry_id, number in results.filter(advanced=True).values_list("entry_id", "number")
        )
        following.status = ContestStageStatus.SCORING
        following.save(update_fields=["status"])
    return moved

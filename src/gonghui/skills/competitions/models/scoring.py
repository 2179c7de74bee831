"""Scores and the stored ranking.

A judge's (or a clerk's copy of a judge's) marks per sheet item are a Score; an entry's standing in a stage
is its StageResult: the total, the tie-break keys and the stored rank, recomputed set-based after a change
(scoring.ranking), so the ranking page reads ranks by index instead of computing them per view.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.skills.competitions.models.competitions import Judge, Stage
from gonghui.skills.competitions.models.entries import Entry


class Score(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="scores")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    judge = models.ForeignKey(Judge, on_delete=models.PROTECT, related_name="scores")
    copy = models.PositiveSmallIntegerField(_("录入份次"), default=1)  # double entry of one paper sheet: 1 and 2
    marks = models.JSONField(_("各项得分"), default=dict)  # {item id: "marks"}, checked by the service
    total = models.DecimalField(_("总分"), max_digits=7, decimal_places=2)
    practical = models.DecimalField(_("实操得分"), max_digits=7, decimal_places=2)
    time_seconds = models.PositiveIntegerField(_("用时（秒）"), null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("评分")
        verbose_name_plural = _("评分")
        constraints = [
            models.UniqueConstraint(fields=["stage", "entry", "judge", "copy"], name="competitions_score_once"),
            models.CheckConstraint(condition=Q(copy__in=[1, 2]), name="competitions_score_copy"),
            models.CheckConstraint(condition=Q(total__gte=0, practical__gte=0), name="competitions_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.stage_id}/{self.entry_id}: {self.total}"


class StageResult(models.Model):
    """An entry in a stage: it is in the stage when this row exists (stage 1 on entry, later stages on
    advancement). `total` is null until the entry has the scores it needs, and a flagged entry (two scores
    further apart than the tolerance) is not ranked until the organiser resolves it."""

    # No index of their own on the foreign keys: a re-rank rewrites thousands of these rows, and every index
    # is written again with each; (entry, stage), (stage, number) and (stage, rank) serve every read.
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="results", db_index=False)
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="results", db_index=False)
    number = models.PositiveIntegerField()  # the entry's number: the last tie-break, kept here for the ranking
    total = models.DecimalField(_("成绩"), max_digits=7, decimal_places=2, null=True, blank=True)
    practical = models.DecimalField(_("实操得分"), max_digits=7, decimal_places=2, null=True, blank=True)
    time_seconds = models.PositiveIntegerField(_("用时（秒）"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    scores_count = models.PositiveSmallIntegerField(default=0)
    flagged = models.BooleanField(_("评分差异待裁定"), default=False)
    rank = models.PositiveIntegerField(_("名次"), null=True, blank=True)
    advanced = models.BooleanField(_("晋级"), default=False)
    resolved_at = models.DateTimeField(_("裁定时间"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    resolved_note = models.CharField(_("裁定说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("赛段成绩")
        verbose_name_plural = _("赛段成绩")
        constraints = [
            models.UniqueConstraint(fields=["entry", "stage"], name="competitions_result_once"),
        ]
        # Ranks are unique per stage by construction (one ROW_NUMBER under the stage's lock); a unique
        # constraint would have to be deferred (the re-rank moves ranks past each other in one statement),
        # and checking thousands of moved ranks at commit doubled the re-rank's time at 25,000 entrants.
        indexes = [
            models.Index(fields=["stage", "number"], name="competitions_result_number"),
            models.Index(fields=["stage", "rank"], name="competitions_result_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.stage_id}/{self.entry_id}: {self.rank}"

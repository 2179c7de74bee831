"""A competition (its rules of entry), its stages (初赛 → 复赛 → 决赛, who advances), each stage's scoring
sheet and the judges seated on it."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.events.models import Event
from gonghui.innovation.models import HonorTitle, SelectionRound
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.skills.certification.choices import CertifiedLevel
from gonghui.skills.certification.models import Occupation
from gonghui.skills.competitions.choices import (
    AdvanceRule,
    CompetitionKind,
    CompetitionStatus,
    ContestStageStatus,
    EntryMode,
)


class Competition(models.Model):
    """One competition a union organises for a chain, a trade or a project. Its entrants' sign-ups, teams and
    check-in are the rows of `event` (an events.Event of kind 技能竞赛 the competition created and owns)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="+")
    event = models.OneToOneField(Event, on_delete=models.PROTECT, related_name="competition")
    kind = models.CharField(_("竞赛类型"), max_length=12, choices=CompetitionKind.choices)
    title = models.CharField(_("竞赛名称"), max_length=100)
    year = models.PositiveSmallIntegerField(_("年度"))
    chain = models.CharField(_("产业链"), max_length=50, blank=True)
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project = models.CharField(_("项目建设"), max_length=100, blank=True)  # 劳动竞赛's target project
    entry_mode = models.CharField(_("参赛形式"), max_length=12, choices=EntryMode.choices)
    team_size_min = models.PositiveSmallIntegerField(_("每队最少人数"), default=0)
    team_size_max = models.PositiveSmallIntegerField(_("每队最多人数"), default=0)
    # Entries each grassroots union may make (a union's own quota row may differ); null: no limit.
    quota_per_union = models.PositiveSmallIntegerField(_("每个基层工会名额"), null=True, blank=True)
    trade_only = models.BooleanField(_("仅限本工种职工"), default=False)
    min_age = models.PositiveSmallIntegerField(_("最小年龄"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("最大年龄"), null=True, blank=True)
    min_level = models.CharField(_("最低技能等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    max_level = models.CharField(_("最高技能等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    first_prizes = models.PositiveSmallIntegerField(_("一等奖名额"), default=1)
    second_prizes = models.PositiveSmallIntegerField(_("二等奖名额"), default=2)
    third_prizes = models.PositiveSmallIntegerField(_("三等奖名额"), default=3)
    # The title the best `title_places` receive (技术能手, 岗位建功标兵 …): conferred with the result, or, with a
    # selection round, passed to the honors selection as nominations when the result is confirmed.
    honor = models.ForeignKey(
        HonorTitle, verbose_name=_("授予称号"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title_places = models.PositiveSmallIntegerField(_("授予称号名额"), default=0)
    selection = models.ForeignKey(
        SelectionRound,
        verbose_name=_("推荐参加评选"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_days = models.PositiveSmallIntegerField(_("公示天数"), default=5)
    status = models.CharField(
        _("状态"), max_length=10, choices=CompetitionStatus.choices, default=CompetitionStatus.DRAFT
    )
    notice_starts = models.DateField(_("公示开始"), null=True, blank=True)
    notice_ends = models.DateField(_("公示结束"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("确认获奖时间"), null=True, blank=True)
    last_number = models.PositiveIntegerField(default=0)  # the entry-number counter, moved by UPDATE only
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("竞赛")
        verbose_name_plural = _("竞赛")
        ordering = ["-year", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(entry_mode=EntryMode.INDIVIDUAL)
                | Q(team_size_min__gte=1, team_size_max__gte=F("team_size_min")),
                name="competitions_team_sizes",
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(max_age__gte=F("min_age")),
                name="competitions_age_range",
            ),
            models.CheckConstraint(condition=Q(notice_days__gte=1), name="competitions_notice_days"),
        ]
        indexes = [models.Index(fields=["org", "year"], name="competitions_org_year")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_team(self) -> bool:
        return self.entry_mode == EntryMode.TEAM


class Stage(models.Model):
    """初赛, 复赛 or 决赛: who advances (the top N, or everyone at or above a score line), how many scores an
    entry needs (two: double entry or two judges, flagged beyond the tolerance), and blind judging."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="stages")
    seq = models.PositiveSmallIntegerField(_("轮次"))
    name = models.CharField(_("名称"), max_length=20)
    advance_rule = models.CharField(_("晋级规则"), max_length=12, choices=AdvanceRule.choices)
    advance_n = models.PositiveIntegerField(_("晋级人数（队数）"), null=True, blank=True)
    advance_line = models.DecimalField(_("晋级分数线"), max_digits=7, decimal_places=2, null=True, blank=True)
    scores_needed = models.PositiveSmallIntegerField(_("每个参赛单元的评分份数"), default=1)
    tolerance = models.DecimalField(_("两份评分允许差值"), max_digits=6, decimal_places=2, default=Decimal(2))
    blind = models.BooleanField(_("盲评（评委只见参赛号）"), default=False)
    timed = models.BooleanField(_("记录用时"), default=False)
    status = models.CharField(
        _("状态"), max_length=10, choices=ContestStageStatus.choices, default=ContestStageStatus.PENDING
    )
    ranked_at = models.DateTimeField(_("排名时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("赛段")
        verbose_name_plural = _("赛段")
        ordering = ["competition", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "seq"], name="competitions_stage_seq"),
            models.CheckConstraint(condition=Q(scores_needed__in=[1, 2]), name="competitions_stage_scores_needed"),
            models.CheckConstraint(
                condition=Q(advance_rule=AdvanceRule.FINAL)
                | Q(advance_rule=AdvanceRule.TOP_N, advance_n__gte=1)
                | Q(advance_rule=AdvanceRule.SCORE_LINE, advance_line__isnull=False),
                name="competitions_stage_advance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competition} · {self.name}"


class SheetItem(models.Model):
    """An item of a stage's scoring sheet (理论, 实操 …): marks 0..max_marks, weighted into the total.
    The practical items' weighted sum is the first tie-break."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("评分项"), max_length=30)
    max_marks = models.DecimalField(_("满分"), max_digits=6, decimal_places=2)
    weight = models.DecimalField(_("权重"), max_digits=4, decimal_places=2, default=Decimal(1))
    practical = models.BooleanField(_("实操项"), default=False)
    sort = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("评分项")
        verbose_name_plural = _("评分项")
        ordering = ["stage", "sort", "id"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "name"], name="competitions_item_name"),
            models.CheckConstraint(condition=Q(max_marks__gt=0, weight__gt=0), name="competitions_item_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Judge(models.Model):
    """A person seated by the organiser on one stage, with where they work and their union: the basis of the
    conflict-of-interest rule. They score on the phone, signed in with the worker sign-in."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="judges")
    person = models.ForeignKey(Person, verbose_name=_("评委"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("工作单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    org = models.ForeignKey(
        OrgNode, verbose_name=_("所在基层工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("身份"), max_length=30, blank=True)  # 劳动模范, 高级技师 …
    seated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评委")
        verbose_name_plural = _("评委")
        ordering = ["stage", "id"]
        constraints = [models.UniqueConstraint(fields=["stage", "person"], name="competitions_judge_once")]
        indexes = [models.Index(fields=["person"], name="competitions_judge_person")]

    def __str__(self) -> str:
        return f"{self.person_id}@{self.stage_id}"

"""名师带徒: mentors (劳模, 工匠, 技师: linked to the honor conferred on them and to the expert pool where
possible), mentor–apprentice pairs under a union with their agreement (period, goals, stipend), milestones,
both sides' evaluations and the apprentice's outcome (skill level before and after, competition results)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.money import money
from gonghui.experts.models import Expert
from gonghui.innovation.models import Nomination
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.choices import CertifiedLevel
from gonghui.skills.certification.models import Occupation
from gonghui.skills.mentoring.choices import EvaluationSide, EvaluationStage, MentorKind, PairMode, PairStatus


class Mentor(models.Model):
    """A person who takes apprentices, on one union's roster of mentors (a person is a mentor once)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("登记工会"), on_delete=models.PROTECT, related_name="+")
    person = models.OneToOneField(Person, verbose_name=_("师傅"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类别"), max_length=16, choices=MentorKind.choices)
    title = models.CharField(_("称号/职称"), max_length=100, blank=True)
    honor = models.ForeignKey(
        Nomination, verbose_name=_("所获荣誉"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    expert = models.ForeignKey(
        Expert, verbose_name=_("助企专家"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    max_apprentices = models.PositiveSmallIntegerField(_("同时带徒上限"), default=3)
    # Apprentices now, kept by the pairing services with a conditional UPDATE; the check constraint makes the
    # maximum hold when two pairs are made for one mentor at once.
    active_count = models.PositiveSmallIntegerField(_("在带徒弟"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("师傅")
        verbose_name_plural = _("师傅")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_apprentices__gte=1, max_apprentices__lte=20), name="mentoring_max_in_range"
            ),
            models.CheckConstraint(condition=Q(active_count__lte=F("max_apprentices")), name="mentoring_within_max"),
        ]

    def __str__(self) -> str:
        return self.person.name


class Pair(models.Model):
    """A mentor and an apprentice under a union, with their agreement (师徒协议)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    mentor = models.ForeignKey(Mentor, verbose_name=_("师傅"), on_delete=models.PROTECT, related_name="pairs")
    apprentice = models.ForeignKey(Person, verbose_name=_("徒弟"), on_delete=models.PROTECT, related_name="+")
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("带徒方式"), max_length=12, choices=PairMode.choices, default=PairMode.ENTERPRISE)
    school = models.CharField(_("合作院校"), max_length=100, blank=True)
    school_mentor = models.CharField(_("校内导师"), max_length=50, blank=True)
    starts_on = models.DateField(_("协议开始"))
    ends_on = models.DateField(_("协议结束"))
    goals = models.TextField(_("带徒目标"), max_length=1000)
    stipend = money(_("带徒津贴（元/月）"), default=0)
    status = models.CharField(_("状态"), max_length=12, choices=PairStatus.choices, default=PairStatus.ACTIVE)
    closed_on = models.DateField(_("出师/解除日期"), null=True, blank=True)
    close_note = models.CharField(_("出师评语/解除原因"), max_length=500, blank=True)
    # The apprentice's level in the occupation when paired and when closed (certification.current_level).
    level_start = models.CharField(_("结对时等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    level_end = models.CharField(_("出师时等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    competition_results = models.TextField(_("竞赛成绩"), max_length=1000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("师徒结对")
        verbose_name_plural = _("师徒结对")
        constraints = [
            # An apprentice has one live pair: paired twice in one period is refused even under a rush.
            models.UniqueConstraint(
                fields=["apprentice"], condition=Q(status=PairStatus.ACTIVE), name="mentoring_one_live_pair"
            ),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="mentoring_period_forward"),
            models.CheckConstraint(condition=Q(stipend__gte=0), name="mentoring_stipend_not_negative"),
            models.CheckConstraint(
                condition=Q(status=PairStatus.ACTIVE, closed_on__isnull=True)
                | (~Q(status=PairStatus.ACTIVE) & Q(closed_on__isnull=False)),
                name="mentoring_closed_dated",
            ),
        ]
        indexes = [models.Index(fields=["org", "status"]), models.Index(fields=["apprentice", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.apprentice}"


class Milestone(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("节点"), max_length=100)
    due_on = models.DateField(_("计划完成"))
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    note = models.CharField(_("完成情况"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("带徒节点")
        verbose_name_plural = _("带徒节点")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Evaluation(models.Model):
    """One side's evaluation of the other at a stage: the mentor of the apprentice, or the apprentice of the
    mentor; once per side and stage."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="evaluations")
    direction = models.CharField(_("评价方向"), max_length=16, choices=EvaluationSide.choices)
    stage = models.CharField(_("阶段"), max_length=10, choices=EvaluationStage.choices)
    score = models.PositiveSmallIntegerField(_("评分"))
    remarks = models.CharField(_("评语"), max_length=500, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("师徒评价")
        verbose_name_plural = _("师徒评价")
        constraints = [
            models.UniqueConstraint(fields=["pair", "direction", "stage"], name="mentoring_one_evaluation"),
            models.CheckConstraint(condition=Q(score__lte=100), name="mentoring_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.score}"

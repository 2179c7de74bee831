"""Selections with quotas: honors (劳模工匠选树) and 全员创新企业, nomination → review → public notice → award."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.innovation.choices import HonorLevel, NominationStatus, NomineeKind, RoundKind, RoundStatus
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode


class HonorTitle(models.Model):
    """A title that can be conferred: 全国劳动模范, 五一劳动奖章, 工人先锋号, 泰山工匠, 金牌员工 …

    Platform-wide titles have no org; a federation may add its own (e.g. a city's 工匠 title).
    """

    code = models.SlugField(_("编码"), max_length=40, unique=True)
    name = models.CharField(_("荣誉名称"), max_length=50)
    level = models.CharField(_("级别"), max_length=16, choices=HonorLevel.choices)
    nominee_kind = models.CharField(_("授予对象"), max_length=16, choices=NomineeKind.choices)
    is_model_worker = models.BooleanField(_("劳模类"), default=False)
    is_craftsman = models.BooleanField(_("工匠类"), default=False)
    org = models.ForeignKey(
        OrgNode, verbose_name=_("设立单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sort = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("荣誉称号")
        verbose_name_plural = _("荣誉称号")
        ordering = ["sort", "id"]

    def __str__(self) -> str:
        return self.name


class SelectionRound(models.Model):
    """One federation's selection in one year: an honor (with its title) or the 全员创新企业 list."""

    kind = models.CharField(_("类型"), max_length=24, choices=RoundKind.choices)
    org = models.ForeignKey(OrgNode, verbose_name=_("评选单位"), on_delete=models.PROTECT, related_name="+")
    title = models.ForeignKey(
        HonorTitle, verbose_name=_("荣誉称号"), null=True, blank=True, on_delete=models.PROTECT, related_name="rounds"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    name = models.CharField(_("名称"), max_length=100)
    quota = models.PositiveSmallIntegerField(_("名额"))
    notice_days = models.PositiveSmallIntegerField(_("公示天数"), default=7)
    status = models.CharField(_("状态"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    notice_starts = models.DateField(_("公示开始"), null=True, blank=True)
    notice_ends = models.DateField(_("公示结束"), null=True, blank=True)
    criteria = models.JSONField(_("评价指标"), default=list)  # [{"key", "name", "max"}], for scored selections
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评选")
        verbose_name_plural = _("评选")
        ordering = ["-year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=RoundKind.INNOVATIVE_ENTERPRISE) | Q(title__isnull=False),
                name="innovation_honor_round_has_title",
            ),
            models.UniqueConstraint(
                fields=["kind", "org", "year", "title"], condition=Q(title__isnull=False), name="innovation_one_round"
            ),
            models.UniqueConstraint(
                fields=["kind", "org", "year"], condition=Q(title__isnull=True), name="innovation_one_list_round"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Nomination(models.Model):
    """A nominee in a round: a person, a team (班组) or an organisation/enterprise."""

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="nominations")
    nominated_by = models.ForeignKey(OrgNode, verbose_name=_("推荐单位"), on_delete=models.PROTECT, related_name="+")
    nominee_kind = models.CharField(_("对象类型"), max_length=16, choices=NomineeKind.choices)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    team_name = models.CharField(_("集体名称"), max_length=100, blank=True)
    is_front_line = models.BooleanField(_("一线职工"), default=False)
    deeds = models.TextField(_("主要事迹"), max_length=4000, blank=True)
    scores = models.JSONField(_("指标得分"), default=dict)
    score = models.DecimalField(_("总分"), max_digits=6, decimal_places=2, null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=NominationStatus.choices, default=NominationStatus.NOMINATED
    )
    decision_note = models.CharField(_("意见"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    awarded_on = models.DateField(_("授予日期"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("推荐对象")
        verbose_name_plural = _("推荐对象")
        ordering = ["round", "-score", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(nominee_kind=NomineeKind.PERSON, person__isnull=False)
                    | Q(nominee_kind=NomineeKind.TEAM) & ~Q(team_name="")
                    | Q(nominee_kind=NomineeKind.ORGANISATION, enterprise__isnull=False)
                ),
                name="innovation_nominee_named",
            ),
            models.UniqueConstraint(
                fields=["round", "person"],
                condition=Q(person__isnull=False) & ~Q(status=NominationStatus.WITHDRAWN),
                name="innovation_person_nominated_once",
            ),
            models.UniqueConstraint(
                fields=["round", "enterprise"],
                condition=Q(nominee_kind=NomineeKind.ORGANISATION) & ~Q(status=NominationStatus.WITHDRAWN),
                name="innovation_enterprise_nominated_once",
            ),
        ]

    def __str__(self) -> str:
        if self.person is not None:
            return self.person.name
        if self.team_name:
            return self.team_name
        return str(self.enterprise)

"""劳模/工匠创新工作室: the registry, achievements, and star ratings each period under a configurable rule."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.money import money
from gonghui.innovation.choices import AchievementKind, StudioKind, StudioLevel
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode


class Studio(models.Model):
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("依托企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("工作室名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=StudioKind.choices, default=StudioKind.MODEL_WORKER)
    level = models.CharField(_("命名级别"), max_length=16, choices=StudioLevel.choices)
    leader = models.ForeignKey(Person, verbose_name=_("领衔人"), on_delete=models.PROTECT, related_name="+")
    leader_title = models.CharField(_("领衔人荣誉"), max_length=100, blank=True)
    field = models.CharField(_("专业领域"), max_length=100)
    members = models.ManyToManyField(Person, verbose_name=_("成员"), blank=True, related_name="+")
    named_on = models.DateField(_("命名日期"), null=True, blank=True)
    stars = models.PositiveSmallIntegerField(_("当前星级"), default=0, validators=[MaxValueValidator(5)])
    is_active = models.BooleanField(_("有效"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("创新工作室")
        verbose_name_plural = _("创新工作室")
        ordering = ["-stars", "name"]
        constraints = [models.CheckConstraint(condition=Q(stars__lte=5), name="innovation_stars_at_most_five")]

    def __str__(self) -> str:
        return self.name


class StudioAchievement(models.Model):
    studio = models.ForeignKey(Studio, on_delete=models.CASCADE, related_name="achievements")
    kind = models.CharField(_("类型"), max_length=16, choices=AchievementKind.choices)
    title = models.CharField(_("成果"), max_length=200)
    achieved_on = models.DateField(_("取得日期"))
    quantity = models.PositiveIntegerField(_("数量"), default=1, validators=[MinValueValidator(1)])
    value_yuan = money(_("创效（元）"), default=0, validators=[MinValueValidator(0)])
    evidence = models.CharField(_("证明材料"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("工作室成果")
        verbose_name_plural = _("工作室成果")
        ordering = ["-achieved_on", "-id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="innovation_quantity_positive")]

    def __str__(self) -> str:
        return self.title


class StarRule(models.Model):
    """星级评定规则 of one federation for one year: points per achievement, caps, the assessment's weight and
    the score each star needs. Ratings keep the rule they were computed with."""

    org = models.ForeignKey(OrgNode, verbose_name=_("制定单位"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    points = models.JSONField(_("每项成果得分"), default=dict)  # {kind: points per unit}
    caps = models.JSONField(_("每类成果得分上限"), default=dict)  # {kind: max points}
    assessment_weight = models.DecimalField(
        _("评审评价权重"),
        max_digits=3,
        decimal_places=2,
        default=0.3,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    thresholds = models.JSONField(_("各星级最低分"), default=list)  # [1★, 2★, 3★, 4★, 5★], rising
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("星级评定规则")
        verbose_name_plural = _("星级评定规则")
        constraints = [models.UniqueConstraint(fields=["org", "year"], name="innovation_one_rule_per_year")]

    def __str__(self) -> str:
        return f"{self.org} {self.year}"


class StudioRating(models.Model):
    """One period's rating; kept as history, the latest sets the studio's stars."""

    studio = models.ForeignKey(Studio, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("评定年度"))
    rule = models.ForeignKey(StarRule, on_delete=models.PROTECT, related_name="+")
    achievement_points = models.DecimalField(_("成果得分"), max_digits=6, decimal_places=2)
    assessment = models.DecimalField(
        _("评审评价（百分制）"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    score = models.DecimalField(_("综合得分"), max_digits=6, decimal_places=2)
    stars = models.PositiveSmallIntegerField(_("星级"))
    breakdown = models.JSONField(_("得分明细"), default=dict)
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    rated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("星级评定")
        verbose_name_plural = _("星级评定")
        ordering = ["studio", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["studio", "year"], name="innovation_one_rating_per_year"),
            models.CheckConstraint(condition=Q(stars__lte=5), name="innovation_rating_at_most_five"),
        ]

    def __str__(self) -> str:
        return f"{self.studio} {self.year}: {self.stars}★"

"""Per-enterprise indicators, the federations' schemes (weights and thresholds), the computed levels and the
warnings a level rising to 橙/红 opens.

One open warning per enterprise is a partial unique index: a recompute run twice, or two at once, opens
none twice (the second insert is ignored by the database)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.earlywarning.choices import EnteredKind, Trigger, WarningLevel, WarningStatus

WEIGHT: dict[str, Any] = {"max_digits": 8, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
SCORE: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}


class Scheme(models.Model):
    """A federation's 预警方案: a weight per indicator and the score at which each level starts. It applies to
    the enterprises of its subtree, unless a union nearer to them has its own."""

    org = models.OneToOneField(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    w_arrears = models.DecimalField(_("欠薪投诉（每件）"), **WEIGHT)
    w_arrears_amount = models.DecimalField(_("欠薪金额（每万元）"), **WEIGHT)
    w_disputes = models.DecimalField(_("劳动争议（每件）"), **WEIGHT)
    w_collective = models.DecimalField(_("集体劳动争议（每件）"), **WEIGHT)
    w_layoffs = models.DecimalField(_("裁员（每人）"), **WEIGHT)
    w_social_insurance = models.DecimalField(_("社保欠缴（每月）"), **WEIGHT)
    w_overtime = models.DecimalField(_("超时加班投诉（每件）"), **WEIGHT)
    w_checkup = models.DecimalField(_("未整改问题（每项）"), **WEIGHT)
    blue = models.DecimalField(_("蓝色起点"), **SCORE)
    yellow = models.DecimalField(_("黄色起点"), **SCORE)
    orange = models.DecimalField(_("橙色起点"), **SCORE)
    red = models.DecimalField(_("红色起点"), **SCORE)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("预警方案")
        verbose_name_plural = _("预警方案")
        constraints = [
            models.CheckConstraint(
                condition=Q(blue__gt=0, yellow__gt=F("blue"), orange__gt=F("yellow"), red__gt=F("orange")),
                name="earlywarning_scheme_thresholds_in_order",
            ),
            models.CheckConstraint(
                condition=Q(
                    w_arrears__gte=0,
                    w_arrears_amount__gte=0,
                    w_disputes__gte=0,
                    w_collective__gte=0,
                    w_layoffs__gte=0,
                    w_social_insurance__gte=0,
                    w_overtime__gte=0,
                    w_checkup__gte=0,
                ),
                name="earlywarning_scheme_weights_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_id} scheme"


class IndicatorEntry(models.Model):
    """A cadre's reading of one indicator of an enterprise as of a date (截至某日 社保欠缴 3 个月). The latest
    entry within the window counts; a later entry of 0 clears it."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("指标"), max_length=20, choices=EnteredKind.choices)
    value = models.DecimalField(_("数值"), max_digits=12, decimal_places=2)
    as_of = models.DateField(_("截至日期"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("预警指标登记")
        verbose_name_plural = _("预警指标登记")
        ordering = ["-as_of", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "kind", "as_of"], name="earlywarning_entry_once_a_day"),
            models.CheckConstraint(condition=Q(value__gte=0), name="earlywarning_entry_not_negative"),
        ]
        indexes = [models.Index(fields=["as_of"], name="earlywarning_entry_as_of")]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.kind} {self.value} @{self.as_of}"


class RecomputeRun(models.Model):
    """One run of the recompute: when, what started it, how many levels changed, how many warnings opened."""

    trigger = models.CharField(_("触发方式"), max_length=10, choices=Trigger.choices)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scope = models.CharField(_("范围"), max_length=200, blank=True)  # "" = every enterprise
    started_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    enterprises = models.PositiveIntegerField(_("企业数"), default=0)
    changed = models.PositiveIntegerField(_("等级或分值变化"), default=0)
    opened = models.PositiveIntegerField(_("新开预警"), default=0)

    class Meta:
        verbose_name = _("预警计算")
        verbose_name_plural = _("预警计算")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"run {self.pk}"


class EnterpriseLevel(models.Model):
    """An enterprise's score and level as the last recompute found them, with the indicator values behind it."""

    enterprise = models.OneToOneField(Enterprise, on_delete=models.CASCADE, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(_("分值"), **SCORE)
    level = models.CharField(_("预警等级"), max_length=8, choices=WarningLevel.choices)
    previous = models.CharField(_("上次等级"), max_length=8, choices=WarningLevel.choices, default=WarningLevel.NONE)
    values = models.JSONField(_("指标"), default=dict)  # indicator -> value as text ("3", "12.50")
    scheme = models.ForeignKey(
        Scheme, verbose_name=_("适用方案"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    level_since = models.DateTimeField(_("本等级起始"))
    computed_at = models.DateTimeField(_("计算时间"))

    class Meta:
        verbose_name = _("企业预警等级")
        verbose_name_plural = _("企业预警等级")
        indexes = [
            models.Index(fields=["org", "level"], name="earlywarning_level_org"),
            models.Index(fields=["level", "score"], name="earlywarning_level_level"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.level} {self.score}"


class EarlyWarning(models.Model):
    """A warning opened when an enterprise's level rose to 橙 or 红: a rights cadre of its union handles it,
    records what was done (actions), and closes it; one without actions cannot be closed."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("预警等级"), max_length=8, choices=WarningLevel.choices)
    score = models.DecimalField(_("分值"), **SCORE)
    status = models.CharField(_("状态"), max_length=8, choices=WarningStatus.choices, default=WarningStatus.OPEN)
    run = models.ForeignKey(
        RecomputeRun, verbose_name=_("开启于"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("预警时间"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closing_note = models.CharField(_("关闭说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("劳动关系预警")
        verbose_name_plural = _("劳动关系预警")
        ordering = ["-opened_at", "-id"]
        constraints = [
            # The database guard: one open warning per enterprise, however many runs race to open it.
            models.UniqueConstraint(
                fields=["enterprise"], condition=Q(status=WarningStatus.OPEN), name="earlywarning_open_once"
            ),
            models.CheckConstraint(
                condition=Q(status=WarningStatus.OPEN, closed_at__isnull=True)
                | Q(status=WarningStatus.CLOSED, closed_at__isnull=False),
                name="earlywarning_closed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(level__in=[WarningLevel.ORANGE, WarningLevel.RED]), name="earlywarning_warning_level"
            ),
        ]
        indexes = [models.Index(fields=["org", "status"], name="earlywarning_warning_org")]

    def __str__(self) -> str:
        return f"warning {self.pk} ({self.enterprise_id})"


class WarningAction(models.Model):
    """What a cadre did about a warning, and when (约谈企业, 督促补发, 调解)."""

    warning = models.ForeignKey(EarlyWarning, on_delete=models.CASCADE, related_name="actions")
    on = models.DateField(_("日期"))
    note = models.CharField(_("处置情况"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("处置记录")
        verbose_name_plural = _("处置记录")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"action {self.pk}"

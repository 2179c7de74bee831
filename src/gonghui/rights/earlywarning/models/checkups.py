"""法治体检: a legal check-up visit to an enterprise against a checklist (the six default items and those a
federation adds), a finding per item, rectification items with deadlines, and re-checks that close or reopen
them. Open rectification items count towards the enterprise's warning score."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.earlywarning.choices import FindingResult, RectStatus


class ChecklistItem(models.Model):
    """An item a federation adds to the checklist of its subtree's check-ups (e.g. 女职工特殊保护)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("体检项目"), max_length=50)
    sort = models.PositiveSmallIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("体检项目")
        verbose_name_plural = _("体检项目")
        ordering = ["sort", "id"]
        constraints = [models.UniqueConstraint(fields=["org", "name"], name="earlywarning_item_once")]

    def __str__(self) -> str:
        return self.name


class Checkup(models.Model):
    """One 法治体检 visit to an enterprise."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    visited_on = models.DateField(_("体检日期"))
    team = models.CharField(_("体检人员"), max_length=200)
    summary = models.TextField(_("总体情况"), max_length=2000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("法治体检")
        verbose_name_plural = _("法治体检")
        ordering = ["-visited_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "visited_on"], name="earlywarning_checkup_once_a_day")
        ]
        indexes = [models.Index(fields=["org", "visited_on"], name="earlywarning_checkup_org")]

    def __str__(self) -> str:
        return f"checkup {self.pk} ({self.enterprise_id} {self.visited_on})"


class Finding(models.Model):
    """The check-up's finding on one checklist item (its name kept as the visit saw it)."""

    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="findings")
    item = models.CharField(_("体检项目"), max_length=50)
    sort = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(_("结论"), max_length=8, choices=FindingResult.choices, default=FindingResult.PENDING)
    note = models.CharField(_("发现的情况"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("体检结论")
        verbose_name_plural = _("体检结论")
        ordering = ["sort", "id"]
        constraints = [models.UniqueConstraint(fields=["checkup", "item"], name="earlywarning_finding_once")]

    def __str__(self) -> str:
        return self.item


class Rectification(models.Model):
    """A problem the enterprise must put right by a deadline; a re-check closes it or reopens it."""

    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="rectifications")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="rectifications")
    requirement = models.CharField(_("整改要求"), max_length=500)
    deadline = models.DateField(_("整改期限"))
    status = models.CharField(_("状态"), max_length=8, choices=RectStatus.choices, default=RectStatus.OPEN)
    closed_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改事项")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=RectStatus.OPEN, closed_on__isnull=True)
                | Q(status=RectStatus.CLOSED, closed_on__isnull=False),
                name="earlywarning_rect_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "checkup"], name="earlywarning_rect_status")]

    def __str__(self) -> str:
        return self.requirement[:30]


class Recheck(models.Model):
    """A re-check visit: each open (or earlier closed) item found put right or not."""

    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="rechecks")
    on = models.DateField(_("复查日期"))
    note = models.CharField(_("复查情况"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("复查")
        verbose_name_plural = _("复查")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"recheck {self.pk}"


class RecheckResult(models.Model):
    recheck = models.ForeignKey(Recheck, on_delete=models.CASCADE, related_name="results")
    rectification = models.ForeignKey(Rectification, on_delete=models.CASCADE, related_name="results")
    rectified = models.BooleanField(_("已整改"))

    class Meta:
        verbose_name = _("复查结论")
        verbose_name_plural = _("复查结论")
        constraints = [
            models.UniqueConstraint(fields=["recheck", "rectification"], name="earlywarning_recheck_result_once")
        ]

    def __str__(self) -> str:
        return f"{self.rectification_id}: {self.rectified}"

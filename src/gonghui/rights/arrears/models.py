"""欠薪治理 (无欠薪): wage-arrears reports through the five-step loop (受理 → 分流 → 处置 → 反馈 → 回访), with
the amounts owed and recovered and the workers affected; the holiday-season drives before 春节 (a period
and a target) that the reports opened in them count towards; and each step's record.

The database keeps: amounts never negative and no more recovered than owed; a report passed to mediation
makes one dispute (a unique link); an accepted report names its enterprise.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.arrears.choices import CLOSED, ArrearsStage, ReportSource, Route
from gonghui.rights.mediation.models import Dispute


def money(label: Any, **kwargs: Any) -> models.DecimalField:
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


class Drive(models.Model):
    """A 清欠 drive of a union (冬季根治欠薪专项行动 before 春节): the reports its subtree opens in the period
    count towards its target."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("名称"), max_length=100)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    target_amount = money(_("清欠目标（元）"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("清欠专项行动")
        verbose_name_plural = _("清欠专项行动")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["org", "name"], name="arrears_drive_name_once"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="arrears_drive_period"),
            models.CheckConstraint(condition=Q(target_amount__gte=0), name="arrears_drive_target"),
        ]

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    """One wage-arrears report (欠薪线索) about an enterprise, from a worker or found by the union."""

    # The composite indexes below serve these foreign keys too.
    org = models.ForeignKey(
        OrgNode, verbose_name=_("受理工会"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("用人单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    enterprise_name = models.CharField(_("用人单位名称"), max_length=200)
    source = models.CharField(_("来源"), max_length=10, choices=ReportSource.choices)
    stage = models.CharField(_("环节"), max_length=10, choices=ArrearsStage.choices, default=ArrearsStage.ACCEPTED)
    reporter = models.ForeignKey(
        Person, verbose_name=_("反映人"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("欠薪情况"), max_length=2000)
    months = models.CharField(_("欠薪期间"), max_length=100, blank=True)
    amount_owed = money(_("欠薪金额（元）"))
    amount_recovered = money(_("已追回（元）"), default=0)
    workers_affected = models.PositiveIntegerField(_("涉及职工（人）"), default=1)
    received_on = models.DateField(_("受理（反映）日期"))
    deadline = models.DateField(_("处置期限"), null=True, blank=True)
    drive = models.ForeignKey(
        Drive, verbose_name=_("专项行动"), null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    route = models.CharField(_("分流去向"), max_length=12, choices=Route.choices, blank=True)
    dispute = models.OneToOneField(
        Dispute,
        verbose_name=_("调解案件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="arrears_report",
    )
    handling = models.CharField(_("处置情况"), max_length=500, blank=True)
    feedback = models.CharField(_("反馈职工"), max_length=500, blank=True)
    visit_note = models.CharField(_("回访情况"), max_length=500, blank=True)
    satisfied = models.BooleanField(_("职工满意"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("欠薪线索")
        verbose_name_plural = _("欠薪线索")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_owed__gte=0, amount_recovered__gte=0, amount_recovered__lte=F("amount_owed")),
                name="arrears_report_amounts",
            ),
            models.CheckConstraint(condition=Q(workers_affected__gte=1), name="arrears_report_workers"),
            models.CheckConstraint(
                condition=Q(stage__in=[ArrearsStage.REPORTED, ArrearsStage.REJECTED]) | Q(enterprise__isnull=False),
                name="arrears_report_enterprise",
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=CLOSED) | Q(closed_on__isnull=False), name="arrears_report_closed_on"
            ),
        ]
        indexes = [
            models.Index(fields=["org", "-id"], name="arrears_report_org"),
            models.Index(fields=["enterprise", "received_on"], name="arrears_report_enterprise"),
            models.Index(fields=["received_on"], name="arrears_report_received"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.enterprise_name}"

    @property
    def number(self) -> str:
        return gettext("欠〔%(y)s〕%(n)06d号") % {"y": self.received_on.year, "n": self.pk or 0}

    @property
    def outstanding(self) -> Any:
        return self.amount_owed - self.amount_recovered

    @property
    def overdue(self) -> bool:
        return bool(self.deadline and self.stage not in CLOSED and self.deadline < timezone.localdate())


class Step(models.Model):
    """What was done at one step of the loop, by whom and when (the report's history)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(_("环节"), max_length=10, choices=ArrearsStage.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("处理记录")
        verbose_name_plural = _("处理记录")
        ordering = ["report", "at", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "stage"], name="arrears_step_once")]

    def __str__(self) -> str:
        return f"{self.report_id} {self.stage}"

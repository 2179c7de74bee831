"""Seasonal and targeted campaigns (四季送, 专项慰问): who they reach and with what budget."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.campaigns.choices import BeneficiarySource, CampaignKind, TargetGroup
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode


class Campaign(models.Model):
    """One campaign run by a union for its subtree: 2024 冬送温暖, 尘肺病农民工专项慰问 …"""

    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="campaigns")
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=CampaignKind.choices)
    year = models.PositiveSmallIntegerField(_("年度"))
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    budget = models.DecimalField(_("预算（元）"), max_digits=14, decimal_places=2, default=0)
    # The most one payout of a kind may be ({"condolence": "500.00"}): above it needs a reason and the host's
    # finance checker (assistance.payouts).
    standards = models.JSONField(_("发放标准（元/人次）"), default=dict, blank=True)
    target_group = models.CharField(_("对象"), max_length=16, choices=TargetGroup.choices, blank=True)
    description = models.TextField(_("说明"), blank=True)
    reported_total = models.DecimalField(
        _("上报金额（元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("对外公布的总额；台账合计须与之一致。"),
    )
    # Bumped whenever the ledger or the list changes: the coverage figures are cached under it.
    ledger_version = models.PositiveIntegerField(default=0, editable=False)
    list_version = models.PositiveIntegerField(default=0, editable=False)  # bumped by list changes only
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("普惠活动")
        verbose_name_plural = _("普惠活动")
        ordering = ["-year", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="campaigns_period_order"),
            models.CheckConstraint(condition=Q(budget__gte=0), name="campaigns_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name

    def standard_for(self, kind: str) -> Decimal | None:
        value = (self.standards or {}).get(kind)
        return Decimal(str(value)) if value not in (None, "") else None


class Beneficiary(models.Model):
    """A person a campaign means to reach. `org` is where the person belongs, for coverage by child union."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="beneficiaries")
    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("所在工会"), on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("来源"), max_length=8, choices=BeneficiarySource.choices)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("慰问对象")
        verbose_name_plural = _("慰问对象")
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="campaigns_one_entry_per_person")]
        indexes = [models.Index(fields=["campaign", "org"], name="campaigns_beneficiary_org")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.person}"


class JobFair(models.Model):
    """春送岗位: a job fair held in a campaign, and what it offered."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="job_fairs")
    held_on = models.DateField(_("举办日期"))
    place = models.CharField(_("地点"), max_length=200)
    employers = models.PositiveIntegerField(_("参会企业数"), default=0)
    jobs_offered = models.PositiveIntegerField(_("提供岗位数"), default=0)
    visitors = models.PositiveIntegerField(_("入场人数"), default=0)
    offers_made = models.PositiveIntegerField(_("达成意向数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("招聘会")
        verbose_name_plural = _("招聘会")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.place} {self.held_on}"

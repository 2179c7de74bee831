"""集体协商 and 集体合同: a contract's negotiation (要约 → 协商会议 → 职代会审议 → 签订 → 报送人社审查 → 公示,
each with its date), its terms, the enterprises it covers and their workers (counted from their unions'
rosters), its documents, and the reminders sent before it ends. A renewal is a new contract that
continues one (at most one per contract)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.uploads import GeneratedPath
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.contracts.choices import (
    FILED_STAGES,
    SIGNED_STAGES,
    ContractLevel,
    ContractStage,
    DocumentKind,
    Kind,
    Party,
)
from gonghui.rights.democracy.models import Session


class Contract(models.Model):
    org = models.ForeignKey(OrgNode, verbose_name=_("协商工会"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("层级"), max_length=10, choices=ContractLevel.choices)
    kind = models.CharField(_("类别"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("合同名称"), max_length=100)
    # The one enterprise of an enterprise contract; regional and industry contracts list theirs in Coverage.
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(_("进度"), max_length=12, choices=ContractStage.choices, default=ContractStage.OFFERED)
    offered_by = models.CharField(_("要约方"), max_length=10, choices=Party.choices, default=Party.UNION)
    offered_on = models.DateField(_("要约日期"))
    session = models.ForeignKey(
        Session, verbose_name=_("职代会审议"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField(_("签订日期"), null=True, blank=True)
    filed_on = models.DateField(_("报送人社审查日期"), null=True, blank=True)
    published_on = models.DateField(_("公示日期"), null=True, blank=True)
    starts_on = models.DateField(_("期限起"))
    ends_on = models.DateField(_("期限止"))
    wage_growth = models.DecimalField(_("工资增长（%）"), max_digits=5, decimal_places=2, null=True, blank=True)
    min_wage = models.DecimalField(_("企业最低工资（元/月）"), max_digits=9, decimal_places=2, null=True, blank=True)
    weekly_hours = models.DecimalField(_("每周工时（小时）"), max_digits=4, decimal_places=1, null=True, blank=True)
    workers = models.PositiveIntegerField(_("覆盖职工"), default=0)  # the covered unions' rosters, at signing
    renews = models.OneToOneField(
        "self", verbose_name=_("续签自"), null=True, blank=True, on_delete=models.PROTECT, related_name="renewal"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("集体合同")
        verbose_name_plural = _("集体合同")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="contracts_period_in_order"),
            models.CheckConstraint(
                condition=~Q(level=ContractLevel.ENTERPRISE) | Q(enterprise__isnull=False),
                name="contracts_enterprise_named",
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=SIGNED_STAGES) | Q(signed_on__isnull=False), name="contracts_signed_dated"
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=FILED_STAGES) | Q(filed_on__gte=F("signed_on")),
                name="contracts_filed_after_signing",
            ),
            models.CheckConstraint(
                condition=~Q(stage=ContractStage.PUBLISHED) | Q(published_on__gte=F("filed_on")),
                name="contracts_published_after_filing",
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(signed_on__gte=F("offered_on")),
                name="contracts_signed_after_offer",
            ),
        ]
        indexes = [models.Index(fields=["stage", "ends_on"]), models.Index(fields=["org", "stage"])]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        level = "" if self.level == ContractLevel.ENTERPRISE else str(self.get_level_display())
        return f"{level}{self.get_kind_display()}{_('集体合同')}"


class Coverage(models.Model):
    """An enterprise a contract covers, with its union's roster (active members) when the contract was signed."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="coverage")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    workers = models.PositiveIntegerField(_("职工（会员）"), default=0)

    class Meta:
        verbose_name = _("覆盖企业")
        verbose_name_plural = _("覆盖企业")
        constraints = [models.UniqueConstraint(fields=["contract", "enterprise"], name="contracts_coverage_once")]

    def __str__(self) -> str:
        return str(self.enterprise_id)


class Meeting(models.Model):
    """集体协商会议 (one round), with its minutes."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("会议日期"))
    summary = models.TextField(_("会议纪要"), max_length=2000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("协商会议")
        verbose_name_plural = _("协商会议")

    def __str__(self) -> str:
        return str(self.held_on)


class Document(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("材料"), max_length=10, choices=DocumentKind.choices)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("文件"), upload_to=GeneratedPath("contracts"), max_length=200)
    content_type = models.CharField(max_length=32)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("协商材料")
        verbose_name_plural = _("协商材料")

    def __str__(self) -> str:
        return self.get_kind_display()


class Reminder(models.Model):
    """An expiry reminder, once per contract and threshold (90 or 30 days ahead); shown on the workbench and,
    for an enterprise with a contact phone on file, texted."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="reminders")
    days = models.PositiveSmallIntegerField(_("提前天数"))
    sent_at = models.DateTimeField(_("提醒时间"), auto_now_add=True)
    texted = models.BooleanField(_("已发短信"), default=False)

    class Meta:
        verbose_name = _("到期提醒")
        verbose_name_plural = _("到期提醒")
        constraints = [models.UniqueConstraint(fields=["contract", "days"], name="contracts_reminder_once")]

    def __str__(self) -> str:
        return f"{self.contract_id}/{self.days}"

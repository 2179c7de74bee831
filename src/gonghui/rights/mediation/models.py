"""劳动争议调解: mediation panels (a union's own, or a joint 工会+法院+人社 panel, with members from each
body), disputes (a union receives them from a worker, a cadre, a court's pre-suit referral or 人社), their
worker parties (name and ID number sealed and blind-indexed as members' are), claims, sessions with
minutes, and the agreement (调解协议) with its payments and judicial confirmation (司法确认).

Invariants the database keeps: one agreement per dispute, and it cannot exist without both parties'
confirmation dates; amounts are never negative; a worker is a party of a dispute once; an accepted
dispute names its enterprise; an escalation only of a collective dispute.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.mediation.choices import LIVE, Body, ClaimKind, DisputeSource, Judicial, PanelKind, Status


def money(label: Any, **kwargs: Any) -> models.DecimalField:
    """An amount in yuan with fen (up to 9,999,999,999.99)."""
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


class Panel(models.Model):
    """A mediation body of a union: its own 调解委员会, a service centre's 调解室, or a joint panel."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=10, choices=PanelKind.choices, default=PanelKind.UNION)
    place = models.CharField(_("调解地点"), max_length=200, blank=True)
    is_active = models.BooleanField(_("在用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("调解组织")
        verbose_name_plural = _("调解组织")
        ordering = ["org", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org", "name"], name="mediation_panel_name_once")]

    def __str__(self) -> str:
        return self.name


class Mediator(models.Model):
    """A member of a panel and the body they come from (a judge, an 人社 arbitrator, a hired lawyer…)."""

    panel = models.ForeignKey(Panel, verbose_name=_("调解组织"), on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("姓名"), max_length=50)
    body = models.CharField(_("所在单位类别"), max_length=10, choices=Body.choices, default=Body.UNION)
    title = models.CharField(_("单位和职务"), max_length=100, blank=True)
    is_active = models.BooleanField(_("在任"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("调解员")
        verbose_name_plural = _("调解员")
        ordering = ["panel", "body", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["panel", "name"], name="mediation_mediator_once")]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_body_display()}）"


class Dispute(models.Model):
    """One labour dispute between an enterprise and one or many workers, received by a union."""

    # The composite indexes below serve the foreign keys too (db_index=False: one index each, not two).
    org = models.ForeignKey(
        OrgNode, verbose_name=_("受理工会"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # Set when the union accepts the case (a worker's own application names the employer in words only).
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
    source = models.CharField(_("来源"), max_length=10, choices=DisputeSource.choices)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.OPEN)
    summary = models.TextField(_("争议事由"), max_length=2000)
    court_ref = models.CharField(_("委派或转来文号"), max_length=60, blank=True)
    received_on = models.DateField(_("受理（申请）日期"))
    reporter = models.ForeignKey(
        Person, verbose_name=_("申请人"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    panel = models.ForeignKey(
        Panel, verbose_name=_("调解组织"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mediator = models.ForeignKey(
        Mediator, verbose_name=_("主持调解员"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept by the services as parties and claims change: the list and the collective flag read them.
    worker_count = models.PositiveIntegerField(_("职工人数"), default=0)
    claimed = money(_("请求金额（元）"), default=0)
    collective = models.BooleanField(_("集体争议"), default=False)
    escalated_to = models.ForeignKey(
        OrgNode,
        verbose_name=_("已上报"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    escalated_at = models.DateTimeField(_("上报时间"), null=True, blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    outcome_note = models.CharField(_("结案说明"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("劳动争议")
        verbose_name_plural = _("劳动争议")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(claimed__gte=0), name="mediation_dispute_claimed"),
            models.CheckConstraint(
                condition=Q(status__in=[Status.SUBMITTED, Status.DECLINED, Status.WITHDRAWN])
                | Q(enterprise__isnull=False),
                name="mediation_dispute_enterprise",
            ),
            models.CheckConstraint(
                condition=Q(escalated_to__isnull=True) | Q(collective=True), name="mediation_escalate_collective"
            ),
            models.CheckConstraint(
                condition=Q(status__in=LIVE) | Q(closed_on__isnull=False), name="mediation_dispute_closed_on"
            ),
        ]
        indexes = [
            models.Index(fields=["org", "-id"], name="mediation_dispute_org"),
            models.Index(fields=["enterprise", "received_on"], name="mediation_dispute_enterprise"),
            models.Index(fields=["escalated_to", "-id"], name="mediation_dispute_escalated"),
            models.Index(fields=["received_on"], name="mediation_dispute_received"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.enterprise_name}"

    @property
    def number(self) -> str:
        """The case number on papers: 调〔year〕id."""
        return gettext("调〔%(y)s〕%(n)06d号") % {"y": self.received_on.year, "n": self.pk or 0}

    @property
    def is_live(self) -> bool:
        return self.status in LIVE


class Party(models.Model):
    """A worker party of a dispute: a member or not; name and ID number sealed, shown masked."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("姓名"), max_length=50)
    id_number = PIIField(_("身份证号码"), kind=PIIKind.IDCARD)
    id_hmac = BlindIndexField(source="id_number", purpose="id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("职工当事人")
        verbose_name_plural = _("职工当事人")
        ordering = ["dispute", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dispute", "id_hmac"], name="mediation_party_once"),
            models.CheckConstraint(condition=Q(id_hmac__isnull=False), name="mediation_party_id"),
        ]
        indexes = [models.Index(fields=["id_hmac"], name="mediation_party_id_hmac")]

    def __str__(self) -> str:
        return self.name


class Claim(models.Model):
    """What the workers ask for, by kind (the sum over all of them)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(_("请求事项"), max_length=20, choices=ClaimKind.choices)
    amount = money(_("金额（元）"))
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("请求事项")
        verbose_name_plural = _("请求事项")
        ordering = ["dispute", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dispute", "kind"], name="mediation_claim_once"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="mediation_claim_amount"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class Session(models.Model):
    """One mediation meeting and its minutes (调解笔录)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("调解日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    mediator = models.ForeignKey(
        Mediator, verbose_name=_("调解员"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.TextField(_("调解笔录"), max_length=5000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("调解记录")
        verbose_name_plural = _("调解记录")
        ordering = ["dispute", "held_on", "id"]

    def __str__(self) -> str:
        return f"{self.dispute_id} {self.held_on}"


class Agreement(models.Model):
    """调解协议: the terms both parties confirmed; one per dispute. Without both confirmations there is no
    agreement (the columns are required), so an unconfirmed text stays a session's minutes."""

    dispute = models.OneToOneField(Dispute, on_delete=models.CASCADE, related_name="agreement")
    terms = models.TextField(_("协议内容"), max_length=5000)
    amount = money(_("协议金额（元）"))
    signed_on = models.DateField(_("签订日期"))
    worker_signatory = models.CharField(_("职工方签字人"), max_length=50)
    worker_confirmed_on = models.DateField(_("职工方确认日期"))
    enterprise_signatory = models.CharField(_("用人单位签字人"), max_length=50)
    enterprise_confirmed_on = models.DateField(_("用人单位确认日期"))
    judicial = models.CharField(_("司法确认"), max_length=10, choices=Judicial.choices, blank=True, default="")
    court = models.CharField(_("确认法院"), max_length=100, blank=True)
    judicial_applied_on = models.DateField(_("申请司法确认日期"), null=True, blank=True)
    judicial_decided_on = models.DateField(_("法院裁定日期"), null=True, blank=True)
    judicial_note = models.CharField(_("司法确认说明"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("调解协议")
        verbose_name_plural = _("调解协议")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="mediation_agreement_amount"),
            models.CheckConstraint(
                condition=~Q(judicial__in=[Judicial.CONFIRMED, Judicial.REFUSED])
                | Q(judicial_decided_on__isnull=False, judicial_applied_on__isnull=False) & ~Q(court=""),
                name="mediation_agreement_judicial",
            ),
        ]

    def __str__(self) -> str:
        return f"agreement {self.dispute_id}"


class Payment(models.Model):
    """One instalment the agreement sets: how much by when, and when it was paid."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="payments")
    amount = money(_("金额（元）"))
    due_on = models.DateField(_("支付期限"))
    paid_on = models.DateField(_("实际支付日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("支付安排")
        verbose_name_plural = _("支付安排")
        ordering = ["agreement", "due_on", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="mediation_payment_amount")]

    def __str__(self) -> str:
        return f"{self.amount} {self.due_on}"


class UnionSetting(models.Model):
    """From how many workers a dispute is collective (集体争议) under a union (the nearest setting up the
    tree applies; 3 without one)."""

    org = models.OneToOneField(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    collective_min = models.PositiveSmallIntegerField(_("集体争议起点人数"), default=3)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("调解设置")
        verbose_name_plural = _("调解设置")
        constraints = [
            models.CheckConstraint(condition=Q(collective_min__gte=2), name="mediation_setting_collective_min")
        ]

    def __str__(self) -> str:
        return str(self.org_id)

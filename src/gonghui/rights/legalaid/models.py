"""法律咨询 and 法律援助: consultations from every channel, legal-aid cases with their steps.

A case belongs to the worker's union (`org`) and, when another union helps (the 西安 station of 商南's
unions), to that union too (`helping_org`): the rights staff of both see it (rights.base.access). Case
records are read-audited; the worker sees their own status and outcome in 我的, never the union's notes or
the lawyer's step notes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.appointments.models import Appointment, Provider
from gonghui.assistance.models import HardshipFile
from gonghui.common.masking import PIIKind
from gonghui.common.money import money
from gonghui.common.pii_fields import PIIField
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.legalaid.choices import (
    Basis,
    CaseOutcome,
    CaseStatus,
    CaseStepKind,
    ConsultationChannel,
    FollowUp,
    Topic,
)
from gonghui.stations.models import Station


class LegalAidCase(models.Model):
    """申请 → 审查 → 指派 → 代理 → 结案 (or 不予援助), with the deadline of the stage it is in."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    helping_org = models.ForeignKey(
        OrgNode, verbose_name=_("协办工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    employer = models.ForeignKey(
        Enterprise, verbose_name=_("用人单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    employer_name = models.CharField(_("用人单位名称"), max_length=200, blank=True)
    topic = models.CharField(_("纠纷类型"), max_length=20, choices=Topic.choices)
    summary = models.TextField(_("申请事项"), max_length=2000)
    claim_amount = money(_("涉及金额（元）"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.APPLIED)
    applied_on = models.DateField(_("申请日期"))
    basis = models.CharField(_("援助条件"), max_length=10, choices=Basis.choices, blank=True)
    hardship_file = models.ForeignKey(
        HardshipFile, verbose_name=_("困难职工档案"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refuse_reason = models.CharField(_("不予援助理由"), max_length=200, blank=True)
    provider = models.ForeignKey(
        Provider, verbose_name=_("承办律师"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    firm = models.CharField(_("承办律所"), max_length=100, blank=True)
    outcome = models.CharField(_("结案结果"), max_length=10, choices=CaseOutcome.choices, blank=True)
    outcome_note = models.CharField(_("结案情况"), max_length=500, blank=True)  # the worker reads this
    recovered = money(_("挽回金额（元）"), default=0)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    note = models.TextField(_("工会内部备注"), max_length=2000, blank=True)  # never shown to the worker
    due_on = models.DateField(_("本阶段期限"), null=True, blank=True)
    # The stage whose deadline reminder was sent: `legalaid_remind` texts once per stage, however often it runs.
    reminded_stage = models.CharField(max_length=10, blank=True)
    source_consultation = models.OneToOneField(
        "Consultation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("法律援助案件")
        verbose_name_plural = _("法律援助案件")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(recovered__gte=0), name="legalaid_case_recovered_not_negative"),
            models.CheckConstraint(
                condition=Q(claim_amount__isnull=True) | Q(claim_amount__gte=0), name="legalaid_case_claim_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (~Q(outcome="") & Q(closed_on__isnull=False)),
                name="legalaid_case_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(refuse_reason=""), name="legalaid_case_refusal_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "acting", "closed"]) | Q(provider__isnull=False) | ~Q(firm=""),
                name="legalaid_case_assigned_has_lawyer",
            ),
            models.CheckConstraint(
                condition=Q(provider__isnull=True) | Q(firm=""), name="legalaid_case_lawyer_or_firm"
            ),
            models.CheckConstraint(
                condition=Q(helping_org__isnull=True) | ~Q(helping_org=models.F("org")),
                name="legalaid_case_helping_differs",
            ),
        ]
        indexes = [
            models.Index(fields=["org", "status", "-id"], name="legalaid_case_org_status"),
            models.Index(fields=["helping_org"], condition=Q(helping_org__isnull=False), name="legalaid_case_helping"),
            models.Index(fields=["provider", "status"], condition=Q(provider__isnull=False),
                         name="legalaid_case_lawyer"),
            models.Index(fields=["person"], name="legalaid_case_person"),
            models.Index(fields=["due_on"], condition=Q(status__in=["applied", "accepted", "assigned", "acting"]),
                         name="legalaid_case_due"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.ref

    @property
    def ref(self) -> str:
        """The case number people quote: 法援2025-00012."""
        return f"{_('法援')}{self.applied_on:%Y}-{self.pk or 0:05d}"

    @property
    def lawyer(self) -> str:
        return self.provider.name if self.provider_id and self.provider else self.firm


class CaseStep(models.Model):
    """One step of 代理 (a consultation, a document drafted, a mediation, arbitration or litigation hearing)."""

    case = models.ForeignKey(LegalAidCase, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("代理事项"), max_length=12, choices=CaseStepKind.choices)
    on = models.DateField(_("日期"))
    note = models.CharField(_("情况记录"), max_length=500, blank=True)  # internal: never in 我的
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("代理记录")
        verbose_name_plural = _("代理记录")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.on}"


class Consultation(models.Model):
    """One legal question, from a station's desk, the 12351 hotline, 我的 or a lawyer's booked session."""

    org = models.ForeignKey(OrgNode, verbose_name=_("受理工会"), on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("咨询渠道"), max_length=12, choices=ConsultationChannel.choices)
    station = models.ForeignKey(
        Station, verbose_name=_("服务阵地"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appointment = models.OneToOneField(
        Appointment, verbose_name=_("律师预约"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("咨询人"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("咨询人姓名"), max_length=50, blank=True)  # a caller not on record
    mobile = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    topic = models.CharField(_("咨询类别"), max_length=20, choices=Topic.choices)
    question = models.TextField(_("咨询问题"), max_length=1000)
    answer = models.TextField(_("简要解答"), max_length=1000, blank=True)
    answered_at = models.DateTimeField(_("解答时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    follow_up = models.CharField(_("后续跟进"), max_length=10, choices=FollowUp.choices, default=FollowUp.NONE)
    call_back_on = models.DateField(_("回访日期"), null=True, blank=True)
    case = models.ForeignKey(
        LegalAidCase, verbose_name=_("援助案件"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(_("咨询时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("法律咨询")
        verbose_name_plural = _("法律咨询")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(follow_up="call_back") | Q(call_back_on__isnull=False),
                name="legalaid_consultation_call_back_date",
            ),
            models.CheckConstraint(
                condition=~Q(follow_up="case") | Q(case__isnull=False), name="legalaid_consultation_case_linked"
            ),
            models.CheckConstraint(
                condition=~Q(channel="online") | Q(person__isnull=False), name="legalaid_consultation_online_person"
            ),
            models.CheckConstraint(
                condition=~Q(channel="appointment") | Q(appointment__isnull=False),
                name="legalaid_consultation_appointment_linked",
            ),
        ]
        indexes = [
            models.Index(fields=["org", "-id"], name="legalaid_consultation_org"),
            models.Index(fields=["person"], condition=Q(person__isnull=False), name="legalaid_consultation_person"),
            models.Index(fields=["asked_at"], name="legalaid_consultation_asked"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.asked_at:%Y-%m-%d}"

    @property
    def who(self) -> str:
        return self.person.name if self.person_id and self.person else self.name

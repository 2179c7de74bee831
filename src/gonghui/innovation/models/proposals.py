"""合理化建议: a worker's proposal, routed to the enterprise, adopted or declined, implemented, value saved."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.money import money
from gonghui.innovation.choices import ProposalStatus
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode


class Proposal(models.Model):
    org = models.ForeignKey(OrgNode, verbose_name=_("受理工会"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    proposer_name = models.CharField(_("建议人"), max_length=50)
    proposer = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("建议名称"), max_length=100)
    content = models.TextField(_("建议内容"), max_length=4000)
    expected_effect = models.TextField(_("预期效果"), max_length=1000, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    decision_reason = models.CharField(_("处理意见"), max_length=500, blank=True)
    implemented_on = models.DateField(_("实施日期"), null=True, blank=True)
    value_saved = money(_("创效/节约（元）"), default=0, validators=[MinValueValidator(0)])
    value_evidence = models.CharField(_("效益证明"), max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("合理化建议")
        verbose_name_plural = _("合理化建议")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(value_saved__gte=0), name="innovation_value_saved_not_negative"),
            # Value saved is only claimed for an implemented proposal.
            models.CheckConstraint(
                condition=Q(value_saved=0) | Q(status=ProposalStatus.IMPLEMENTED), name="innovation_value_when_done"
            ),
        ]
        indexes = [models.Index(fields=["org", "status"], name="innovation_proposal_org")]

    def __str__(self) -> str:
        return self.title

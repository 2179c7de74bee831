"""Models of returns (ADR 0019): one submission per union, form and period, holding the frozen snapshot."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import OrgNode
from gonghui.reports.returns.choices import SubmissionStatus


class Submission(models.Model):
    """A union's return for one form and period. Submitting freezes `values` (what the records said then) and
    `figures` (each row's label, unit, definition and roll-up rule as they were), so later changes to the
    records or to a definition show as differences and never alter what was reported. Counts only: no
    personal data is ever stored here."""

    org = models.ForeignKey(OrgNode, verbose_name=_("填报工会"), on_delete=models.PROTECT, related_name="+")
    form = models.CharField(_("报表"), max_length=32)
    period = models.CharField(_("统计期间"), max_length=16)  # reports.periods.period_key: 2026-07, 2026Q3, 2026
    status = models.CharField(
        _("状态"), max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    remarks = models.TextField(_("填报说明"), max_length=500, blank=True)
    # {figure key: value}; an int or a float as is, a Decimal as its text (exact), None where not counted.
    values = models.JSONField(_("报送数值"), default=dict, blank=True)
    # [{key, section, label, unit, definition, rollup}] in the form's order, as it was when submitted.
    figures = models.JSONField(_("指标口径"), default=list, blank=True)
    computed_at = models.DateTimeField(_("数据统计时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(_("退回时间"), null=True, blank=True)
    return_reason = models.CharField(_("退回原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("统计报表")
        verbose_name_plural = _("统计报表")
        constraints = [
            # Form and period first: the federation's roll-up reads one form and period for many unions.
            models.UniqueConstraint(fields=["form", "period", "org"], name="returns_one_per_union_form_period"),
            models.CheckConstraint(
                condition=~Q(status=SubmissionStatus.SUBMITTED) | Q(submitted_at__isnull=False),
                name="returns_submitted_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=SubmissionStatus.RETURNED) | ~Q(return_reason=""),
                name="returns_returned_with_reason",
            ),
        ]
        indexes = [models.Index(fields=["org", "form"])]

    def __str__(self) -> str:
        from gonghui.reports.returns.return_forms import RETURN_FORMS

        form = RETURN_FORMS.get(self.form)
        return f"{self.org.name} · {form.name if form else self.form} · {self.period}"

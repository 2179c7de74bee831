"""The work report draft (ADR 0019): one per union and period, written from the figures and edited by a cadre."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import OrgNode


class Draft(models.Model):
    """`paragraphs` is what was generated: [{"id", "title", "runs": [{"t": text, "k": figure key?}]}], with
    `figures` (key → label, value, unit, definition, url) beside it; `edits` holds the cadre's own text by
    paragraph id ("title" for the report's title). Generating again replaces `paragraphs` and `figures` and
    keeps `edits` unless asked to drop them."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会组织"), on_delete=models.PROTECT, related_name="+")
    period_key = models.CharField(_("统计期间"), max_length=16)
    title = models.CharField(_("标题"), max_length=200)
    paragraphs = models.JSONField(_("生成的段落"), default=list)
    figures = models.JSONField(_("引用的数字"), default=dict)
    edits = models.JSONField(_("修改的段落"), default=dict)
    generated_at = models.DateTimeField(_("生成时间"))
    figures_as_of = models.DateTimeField(_("数字统计时间"), null=True, blank=True)  # the figure sheet's computed_at
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("工作报告")
        verbose_name_plural = _("工作报告")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["org", "period_key"], name="workreport_one_draft_per_period"),
        ]

    def __str__(self) -> str:
        return str(self.edits.get("title") or self.title)

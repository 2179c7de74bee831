"""Stored figure sheets (ADR 0019): one row per union and period with every figure's value, so pages read a
federation's numbers in one query instead of counting its subtree on every request."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.orgs.models import OrgNode


class FigureValue(models.Model):
    """A union's figures for one period (or its monthly trends for a year), as counted at `computed_at`.

    `period` is the period's key (2026, 2026Q3, 2026-07, 2026-ytd) or `2026-trends`; a 本年累计 span records
    the day it ran to in `ends_on`, so yesterday's 累计 is never read as today's. `values` maps each figure key
    to its value as JSON (whole numbers as numbers, amounts in yuan as decimal strings, shares as floats, None
    as null; trends as lists of twelve); `targets` holds the targets set for the union (only where one is set);
    `links` the list each figure counts, narrowed to the union — left out when many children are read side by
    side. Labels, units and definitions are not stored: they come from the code (reports.catalogue), in the
    reader's language.
    """

    org = models.ForeignKey(OrgNode, verbose_name=_("工会组织"), on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("统计期间"), max_length=16)
    starts_on = models.DateField(_("起始日期"))
    ends_on = models.DateField(_("截止日期"))
    computed_at = models.DateTimeField(_("统计时间"))
    values = models.JSONField(_("数值"), default=dict)
    targets = models.JSONField(_("目标"), default=dict)
    links = models.JSONField(_("链接"), default=dict)
    # Figures the catalogue does not list (a group that names one figure per station kind on record) and the
    # order of the groups holding them: {"order": {group: [keys]}, "figures": {key: [label, unit, definition,
    # rollup]}}; empty for most sheets.
    unlisted = models.JSONField(_("目录外指标"), default=dict)

    class Meta:
        verbose_name = _("统计数值")
        verbose_name_plural = _("统计数值")
        constraints = [models.UniqueConstraint(fields=["org", "period"], name="reports_figurevalue_one_per_period")]

    def __str__(self) -> str:
        return f"{self.org_id} {self.period}"

"""Enumerations of statistical returns."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    """How often a return is filed; the values are `common.figures.Period.kind`."""

    MONTH = "month", _("月报")
    QUARTER = "quarter", _("季报")
    YEAR = "year", _("年报")


class SubmissionStatus(models.TextChoices):
    """A union's return: a draft (remarks saved), submitted (frozen), or returned by the federation above
    (reopened, to be submitted again)."""

    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已报")
    RETURNED = "returned", _("退回")


class FilingStatus(models.TextChoices):
    """Where a union stands for one form and period, as the federation above reads it."""

    SUBMITTED = "submitted", _("已报")
    RETURNED = "returned", _("退回")
    OVERDUE = "overdue", _("逾期")
    MISSING = "missing", _("未报")

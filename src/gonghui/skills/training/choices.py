"""Enumerations of 职工培训."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseKind(models.TextChoices):
    BASE = "base", _("技能提升培训基地")
    TEACHING_POINT = "point", _("企业培训教学点")


class ClassStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    CANCELLED = "cancelled", _("已取消")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("在读")
    WITHDRAWN = "withdrawn", _("已退出")


# A class completes when a trainee attended at least this share of its hours, unless the class sets its own.
DEFAULT_COMPLETION_PERCENT = 80

"""Enumerations of 名师带徒."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MentorKind(models.TextChoices):
    MODEL_WORKER = "model_worker", _("劳动模范")
    CRAFTSMAN = "craftsman", _("工匠")
    TECHNICIAN = "technician", _("技师/高级技师")
    SKILLED = "skilled", _("技能标兵")


class PairMode(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业师带徒")
    DUAL = "dual", _("企校双师带徒（企校双制、工学一体）")


class PairStatus(models.TextChoices):
    ACTIVE = "active", _("带徒中")
    COMPLETED = "completed", _("已出师")
    ENDED = "ended", _("提前解除")


class EvaluationSide(models.TextChoices):
    OF_APPRENTICE = "of_apprentice", _("师傅评徒弟")
    OF_MENTOR = "of_mentor", _("徒弟评师傅")


class EvaluationStage(models.TextChoices):
    MIDTERM = "midterm", _("中期")
    FINAL = "final", _("出师")

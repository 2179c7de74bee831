from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillLevel(models.TextChoices):
    """职业技能等级 (the national five levels). The value is the level's number: "1" is the highest."""

    L5 = "5", _("五级/初级工")
    L4 = "4", _("四级/中级工")
    L3 = "3", _("三级/高级工")
    L2 = "2", _("二级/技师")
    L1 = "1", _("一级/高级技师")


def level_rank(level: str) -> int:
    """How high a level is: 1 for 五级/初级工 … 5 for 一级/高级技师 (0 for none), for comparisons."""
    return 6 - int(level) if level in SkillLevel.values else 0


class CertificateKind(models.TextChoices):
    COMPETITION = "competition", _("竞赛获奖证书")
    TRAINING = "training", _("培训结业证书")
    SKILL_LEVEL = "skill_level", _("职业技能等级证书")

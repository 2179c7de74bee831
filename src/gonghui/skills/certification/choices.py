from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertifiedLevel(models.TextChoices):
    """职业技能等级 (the national five levels). The value is the level's number: "1" is the highest."""

    L5 = "5", _("五级/初级工")
    L4 = "4", _("四级/中级工")
    L3 = "3", _("三级/高级工")
    L2 = "2", _("二级/技师")
    L1 = "1", _("一级/高级技师")


def level_rank(level: str) -> int:
    """How high a level is: 1 for 五级/初级工 … 5 for 一级/高级技师 (0 for none), for comparisons."""
    return 6 - int(level) if level in CertifiedLevel.values else 0


class CertificateKind(models.TextChoices):
    COMPETITION = "competition", _("竞赛获奖证书")
    TRAINING = "training", _("培训结业证书")
    SKILL_LEVEL = "skill_level", _("职业技能等级证书")


def level_label(level: str) -> str:
    """The level's name (三级/高级工), or the value itself for an unknown one."""
    return str(CertifiedLevel(level).label) if level in CertifiedLevel.values else level


# What a level is called in spreadsheets: 三级, 高级工, 三级/高级工, 3 …
LEVEL_WORDS: dict[str, str] = {
    # The Chinese labels as written here (not through gettext: this runs at import, before translations load).
    **dict(zip(("五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师"), "54321", strict=True)),
    **{value: value for value in CertifiedLevel.values},
    **{f"{n}级": v for n, v in zip("五四三二一", ("5", "4", "3", "2", "1"), strict=True)},
    **{f"{n}级工": v for n, v in zip("五四三二一", ("5", "4", "3", "2", "1"), strict=True)},
    "初级工": "5",
    "中级工": "4",
    "高级工": "3",
    "技师": "2",
    "高级技师": "1",
    "初级": "5",
    "中级": "4",
    "高级": "3",
}


class BatchStatus(models.TextChoices):
    OPEN = "open", _("录入中")
    CLOSED = "closed", _("已结束")


class SkillSource(models.TextChoices):
    """Where a change of a person's level came from (the history says so)."""

    CERTIFICATION = "certification", _("企业自主认定")
    COMPETITION = "competition", _("技能竞赛晋级")
    OTHER = "other", _("其他（补录）")

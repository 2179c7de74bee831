"""Choices of 劳动关系预警 and 法治体检."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy


class WarningLevel(models.TextChoices):
    """An enterprise's warning level, lowest first (the order of RANK)."""

    NONE = "none", pgettext_lazy("warning level", "正常")
    BLUE = "blue", _("蓝色")
    YELLOW = "yellow", _("黄色")
    ORANGE = "orange", _("橙色")
    RED = "red", _("红色")


RANK = {level: n for n, level in enumerate(WarningLevel.values)}
# A level rising to one of these opens a warning (a case a rights cadre handles).
WARN_FROM = WarningLevel.ORANGE


class Indicator(models.TextChoices):
    """What an enterprise's score is made of. The first four come from the case apps (arrears, mediation),
    the next three are entered by cadres, the last from this app's 法治体检."""

    ARREARS = "arrears", _("欠薪投诉（未结）")
    ARREARS_AMOUNT = "arrears_amount", _("欠薪金额（万元）")
    DISPUTES = "disputes", _("劳动争议")
    COLLECTIVE = "collective", _("集体劳动争议")
    LAYOFFS = "layoffs", _("裁员人数")
    SOCIAL_INSURANCE = "social_insurance", _("社保欠缴（月）")
    OVERTIME = "overtime", _("超时加班投诉")
    CHECKUP = "checkup", _("法治体检未整改问题")


class EnteredKind(models.TextChoices):
    """The indicators a cadre enters (IndicatorEntry.kind)."""

    LAYOFFS = Indicator.LAYOFFS.value, Indicator.LAYOFFS.label
    SOCIAL_INSURANCE = Indicator.SOCIAL_INSURANCE.value, Indicator.SOCIAL_INSURANCE.label
    OVERTIME = Indicator.OVERTIME.value, Indicator.OVERTIME.label


class WarningStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("warning status", "处置中")
    CLOSED = "closed", pgettext_lazy("warning status", "已关闭")


class Trigger(models.TextChoices):
    SCHEDULE = "schedule", _("定时任务")
    COMMAND = "command", _("命令行")
    CADRE = "cadre", _("工作人员")


class FindingResult(models.TextChoices):
    PENDING = "pending", _("未检查")
    OK = "ok", _("合规")
    PROBLEM = "problem", _("存在问题")
    NOT_APPLICABLE = "na", _("不适用")


class RectStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("rectification", "待整改")
    CLOSED = "closed", pgettext_lazy("rectification", "已整改")


# The 法治体检 checklist every union starts from; a federation adds its own items (ChecklistItem).
# Stored as written (a finding keeps its item's name as the check-up saw it), so marked, not translated, here.
DEFAULT_CHECKLIST = [
    gettext_noop("劳动合同"),
    gettext_noop("工资支付"),
    gettext_noop("工时休假"),
    gettext_noop("安全生产"),
    gettext_noop("职代会"),
    gettext_noop("集体合同"),
]

"""Choices of 劳动和技能竞赛."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CompetitionKind(models.TextChoices):
    SKILL = "skill", _("技能竞赛")
    LABOUR = "labour", _("劳动竞赛")
    CONTEST = "contest", _("技术比武")
    DRILL = "drill", _("岗位练兵")
    ANKANG = "ankang", _("安康杯")
    CHABAOCU = "chabaocu", _("查保促")
    DIGITAL = "digital", _("数字技能")


class CompetitionStatus(models.TextChoices):
    DRAFT = "draft", _("筹备中")
    OPEN = "open", _("报名中")
    RUNNING = "running", _("比赛中")
    NOTICE = "notice", _("结果公示中")
    CLOSED = "closed", _("已结束")


class EntryMode(models.TextChoices):
    INDIVIDUAL = "individual", _("个人赛")
    TEAM = "team", _("团体赛")


class EntryStatus(models.TextChoices):
    ENTERED = "entered", _("已报名")
    WITHDRAWN = "withdrawn", pgettext_lazy("competition entry", "已退赛")


class ContestStageStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("competition stage", "未开始")
    SCORING = "scoring", _("评分中")
    CLOSED = "closed", pgettext_lazy("competition stage", "已结束")


class AdvanceRule(models.TextChoices):
    FINAL = "final", _("决赛（不再晋级）")
    TOP_N = "top_n", _("前N名晋级")
    SCORE_LINE = "score_line", _("达到分数线晋级")


class PrizeGrade(models.TextChoices):
    FIRST = "first", pgettext_lazy("competition prize", "一等奖")
    SECOND = "second", pgettext_lazy("competition prize", "二等奖")
    THIRD = "third", pgettext_lazy("competition prize", "三等奖")


class AwardStatus(models.TextChoices):
    NOTICE = "notice", _("公示中")
    AWARDED = "awarded", pgettext_lazy("competition award", "已授予")
    WITHDRAWN = "withdrawn", pgettext_lazy("competition award", "已撤销")


# Stage names the organiser starts from (初赛 → 复赛 → 决赛).
STAGE_NAMES = ("初赛", "复赛", "决赛")

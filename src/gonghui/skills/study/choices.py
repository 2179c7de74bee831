"""Enumerations of 求学圆梦."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DegreeLevel(models.TextChoices):
    """The qualification the worker studies for (学历层次)."""

    SECONDARY = "secondary", _("中专/技校")
    JUNIOR_COLLEGE = "junior_college", _("专科")
    BACHELOR = "bachelor", _("本科")
    MASTER = "master", _("研究生")


class StudyMode(models.TextChoices):
    ADULT_EXAM = "adult_exam", _("成人高考")
    SELF_STUDY = "self_study", _("自学考试")
    OPEN_UNIVERSITY = "open_university", _("开放大学")
    ONLINE = "online", _("网络教育")
    FULL_TIME = "full_time", _("全日制（企校合作）")


class Eligibility(models.TextChoices):
    """Who may apply, besides being a member on the roll in the programme union's subtree."""

    MEMBERS = "members", _("在册会员")
    FRONT_LINE = "front_line", _("一线职工和产业工人")


class StudyStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待审核")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")
    GRADUATED = "graduated", _("已毕业")


# One of these per person per programme (a database constraint); a refused or withdrawn one may be followed
# by a new application.
LIVE = (StudyStatus.SUBMITTED, StudyStatus.APPROVED, StudyStatus.GRADUATED)
# Holding one of the programme's places (counted against its quota).
PLACED = (StudyStatus.APPROVED, StudyStatus.GRADUATED)

"""Choices of the 建功立业 module: 五小 projects, proposals, studios, selections and honors."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectCategory(models.TextChoices):
    INVENTION = "invention", _("小发明")
    CREATION = "creation", _("小创造")
    INNOVATION = "innovation", _("小革新")
    DESIGN = "design", _("小设计")
    SUGGESTION = "suggestion", _("小建议")


class ProjectStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("评审中")
    REJECTED = "rejected", _("未通过")
    RANKED = "ranked", _("评审完成")
    NOTICE = "notice", _("公示中")
    AWARDED = "awarded", _("已获奖")
    NOT_AWARDED = "not_awarded", _("未获奖")
    WITHDRAWN = "withdrawn", _("已撤销")


class StageStatus(models.TextChoices):
    OPEN = "open", _("待评审")
    PASSED = "passed", _("通过")
    FAILED = "failed", _("未通过")


class Grade(models.TextChoices):
    NONE = "", _("无")
    FIRST = "first", _("一等奖")
    SECOND = "second", _("二等奖")
    THIRD = "third", _("三等奖")
    MERIT = "merit", _("优秀奖")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    ROUTED = "routed", _("已转企业")
    ADOPTED = "adopted", _("已采纳")
    DECLINED = "declined", _("未采纳")
    IMPLEMENTED = "implemented", _("已实施")


# A proposal adopted, implemented since or not (the 建议被采纳 figure), and the list's status that asks for them.
ADOPTED_STATUSES = (ProposalStatus.ADOPTED, ProposalStatus.IMPLEMENTED)
ADOPTED_ANY = "adopted_any"


class StudioLevel(models.TextChoices):
    NATIONAL = "national", _("全国级")
    PROVINCIAL = "provincial", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class StudioKind(models.TextChoices):
    MODEL_WORKER = "model_worker", _("劳模创新工作室")
    CRAFTSMAN = "craftsman", _("工匠创新工作室")
    STAFF = "staff", _("职工创新工作室")


class AchievementKind(models.TextChoices):
    PATENT = "patent", _("专利")
    PROBLEM = "problem", _("解决技术难题")
    APPRENTICE = "apprentice", _("培养徒弟")
    PROJECT = "project", _("创新项目")
    AWARD = "award", _("获奖")
    TRAINING = "training", _("技能培训")


class HonorLevel(models.TextChoices):
    NATIONAL = "national", _("全国")
    PROVINCIAL = "provincial", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
    ENTERPRISE = "enterprise", _("企业级")


class NomineeKind(models.TextChoices):
    PERSON = "person", _("个人")
    TEAM = "team", _("集体（班组）")
    ORGANISATION = "organisation", _("单位")


class RoundKind(models.TextChoices):
    HONOR = "honor", _("劳模工匠选树")
    INNOVATIVE_ENTERPRISE = "innovative_enterprise", _("全员创新企业")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("推荐中")
    NOTICE = "notice", _("公示中")
    PUBLISHED = "published", _("已发布")


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", _("已推荐")
    SELECTED = "selected", _("拟选定")
    NOT_SELECTED = "not_selected", _("未入选")
    AWARDED = "awarded", _("已授予")
    WITHDRAWN = "withdrawn", _("已撤销")

"""Choices of the campaigns app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKind(models.TextChoices):
    SPRING_JOBS = "spring_jobs", _("春送岗位")
    SUMMER_COOL = "summer_cool", _("夏送清凉")
    AUTUMN_STUDY = "autumn_study", _("金秋助学")
    WINTER_WARMTH = "winter_warmth", _("冬送温暖")
    SPECIAL = "special", _("专项慰问")


class TargetGroup(models.TextChoices):
    OUTDOOR = "outdoor", _("户外劳动者")
    PNEUMOCONIOSIS = "pneumoconiosis", _("尘肺病职工")
    HARDSHIP = "hardship", _("困难职工档案")
    NEW_FORMS = "new_forms", _("新就业形态劳动者")
    MIGRANT = "migrant", _("农民工")
    STUDENTS = "students", _("困难职工子女")
    ALL_MEMBERS = "all_members", _("全体会员")


class BeneficiarySource(models.TextChoices):
    RULE = "rule", _("按条件生成")
    HAND = "hand", _("手工选择")
    IMPORT = "import", _("Excel 导入")

"""Enumerations of 集体协商 and 集体合同."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractLevel(models.TextChoices):
    """Who a contract binds: one enterprise, or many (a region's or an industry's enterprises)."""

    ENTERPRISE = "enterprise", _("企业")
    REGIONAL = "regional", _("区域性")
    INDUSTRY = "industry", _("行业性")


class Kind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("综合")
    WAGE = "wage", _("工资专项")
    WOMEN = "women", _("女职工专项")
    SAFETY = "safety", _("安全生产专项")


class ContractStage(models.TextChoices):
    OFFERED = "offered", _("已要约")
    NEGOTIATING = "negotiating", _("协商中")
    DELIBERATED = "deliberated", _("职代会已审议")
    SIGNED = "signed", _("已签订")
    FILED = "filed", _("已报送人社审查")
    PUBLISHED = "published", _("已公示")


SIGNED_STAGES = (ContractStage.SIGNED, ContractStage.FILED, ContractStage.PUBLISHED)
OPEN_STAGES = (ContractStage.OFFERED, ContractStage.NEGOTIATING, ContractStage.DELIBERATED)
FILED_STAGES = (ContractStage.FILED, ContractStage.PUBLISHED)


class DocumentKind(models.TextChoices):
    OFFER = "offer", _("要约书")
    MINUTES = "minutes", _("协商会议纪要")
    DRAFT = "draft", _("合同草案")
    TEXT = "text", _("合同文本")
    REVIEW = "review", _("人社审查意见")
    NOTICE = "notice", _("公示材料")


class Party(models.TextChoices):
    UNION = "union", _("工会")
    EMPLOYER = "employer", _("企业方")


REMIND_DAYS = (90, 30)  # reminders before a contract's end, each sent once

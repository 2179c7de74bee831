"""Enumerations of 职代会 and 厂务公开."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RepresentativeCategory(models.TextChoices):
    """The representative categories a share is reported for (one representative may be in several)."""

    FRONTLINE = "frontline", _("一线职工")
    INDUSTRIAL = "industrial", _("产业工人")
    TECHNICIAN = "technician", _("专业技术人员")
    MANAGER = "manager", _("企业管理人员")
    WOMAN = "woman", _("女职工")


class ResolutionSubject(models.TextChoices):
    CONTRACT = "contract", _("审议集体合同草案")
    WAGES = "wages", _("工资调整方案")
    RULES = "rules", _("规章制度")
    WELFARE = "welfare", _("职工福利")
    OTHER = "other", pgettext_lazy("resolution subject", "其他事项")


class CongressProposalStatus(models.TextChoices):
    OPEN = "open", _("办理中")
    DONE = "done", _("已办结")
    DECLINED = "declined", _("不予立案")


class DisclosureTopic(models.TextChoices):
    OPERATIONS = "operations", _("生产经营状况")
    WAGES = "wages", _("工资和奖金分配")
    INSURANCE = "insurance", _("社会保险和公积金缴纳")
    SAFETY = "safety", _("劳动安全卫生")
    CONTRACTS = "contracts", _("劳动合同和集体合同")
    RULES = "rules", _("规章制度")
    WELFARE = "welfare", _("职工福利")
    OTHER = "other", pgettext_lazy("disclosure topic", "其他事项")


class DisclosureChannel(models.TextChoices):
    """How an item was disclosed."""

    BOARD = "board", _("公开栏")
    CONGRESS = "congress", _("职代会")
    ONLINE = "online", _("网络")
    MEETING = "meeting", _("职工大会或班组会")
    DOCUMENT = "document", _("书面文件")

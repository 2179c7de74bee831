"""Choices of 劳动争议调解."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DisputeSource(models.TextChoices):
    """Where a dispute came from (受理来源)."""

    WORKER = "worker", _("职工申请")
    CADRE = "cadre", _("工会受理")
    COURT = "court", _("法院诉前委派")
    HRSS = "hrss", _("人社部门转来")
    ARREARS = "arrears", _("欠薪线索转来")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待受理")
    OPEN = "open", _("已受理")
    MEDIATING = "mediating", _("调解中")
    AGREED = "agreed", _("调解成功")
    WITHDRAWN = "withdrawn", _("申请人撤回")
    ARBITRATION = "arbitration", _("转劳动仲裁")
    COURT = "court", _("转法院诉讼")
    DECLINED = "declined", _("不予受理")


# A case in one of these is still being handled; the others are outcomes.
LIVE = (Status.SUBMITTED, Status.OPEN, Status.MEDIATING)
OUTCOMES = (Status.AGREED, Status.WITHDRAWN, Status.ARBITRATION, Status.COURT, Status.DECLINED)
REFERRALS = (Status.ARBITRATION, Status.COURT)


class ClaimKind(models.TextChoices):
    WAGES = "wages", _("拖欠工资")
    OVERTIME = "overtime", _("加班费")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    INJURY = "injury", _("工伤待遇")
    TERMINATION = "termination", _("解除劳动合同经济补偿")


class PanelKind(models.TextChoices):
    UNION = "union", _("工会调解组织")
    JOINT = "joint", _("“工会+法院+人社”联合调解")
    CENTRE = "centre", _("服务中心调解室")


class Body(models.TextChoices):
    """The body a mediator comes from (joint panels have members of several)."""

    UNION = "union", pgettext_lazy("mediator body", "工会")
    COURT = "court", pgettext_lazy("mediator body", "法院")
    HRSS = "hrss", pgettext_lazy("mediator body", "人社")
    LAWYER = "lawyer", _("律师")


class Judicial(models.TextChoices):
    """司法确认 of an agreement."""

    NONE = "", _("未申请")
    APPLIED = "applied", _("已申请司法确认")
    CONFIRMED = "confirmed", _("已司法确认")
    REFUSED = "refused", _("不予确认")

"""Choices of the 劳模工匠助企行 desk."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpertKind(models.TextChoices):
    MODEL_WORKER = "model_worker", _("劳动模范")
    CRAFTSMAN = "craftsman", _("工匠")
    TECHNICIAN = "technician", _("技术能手")


class NeedCategory(models.TextChoices):
    TECHNICAL = "technical", _("技术攻关")
    TRAINING = "training", _("技能培训")
    MANAGEMENT = "management", _("管理提升")
    SAFETY = "safety", _("安全生产")
    EQUIPMENT = "equipment", _("设备维修")
    OTHER = "other", _("其他")


class Urgency(models.TextChoices):
    LOW = "low", _("一般")
    NORMAL = "normal", _("较急")
    HIGH = "high", _("紧急")
    CRITICAL = "critical", _("特急")


# How long a need may stay open before the desk flags it overdue.
DUE_AFTER = {
    Urgency.LOW: dt.timedelta(days=30),
    Urgency.NORMAL: dt.timedelta(days=15),
    Urgency.HIGH: dt.timedelta(days=7),
    Urgency.CRITICAL: dt.timedelta(days=3),
}


class NeedStatus(models.TextChoices):
    OPEN = "open", _("待派单")
    DISPATCHED = "dispatched", _("服务中")
    AWAITING = "awaiting", _("待企业确认")
    RESOLVED = "resolved", _("已解决")
    UNRESOLVED = "unresolved", _("未解决")
    ESCALATED = "escalated", _("已上报")


OPEN_NEED_STATUSES = (NeedStatus.OPEN, NeedStatus.DISPATCHED, NeedStatus.AWAITING)
CLOSED_NEED_STATUSES = (NeedStatus.RESOLVED, NeedStatus.UNRESOLVED, NeedStatus.ESCALATED)


class DispatchStatus(models.TextChoices):
    ACTIVE = "active", _("服务中")
    DONE = "done", _("已完成")
    WITHDRAWN = "withdrawn", _("已撤回")


class Channel(models.TextChoices):
    PORTAL = "portal", _("企业自助提交")
    CADRE = "cadre", _("工会代为登记")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("待接受")
    ACCEPTED = "accepted", _("已接受")
    DECLINED = "declined", _("已谢绝")
    WITHDRAWN = "withdrawn", _("已撤回")

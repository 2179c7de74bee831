"""Enumerations of 微心愿."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WishSource(models.TextChoices):
    SELF = "self", _("职工本人发布")
    FAMILY = "family", _("工会为困难家庭代发")


class WishCategory(models.TextChoices):
    STUDY = "study", _("学习用品")
    DAILY = "daily", _("生活用品")
    FOOD = "food", _("营养食品")
    CARE = "care", _("健康关爱")
    EXPERIENCE = "experience", _("圆梦体验")
    OTHER = "other", pgettext_lazy("wish category", "其他")


class WishStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    OPEN = "open", _("待认领")
    CLAIMED = "claimed", _("已认领")
    FULFILLED = "fulfilled", _("已送达")
    RECEIVED = "received", _("已圆梦")
    REJECTED = "rejected", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


# A worker has at most one of these self-posted wishes at a time (a database constraint).
LIVE = (WishStatus.PENDING, WishStatus.OPEN, WishStatus.CLAIMED, WishStatus.FULFILLED)
# Figures and the list's grouped filters: claimed (有人认领, 含已送达和已圆梦) and done (已送达或已圆梦).
TAKEN = (WishStatus.CLAIMED, WishStatus.FULFILLED, WishStatus.RECEIVED)
DONE = (WishStatus.FULFILLED, WishStatus.RECEIVED)


class ClaimantKind(models.TextChoices):
    MEMBER = "member", _("会员")
    CADRE = "cadre", _("工会干部")
    ENTERPRISE = "enterprise", _("爱心企业")


class ClaimStatus(models.TextChoices):
    ACTIVE = "active", _("认领中")
    FULFILLED = "fulfilled", _("已送达")
    CONFIRMED = "confirmed", _("已确认收到")
    EXPIRED = "expired", _("逾期未送达")
    RELEASED = "released", _("已放弃")


# At most one of these per wish (a database constraint): exactly one claimant, even under a rush.
LIVE_CLAIM = (ClaimStatus.ACTIVE, ClaimStatus.FULFILLED, ClaimStatus.CONFIRMED)

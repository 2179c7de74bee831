"""Enumerations of the events domain (活动)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    LECTURE = "lecture", _("讲座/大讲堂")
    MENTAL_HEALTH = "mental_health", _("心理健康讲座")
    CULTURE = "culture", _("文体活动")
    SPORTS = "sports", _("运动会")
    SPORTS_ITEM = "sports_item", _("运动会项目")
    WALK = "walk", _("健步走/线上打卡")
    SOCIAL = "social", _("交友联谊")
    FAIR = "fair", _("服务集市")
    LAW = "law", _("普法宣讲")
    TRAINING = "training", _("培训")
    COMPETITION = "competition", _("技能竞赛")
    OTHER = "other", _("其他")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    CANCELLED = "cancelled", _("已取消")


class SignUpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("报名成功")
    WAITING = "waiting", _("候补中")
    OFFERED = "offered", _("候补转正待确认")
    CANCELLED = "cancelled", _("已取消")
    LAPSED = "lapsed", _("候补名额已过期")
    WALK_IN = "walk_in", _("现场参加")


# A place is held (counted against capacity) while a sign-up is confirmed or offered.
HOLDING = (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED)
# At most one of these per person and event (a database constraint).
ACTIVE = (SignUpStatus.CONFIRMED, SignUpStatus.WAITING, SignUpStatus.OFFERED, SignUpStatus.WALK_IN)


class Direction(models.TextChoices):
    IN = "in", _("签到")
    OUT = "out", _("签退")


class ScanOutcome(models.TextChoices):
    CHECKED_IN = "checked_in", _("签到成功")
    CHECKED_OUT = "checked_out", _("签退成功")
    ALREADY = "already", _("已签到过")
    WALK_IN = "walk_in", _("现场参加，已登记")
    REFUSED = "refused", _("未通过")


class VisitorCategory(models.TextChoices):
    """Who a walk-in without a card is: the outdoor workers the stories count."""

    COURIER = "courier", _("快递员")
    DELIVERY = "delivery", _("外卖配送员")
    TRUCK_DRIVER = "truck_driver", _("货车司机")
    SANITATION = "sanitation", _("环卫工")
    OTHER = "other", _("其他")


# The 交友 profile fields a worker may choose to show to other opted-in workers.
SOCIAL_FIELDS = ("birth_year", "height_cm", "hometown", "occupation", "education", "intro")

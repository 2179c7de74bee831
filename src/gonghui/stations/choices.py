"""Choices of the stations app: hosts, visitor categories, rating levels and statuses, bookings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HostKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    PARK = "park", _("园区")
    STREET = "street", _("街道/社区")
    OTHER = "other", _("其他")


class VisitCategory(models.TextChoices):
    COURIER = "courier", _("快递员")
    DELIVERY = "delivery", _("外卖员")
    TRUCKER = "trucker", _("货车司机")
    SANITATION = "sanitation", _("环卫工")
    OTHER = "other", _("其他")
    MEMBER = "member", _("会员")


# What an anonymous visitor may pick; MEMBER is recorded only for a signed-in worker.
ANONYMOUS_CATEGORIES = [c for c in VisitCategory if c != VisitCategory.MEMBER]


class RatingLevel(models.TextChoices):
    NATIONAL = "national", _("全国")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


# Highest first: a station's best current rating is the first by this order, then by stars.
LEVEL_RANK: dict[str, int] = {
    RatingLevel.NATIONAL: 0,
    RatingLevel.PROVINCE: 1,
    RatingLevel.CITY: 2,
    RatingLevel.COUNTY: 3,
}


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("已申报")
    REVIEWED = "reviewed", _("已评审")
    RATED = "rated", _("已授予")
    REJECTED = "rejected", _("未通过")


OPEN_APPLICATION_STATUSES = [ApplicationStatus.SUBMITTED, ApplicationStatus.REVIEWED]


class BookableBy(models.TextChoices):
    MEMBERS = "members", _("会员")
    UNIONS = "unions", _("工会组织")
    BOTH = "both", _("会员和工会组织")


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("待审批")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("未批准")
    CANCELLED = "cancelled", _("已取消")


# A booking holds its slots (BookingSlot rows) only in these statuses.
HOLDING_STATUSES = [BookingStatus.PENDING, BookingStatus.APPROVED]

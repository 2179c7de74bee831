"""Enumerations of 会员普惠: member cards, 特惠商户, redemptions and vouchers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CardKind(models.TextChoices):
    SERVICE = "service", _("会员服务卡")
    TOUR = "tour", _("旅游年卡")
    COBRAND = "cobrand", _("联名银行卡")


class Validity(models.TextChoices):
    CALENDAR_YEAR = "year", _("自然年度")
    MONTHS = "months", _("自发卡起若干个月")


class CardStatus(models.TextChoices):
    APPLIED = "applied", _("申请中")
    ACTIVE = "active", _("有效")
    LOST = "lost", _("挂失")
    CANCELLED = "cancelled", _("注销")
    EXPIRED = "expired", _("过期")
    REJECTED = "rejected", _("未通过")


# At most one of these per person and product (a database constraint).
LIVE = (CardStatus.APPLIED, CardStatus.ACTIVE, CardStatus.LOST)


class MerchantCategory(models.TextChoices):
    FOOD = "food", _("吃")
    CLOTHING = "clothing", _("穿")
    LODGING = "lodging", _("住")
    TRAVEL = "travel", _("行")
    TOURISM = "tourism", _("游")
    SHOPPING = "shopping", _("购")
    MEDICAL = "medical", _("医")
    EDUCATION = "education", _("教")
    OTHER = "other", _("其他")


class MerchantStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("合作中")
    SUSPENDED = "suspended", _("已暂停")
    REFUSED = "refused", _("未通过")


class VoucherKind(models.TextChoices):
    CONSUME = "consume", _("消费券")
    COOL = "cool", _("清凉券")
    WARM = "warm", _("暖心券")


class VoucherAudience(models.TextChoices):
    ALL = "all", _("全体在册会员")
    OUTDOOR = "outdoor", _("户外劳动者（货车司机、快递员、外卖配送员、网约车司机）")


class VoucherPeriod(models.TextChoices):
    DAY = "day", _("每天")
    WEEK = "week", _("每周")
    MONTH = "month", _("每月")
    ONCE = "once", _("活动期内")


class VoucherStatus(models.TextChoices):
    ISSUED = "issued", _("可使用")
    REDEEMED = "redeemed", _("已使用")
    EXPIRED = "expired", _("已过期")

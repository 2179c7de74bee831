"""Choices of 预约服务."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ServiceKind(models.TextChoices):
    COUNSELLING = "counselling", _("心理咨询")
    LEGAL = "legal", _("法律咨询")
    CAREER = "career", _("职业指导")
    OTHER = "other", pgettext_lazy("appointment kind", "其他咨询")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("当面咨询")
    ONLINE = "online", _("线上")


class ProviderMode(models.TextChoices):
    IN_PERSON = "in_person", _("仅到场")
    ONLINE = "online", _("仅线上")
    BOTH = "both", _("到场或线上")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", pgettext_lazy("appointment status", "已预约")
    DONE = "done", pgettext_lazy("appointment status", "已完成")
    NO_SHOW = "no_show", _("未到场")
    CANCELLED = "cancelled", pgettext_lazy("appointment status", "已取消")


# An appointment in one of these holds its slot: the database refuses a second one at the same start.
LIVE = (AppointmentStatus.BOOKED, AppointmentStatus.DONE, AppointmentStatus.NO_SHOW)

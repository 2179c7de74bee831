"""预约服务: providers (counsellors, lawyers, union legal advisers) with their weekly availability, exceptions
and the unions' holidays; the one-to-one appointments workers book; the providers' sealed session notes;
risk flags; and each union's setting of who is alerted.

A slot is held by the appointment itself: a partial unique index on (provider, starts_at) over the live
statuses (booked, done, no-show) refuses a second booking of the same slot in the database, on PostgreSQL
and SQLite alike (docs/adr/0016-appointments.md).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.appointments.choices import LIVE, AppointmentStatus, Mode, ProviderMode, ServiceKind
from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.stations.models import Station


class Provider(models.Model):
    """A counsellor, lawyer or legal adviser a union registered; signs in on the phone with a code."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    station = models.ForeignKey(
        Station, verbose_name=_("服务阵地"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("服务类型"), max_length=12, choices=ServiceKind.choices)
    name = models.CharField(_("姓名"), max_length=50)
    title = models.CharField(_("资质或单位"), max_length=100, blank=True)
    mobile = PIIField(_("手机号码"), kind=PIIKind.MOBILE)
    mobile_hmac = BlindIndexField(source="mobile", purpose="mobile")
    # The provider's own account (kind PROVIDER), linked on their first sign-in.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode = models.CharField(_("服务方式"), max_length=10, choices=ProviderMode.choices, default=ProviderMode.IN_PERSON)
    place = models.CharField(_("地点或线上方式"), max_length=200, blank=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("每次时长（分钟）"), default=50, validators=[MinValueValidator(15), MaxValueValidator(240)]
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("间隔（分钟）"), default=10, validators=[MaxValueValidator(120)]
    )
    notice_hours = models.PositiveSmallIntegerField(
        _("最少提前（小时）"), default=12, validators=[MaxValueValidator(720)]
    )
    cancel_hours = models.PositiveSmallIntegerField(
        _("取消或改约最晚提前（小时）"), default=24, validators=[MaxValueValidator(720)]
    )
    ahead_days = models.PositiveSmallIntegerField(
        _("可预约天数"), default=30, validators=[MinValueValidator(1), MaxValueValidator(180)]
    )
    is_active = models.BooleanField(_("接受预约"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("服务人员")
        verbose_name_plural = _("服务人员")
        ordering = ["org", "kind", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org", "mobile_hmac"], name="appointments_provider_once_per_union"),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=15, slot_minutes__lte=240), name="appointments_provider_slot"
            ),
        ]
        indexes = [
            models.Index(fields=["mobile_hmac"], name="appointments_provider_mobile"),
            models.Index(fields=["user"], name="appointments_provider_user"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"


class WeeklyRule(models.Model):
    """A weekday's span of availability, in minutes from midnight; slots of (length + buffer) fit inside."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="rules")
    weekday = models.PositiveSmallIntegerField(_("星期"), validators=[MaxValueValidator(6)])  # 0 = Monday
    opens = models.PositiveSmallIntegerField(_("开始"))
    closes = models.PositiveSmallIntegerField(_("结束"))

    class Meta:
        verbose_name = _("每周可预约时间")
        verbose_name_plural = _("每周可预约时间")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__lte=6, closes__gt=F("opens"), closes__lte=24 * 60),
                name="appointments_rule_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens}-{self.closes}"


class ProviderException(models.Model):
    """A date that departs from the weekly rule: closed (leave), or open in one span of its own."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("日期"))
    closed = models.BooleanField(_("当天不接受预约"), default=True)
    opens = models.PositiveSmallIntegerField(_("开始"), null=True, blank=True)
    closes = models.PositiveSmallIntegerField(_("结束"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("例外日期")
        verbose_name_plural = _("例外日期")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "date"], name="appointments_exception_once"),
            models.CheckConstraint(
                condition=Q(closed=True) | Q(opens__isnull=False, closes__gt=F("opens"), closes__lte=24 * 60),
                name="appointments_exception_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider_id} {self.date}"


class Holiday(models.Model):
    """A day a union closes appointments for every provider of its subtree (法定节假日, 单位放假)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("日期"))
    name = models.CharField(_("名称"), max_length=50)

    class Meta:
        verbose_name = _("节假日")
        verbose_name_plural = _("节假日")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["org", "date"], name="appointments_holiday_once")]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class Appointment(models.Model):
    """One session of a worker with a provider. Cadres see only counts of these (no notes, no names)."""

    provider = models.ForeignKey(
        Provider, verbose_name=_("服务人员"), on_delete=models.PROTECT, related_name="appointments"
    )
    person = models.ForeignKey(Person, verbose_name=_("预约人"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("服务类型"), max_length=12, choices=ServiceKind.choices)
    mode = models.CharField(_("方式"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    status = models.CharField(
        _("状态"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_desk = models.BooleanField(_("工会代约"), default=False)
    rescheduled_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("改约自")
    )
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    cancel_reason = models.CharField(_("取消原因"), max_length=100, blank=True)
    marked_at = models.DateTimeField(_("登记时间"), null=True, blank=True)
    # The reminder's sent marker: set once, so `manage.py appointments_remind` may run as often as cron likes.
    reminded_at = models.DateTimeField(_("提醒时间"), null=True, blank=True)
    # A legal consultation may turn into a legal-aid case of the future rights app (维权). That app does not
    # exist yet, so this is the case's id, not a foreign key; rights will turn it into one by a migration.
    legal_aid_case_id = models.PositiveBigIntegerField(_("法律援助案件"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("预约")
        verbose_name_plural = _("预约")
        ordering = ["starts_at", "id"]
        constraints = [
            # The slot guard: a provider's slot is held by at most one live appointment.
            models.UniqueConstraint(
                fields=["provider", "starts_at"], condition=Q(status__in=LIVE), name="appointments_slot_once"
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="appointments_order"),
        ]
        indexes = [
            models.Index(fields=["provider", "starts_at"], name="appointments_provider_start"),
            models.Index(fields=["person", "starts_at"], name="appointments_person_start"),
            models.Index(fields=["status", "starts_at"], name="appointments_status_start"),
        ]

    def __str__(self) -> str:
        return f"{self.provider_id} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def change_deadline(self) -> dt.datetime:
        """The last moment the worker may cancel or reschedule online (the provider's cancel_hours before)."""
        return self.starts_at - dt.timedelta(hours=self.provider.cancel_hours)

    @property
    def place(self) -> str:
        """Where to go, for an appointment in person; an online one has no room (an online-only provider's
        place says how they meet online)."""
        provider = self.provider
        if self.mode == Mode.ONLINE and provider.mode != ProviderMode.ONLINE:
            return ""
        return provider.place or (provider.station.name if provider.station is not None else "")


class SessionNote(models.Model):
    """The provider's note of a session, sealed (AES-GCM, bound to its appointment); read-audited.

    Only the provider of the appointment reads it: no cadre page, export or API answer ever holds it.
    """

    appointment = models.OneToOneField(Appointment, on_delete=models.CASCADE, related_name="note")
    sealed = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("咨询记录")
        verbose_name_plural = _("咨询记录")

    def __str__(self) -> str:
        return f"note {self.appointment_id}"  # never the text


class RiskFlag(models.Model):
    """A counsellor's alert that a worker needs the union's attention; it carries no clinical detail."""

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="risk_flags")
    org = models.ForeignKey(OrgNode, on_delete=models.PROTECT, related_name="+")  # the provider's union
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(_("提出时间"), auto_now_add=True)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("联系人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alerted_at = models.DateTimeField(_("短信提醒时间"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("风险提示")
        verbose_name_plural = _("风险提示")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment"], condition=Q(acknowledged_at__isnull=True), name="appointments_flag_open_once"
            ),
        ]

    def __str__(self) -> str:
        return f"flag {self.appointment_id}"


class UnionSetting(models.Model):
    """A union's appointment settings: the cadre alerted of risk flags raised under it (the nearest union up
    the tree with a contact is used), and an optional number the alert is texted to."""

    org = models.OneToOneField(OrgNode, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+")
    risk_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("风险提示联系人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alert_mobile = PIIField(_("提醒短信号码"), kind=PIIKind.MOBILE)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("预约服务设置")
        verbose_name_plural = _("预约服务设置")

    def __str__(self) -> str:
        return str(self.org_id)

"""服务阵地: stations on the map (职工之家, 户外劳动者服务站, 康乃馨服务站, 母婴关爱室 …), their hours, star
ratings with their history, visits recorded by scanning the station's QR poster, and room bookings.

Coordinates are stored as WGS-84 (what a phone's GPS gives); map tiles that use GCJ-02 get shifted values
(stations.geo). A station's current rating is never stored: it is read from the rating history for a date.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.common.uploads import GeneratedPath
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import Enterprise, OrgNode, Region
from gonghui.stations.choices import (
    ApplicationStatus,
    BookableBy,
    BookingStatus,
    HostKind,
    RatingLevel,
    VisitCategory,
)

DAY = 24 * 60  # minutes


def new_poster_token() -> str:
    """The unguessable part of a station's visit URL (its QR poster): 128 random bits."""
    return secrets.token_urlsafe(16)


class CatalogEntry(models.Model):
    """A configurable table row (kinds, facilities, services): edited in the Django admin, seeded by migration."""

    code = models.SlugField(_("编码"), max_length=32, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class StationKind(CatalogEntry):
    class Meta(CatalogEntry.Meta):
        verbose_name = _("阵地类型")
        verbose_name_plural = _("阵地类型")


class Facility(CatalogEntry):
    class Meta(CatalogEntry.Meta):
        verbose_name = _("设施")
        verbose_name_plural = _("设施")


class StationService(CatalogEntry):
    class Meta(CatalogEntry.Meta):
        verbose_name = _("服务项目")
        verbose_name_plural = _("服务项目")


class Station(models.Model):
    """A service station owned by a union (its scope), hosted by an enterprise, a park or a street."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    kind = models.ForeignKey(StationKind, verbose_name=_("阵地类型"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("阵地名称"), max_length=100)
    host_kind = models.CharField(_("依托单位类型"), max_length=16, choices=HostKind.choices, default=HostKind.OTHER)
    host_name = models.CharField(_("依托单位"), max_length=100, blank=True)
    host_enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("依托企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("地址"), max_length=200)
    region = models.ForeignKey(
        Region, verbose_name=_("所在区县"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # WGS-84, 6 decimals (about 0.1 m).
    lat = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6)
    lng = models.DecimalField(_("经度"), max_digits=9, decimal_places=6)
    is_24h = models.BooleanField(_("24小时开放"), default=False)
    facilities = models.ManyToManyField(Facility, verbose_name=_("设施"), blank=True, related_name="+")
    services = models.ManyToManyField(StationService, verbose_name=_("服务项目"), blank=True, related_name="+")
    contact_phone = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    contact_phone_hmac = BlindIndexField(source="contact_phone", purpose="mobile")
    description = models.TextField(_("简介"), max_length=2000, blank=True)
    is_active = models.BooleanField(_("运营中"), default=True)
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)
    closed_reason = models.CharField(_("关闭原因"), max_length=200, blank=True)
    poster_token = models.CharField(max_length=32, unique=True, default=new_poster_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("服务阵地")
        verbose_name_plural = _("服务阵地")
        ordering = ["org", "name", "id"]
        indexes = [
            # The bounding box of "near me": a range on lat, then lng within the index.
            models.Index(fields=["lat", "lng"], name="stations_latlng"),
            models.Index(fields=["org", "is_active"], name="stations_org_active"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(lat__gte=-90, lat__lte=90), name="stations_lat_range"),
            models.CheckConstraint(condition=Q(lng__gte=-180, lng__lte=180), name="stations_lng_range"),
            models.CheckConstraint(
                condition=Q(is_active=True) | Q(closed_at__isnull=False), name="stations_closed_has_time"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class StationPhoto(models.Model):
    """A checked image (stations.services.station_photo_add), stored under a generated name."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=GeneratedPath("stations"), max_length=200)
    content_type = models.CharField(max_length=32)
    caption = models.CharField(_("说明"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("阵地照片")
        verbose_name_plural = _("阵地照片")
        ordering = ["station", "id"]

    def __str__(self) -> str:
        return self.caption or str(self.pk)


class OpeningHours(models.Model):
    """One span of a weekday's regular hours, in minutes from midnight. An overnight span ("22:00-次日06:00")
    closes after 1440: it carries into the next day."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("星期"), validators=[MaxValueValidator(6)])  # 0 = Monday
    opens = models.PositiveSmallIntegerField(_("开始"), validators=[MaxValueValidator(DAY - 1)])
    closes = models.PositiveSmallIntegerField(_("结束"), validators=[MaxValueValidator(2 * DAY)])

    class Meta:
        verbose_name = _("开放时间")
        verbose_name_plural = _("开放时间")
        ordering = ["station", "weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "opens", "closes"], name="stations_hours_open")]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="stations_hours_weekday"),
            models.CheckConstraint(
                condition=Q(opens__lt=DAY, closes__gt=F("opens"), closes__lte=2 * DAY), name="stations_hours_span"
            ),
            models.UniqueConstraint(fields=["station", "weekday", "opens"], name="stations_hours_once"),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens}-{self.closes}"


class SpecialDay(models.Model):
    """A date whose hours differ from the week's (holidays): closed, or open for its own span."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="special_days")
    date = models.DateField(_("日期"))
    closed = models.BooleanField(_("闭馆"), default=True)
    opens = models.PositiveSmallIntegerField(_("开始"), null=True, blank=True)
    closes = models.PositiveSmallIntegerField(_("结束"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("特殊日期")
        verbose_name_plural = _("特殊日期")
        ordering = ["station", "date"]
        constraints = [
            models.UniqueConstraint(fields=["station", "date"], name="stations_special_day_once"),
            models.CheckConstraint(
                condition=Q(closed=True, opens__isnull=True, closes__isnull=True)
                | Q(closed=False, opens__lt=DAY, closes__gt=F("opens"), closes__lte=2 * DAY),
                name="stations_special_day_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.note}"

    @property
    def hours_text(self) -> str:
        from gonghui.stations.hours import Span, format_day

        spans = [] if self.closed or self.opens is None or self.closes is None else [Span(self.opens, self.closes)]
        return format_day(spans)


class RatingTitle(models.Model):
    """A title a rating union grants (全国最美工会户外劳动者服务站点, 省级示范点, 省级二星 母婴关爱室 …) with the
    criteria sheet its applications are scored on: [{"item": "服务设施", "max": 30}, …]."""

    org = models.ForeignKey(OrgNode, verbose_name=_("评定工会"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("级别"), max_length=16, choices=RatingLevel.choices)
    name = models.CharField(_("称号"), max_length=100)
    stars = models.PositiveSmallIntegerField(_("星级"), default=0, validators=[MaxValueValidator(5)])
    kind = models.ForeignKey(
        StationKind, verbose_name=_("适用阵地类型"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    criteria = models.JSONField(_("评分细则"), default=list)
    pass_points = models.PositiveSmallIntegerField(_("达标分"), default=0)
    # An awarding body off the platform (中华全国总工会, 省总工会) whose decision `org` records; blank: `org` itself.
    issuer = models.CharField(_("授予机构"), max_length=100, blank=True)
    valid_months = models.PositiveSmallIntegerField(
        _("有效期（月）"), default=36, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评定称号")
        verbose_name_plural = _("评定称号")
        ordering = ["org", "level", "-stars", "name"]
        constraints = [
            models.UniqueConstraint(fields=["org", "name"], name="stations_title_once_per_union"),
            models.CheckConstraint(condition=Q(stars__lte=5), name="stations_title_stars"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def max_points(self) -> int:
        return sum(int(c.get("max", 0)) for c in self.criteria)


class RatingApplication(models.Model):
    """A station's union applies for a title with its self-assessment; the title's union reviews and rates."""

    station = models.ForeignKey(Station, verbose_name=_("阵地"), on_delete=models.PROTECT, related_name="applications")
    title = models.ForeignKey(RatingTitle, verbose_name=_("申报称号"), on_delete=models.PROTECT, related_name="+")
    self_scores = models.JSONField(_("自评得分"), default=dict)  # {criterion item: points}
    self_note = models.TextField(_("自评说明"), max_length=2000, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    review_scores = models.JSONField(_("评审得分"), default=dict)
    review_note = models.TextField(_("评审意见"), max_length=2000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(pgettext_lazy("rating", "申报时间"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("评审时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    decision_note = models.CharField(_("决定说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("评定申报")
        verbose_name_plural = _("评定申报")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "title"],
                condition=Q(status__in=["submitted", "reviewed"]),
                name="stations_one_open_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.station} · {self.title}"

    @property
    def self_total(self) -> int:
        return sum(int(v) for v in self.self_scores.values())

    @property
    def review_total(self) -> int:
        return sum(int(v) for v in self.review_scores.values())


class Rating(models.Model):
    """One grant of a title to a station, valid for a period, possibly revoked: the rating history."""

    station = models.ForeignKey(Station, verbose_name=_("阵地"), on_delete=models.PROTECT, related_name="ratings")
    title = models.ForeignKey(RatingTitle, verbose_name=_("称号"), on_delete=models.PROTECT, related_name="+")
    application = models.OneToOneField(
        RatingApplication, null=True, blank=True, on_delete=models.PROTECT, related_name="rating"
    )
    valid_from = models.DateField(_("有效期起"))
    valid_until = models.DateField(_("有效期至"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("授予时间"), auto_now_add=True)
    revoked_on = models.DateField(_("撤销日期"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(pgettext_lazy("rating", "撤销原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("评定结果")
        verbose_name_plural = _("评定结果")
        ordering = ["station", "-valid_from", "-id"]
        indexes = [models.Index(fields=["station", "valid_from", "valid_until"], name="stations_rating_period")]
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__gte=F("valid_from")), name="stations_rating_period_order"),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(reason=""), name="stations_rating_revoked_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.station} · {self.title}"


class StationVisit(models.Model):
    """A scan of a station's QR poster. `visitor_key` is a keyed hash of a random visitor cookie (or of the
    member), never personal data; `bucket` is the visit window (minutes since the epoch // window length):
    the unique constraint counts repeated scans within one window once, even when two taps race."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("到访时间"))
    category = models.CharField(_("类别"), max_length=16, choices=VisitCategory.choices)
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    visitor_key = models.CharField(max_length=64)
    bucket = models.BigIntegerField()

    class Meta:
        verbose_name = _("到访记录")
        verbose_name_plural = _("到访记录")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["station", "at"], name="stations_visit_at"),
            models.Index(fields=["station", "visitor_key", "at"], name="stations_visit_key"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["station", "visitor_key", "bucket"], name="stations_visit_once_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.station_id} {self.at:%Y-%m-%d %H:%M}"


class Room(models.Model):
    """A bookable room of a station (活动室, 会议室, 心理咨询室), in slots of `slot_minutes`."""

    station = models.ForeignKey(Station, verbose_name=_("阵地"), on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("房间名称"), max_length=50)
    capacity = models.PositiveSmallIntegerField(_("容纳人数"), default=20, validators=[MinValueValidator(1)])
    slot_minutes = models.PositiveSmallIntegerField(
        _("时段长度（分钟）"), default=60, validators=[MinValueValidator(15), MaxValueValidator(240)]
    )
    bookable_by = models.CharField(_("可预约对象"), max_length=16, choices=BookableBy.choices, default=BookableBy.BOTH)
    is_active = models.BooleanField(_("可预约"), default=True)

    class Meta:
        verbose_name = _("活动室")
        verbose_name_plural = _("活动室")
        ordering = ["station", "name"]
        constraints = [
            models.UniqueConstraint(fields=["station", "name"], name="stations_room_name_once"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=15, slot_minutes__lte=240), name="stations_room_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.station} · {self.name}"


class Booking(models.Model):
    """A booking of consecutive slots of a room by a member (their Person) or by a union."""

    room = models.ForeignKey(Room, verbose_name=_("房间"), on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey(
        Person, verbose_name=_("预约会员"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    booker_org = models.ForeignKey(
        OrgNode, verbose_name=_("预约工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    purpose = models.CharField(_("用途"), max_length=200)
    attendees = models.PositiveSmallIntegerField(_("人数"), default=1)
    status = models.CharField(_("状态"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decision_note = models.CharField(_("审批意见"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("阵地预约")
        verbose_name_plural = _("阵地预约")
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["room", "status", "starts_at"], name="stations_booking_room"),
            models.Index(fields=["person", "starts_at"], name="stations_booking_person"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="stations_booking_order"),
            models.CheckConstraint(
                condition=Q(person__isnull=False, booker_org__isnull=True)
                | Q(person__isnull=True, booker_org__isnull=False),
                name="stations_booking_one_booker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"


class BookingSlot(models.Model):
    """One slot a pending or approved booking holds; the unique constraint makes a double booking impossible.
    Rows are deleted when their booking is rejected or cancelled, freeing the slot."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="slots")
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+", db_index=False)
    slot_start = models.DateTimeField()

    class Meta:
        verbose_name = _("预约时段")
        verbose_name_plural = _("预约时段")
        constraints = [models.UniqueConstraint(fields=["room", "slot_start"], name="stations_slot_once")]

    def __str__(self) -> str:
        return f"{self.room_id} {self.slot_start:%Y-%m-%d %H:%M}"

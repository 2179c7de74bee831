"""Events (活动): the event, its sign-ups and teams, check-in scans, materials, and 交友 profiles.

Capacity is held by a counter on the event (`held`, confirmed plus offered places) that only a conditional
UPDATE moves, under a CHECK constraint `held <= capacity`: a rush can never oversell, on SQLite or PostgreSQL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.uploads import GeneratedPath
from gonghui.events.choices import ACTIVE, Direction, EventKind, EventStatus, ScanOutcome, SignUpStatus, VisitorCategory
from gonghui.members.choices import EmploymentForm
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode


class Event(models.Model):
    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="events")
    parent = models.ForeignKey(
        "self",
        verbose_name=pgettext_lazy("event", "所属活动"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=EventKind.choices)
    title = models.CharField(pgettext_lazy("event", "活动名称"), max_length=100)
    description = models.TextField(_("活动介绍"), blank=True)
    cover = models.FileField(_("封面图"), upload_to=GeneratedPath("events/covers"), blank=True)  # checked by services
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    station = models.ForeignKey(
        "stations.Station",
        verbose_name=_("活动阵地"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("活动地点"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(pgettext_lazy("event places", "名额"))
    held = models.PositiveIntegerField(_("已占名额"), default=0)
    # Who may sign up: members of this union's subtree (the organiser's when empty), and optionally only one
    # employment form, only women workers, or only workers who opted in to 交友 (implied for a 交友 event).
    audience_org = models.ForeignKey(
        OrgNode, verbose_name=_("面向工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    members_only = models.BooleanField(_("仅限会员"), default=True)
    employment_form = models.CharField(_("限定对象"), max_length=16, choices=EmploymentForm.choices, blank=True)
    women_only = models.BooleanField(_("仅限女职工"), default=False)
    signup_opens_at = models.DateTimeField(_("报名开始"), null=True, blank=True)
    signup_closes_at = models.DateTimeField(_("报名截止"), null=True, blank=True)
    fee = models.DecimalField(_("费用（元）"), max_digits=8, decimal_places=2, default=0)
    team_size_min = models.PositiveSmallIntegerField(_("每队最少人数"), default=0)  # 0: individual sign-up
    team_size_max = models.PositiveSmallIntegerField(_("每队最多人数"), default=0)
    teams_per_union = models.PositiveSmallIntegerField(_("每个工会限报队数"), default=1)
    walk_ins = models.BooleanField(_("允许现场参加"), default=True)
    check_out = models.BooleanField(_("需要签退"), default=False)
    status = models.CharField(_("状态"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    summary = models.TextField(_("活动小结"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("event", "活动")
        verbose_name_plural = pgettext_lazy("event", "活动")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(held__lte=F("capacity")), name="events_event_held_within_capacity"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="events_event_ends_after_start"),
        ]
        indexes = [models.Index(fields=["org", "starts_at"]), models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_team_event(self) -> bool:
        return self.team_size_max > 0

    @property
    def is_social(self) -> bool:
        return self.kind == EventKind.SOCIAL

    @property
    def place(self) -> str:
        return self.station.name if self.station is not None else self.address


class Team(models.Model):
    """A grassroots union's team (e.g. one of 25 unions' badminton teams); `seq` enforces the per-union quota."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="teams")
    org = models.ForeignKey(OrgNode, verbose_name=_("参赛工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("队名"), max_length=50)
    seq = models.PositiveSmallIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("参赛队")
        verbose_name_plural = _("参赛队")
        constraints = [
            models.UniqueConstraint(fields=["event", "org", "seq"], name="events_team_one_seq_per_union"),
            models.UniqueConstraint(fields=["event", "name"], name="events_team_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class SignUp(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="event_signups")
    membership = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The union the person belonged to when signing up: attendance per union rolls up from here.
    org = models.ForeignKey(OrgNode, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(
        pgettext_lazy("worker category", "对象"), max_length=16, choices=EmploymentForm.choices, blank=True
    )
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    status = models.CharField(_("状态"), max_length=12, choices=SignUpStatus.choices)
    offer_expires_at = models.DateTimeField(_("确认截止"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("签退时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("报名")
        verbose_name_plural = _("报名")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"], condition=Q(status__in=ACTIVE), name="events_signup_one_active_per_person"
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "id"]),
            models.Index(fields=["person", "-id"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.person_id}"

    @property
    def holds_place(self) -> bool:
        return self.status in (SignUpStatus.CONFIRMED, SignUpStatus.OFFERED)


class Scan(models.Model):
    """One scan at the door, kept once per scanner's nonce: a retried or re-synced upload never counts twice.

    Nonces are the scanner's own (an app may count from 1), so they are unique per event and scanner; the
    token's digest lets a replay be told from a different scan that reused a nonce."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="scans")
    signup = models.ForeignKey(SignUp, null=True, blank=True, on_delete=models.CASCADE, related_name="scans")
    nonce = models.CharField(max_length=64)
    token_digest = models.CharField(max_length=20, blank=True)
    direction = models.CharField(_("方向"), max_length=4, choices=Direction.choices, default=Direction.IN)
    outcome = models.CharField(_("结果"), max_length=12, choices=ScanOutcome.choices)
    reason = models.CharField(_("原因"), max_length=100, blank=True)
    category = models.CharField(_("现场人员类别"), max_length=16, choices=VisitorCategory.choices, blank=True)
    scanned_at = models.DateTimeField(_("扫码时间"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    scanner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("扫码记录")
        verbose_name_plural = _("扫码记录")
        indexes = [models.Index(fields=["event", "outcome"])]
        constraints = [
            models.UniqueConstraint(fields=["event", "scanner", "nonce"], name="events_scan_once_per_nonce"),
        ]

    def __str__(self) -> str:
        return self.nonce


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("照片"), upload_to=GeneratedPath("events/photos"))  # checked by services
    caption = models.CharField(_("说明"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("活动照片")
        verbose_name_plural = _("活动照片")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption or str(self.pk)


class SocialProfile(models.Model):
    """A worker's 交友 card: only other opted-in workers of the same 交友 event see it, and only `shown`."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="social_profile")
    opted_in = models.BooleanField(_("参加交友联谊"), default=False)
    nickname = models.CharField(_("昵称"), max_length=20)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    height_cm = models.PositiveSmallIntegerField(_("身高（厘米）"), null=True, blank=True)
    hometown = models.CharField(_("家乡"), max_length=30, blank=True)
    occupation = models.CharField(_("职业"), max_length=30, blank=True)
    education = models.CharField(_("学历"), max_length=20, blank=True)
    intro = models.CharField(_("自我介绍"), max_length=200, blank=True)
    shown = models.JSONField(_("公开项"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("交友资料")
        verbose_name_plural = _("交友资料")

    def __str__(self) -> str:
        return self.nickname

"""职工培训: training bases and enterprise teaching points, courses, classes (培训班) with their sessions (课次),
enrolments and completions.

A session is an `events.Event` of kind `training` (ADR 0017): its sign-ups are the enrolled trainees, its door
is the events check-in, and its `held` counter under `CHECK (held <= capacity)` is what keeps a class from
taking more trainees than it has places. This app adds what events do not know: the course and its trade,
the base, each session's hours and teacher, the completion rule and the completion certificates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.events.models import Event
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.skills.certification.models import Certificate, Occupation
from gonghui.skills.training.choices import DEFAULT_COMPLETION_PERCENT, BaseKind, ClassStatus, EnrolmentStatus
from gonghui.stations.models import Station


class TrainingBase(models.Model):
    """A training base (技能提升培训基地) or an enterprise teaching point (企业培训教学点): a union's station or an
    enterprise, registered by the union that owns it."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类型"), max_length=8, choices=BaseKind.choices)
    name = models.CharField(_("名称"), max_length=100)
    station = models.ForeignKey(
        Station, verbose_name=_("服务阵地"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("依托企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("地址"), max_length=200)
    is_active = models.BooleanField(_("启用"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("培训基地")
        verbose_name_plural = _("培训基地")
        ordering = ["org", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["org", "name"], name="training_base_unique_name"),
            # A base is a station or an enterprise, never both and never neither.
            models.CheckConstraint(
                condition=Q(station__isnull=False, enterprise__isnull=True)
                | Q(station__isnull=True, enterprise__isnull=False),
                name="training_base_station_or_enterprise",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Course(models.Model):
    """A course (课程) a union offers, e.g. 电工技能提升 (trade 电工, 40 hours)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("课程名称"), max_length=100)
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hours = models.DecimalField(_("课程学时"), max_digits=5, decimal_places=1)
    outline = models.TextField(_("课程大纲"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("课程")
        verbose_name_plural = _("课程")
        ordering = ["org", "title"]
        constraints = [
            models.UniqueConstraint(fields=["org", "title"], name="training_course_unique_title"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_course_hours_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class TrainingClass(models.Model):
    """A class (培训班): a course run by a union at a base in a period, for an audience, with places."""

    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, verbose_name=_("课程"), on_delete=models.PROTECT, related_name="classes")
    base = models.ForeignKey(TrainingBase, verbose_name=_("培训基地"), on_delete=models.PROTECT, related_name="classes")
    title = models.CharField(_("培训班名称"), max_length=80)
    description = models.TextField(_("培训班介绍"), blank=True)
    starts_on = models.DateField(_("开班日期"))
    ends_on = models.DateField(_("结业日期"))
    capacity = models.PositiveIntegerField(_("招收人数"))
    audience_org = models.ForeignKey(
        OrgNode, verbose_name=_("面向工会"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    members_only = models.BooleanField(_("仅限会员"), default=True)
    completion_percent = models.PositiveSmallIntegerField(_("结业要求（学时%）"), default=DEFAULT_COMPLETION_PERCENT)
    status = models.CharField(_("状态"), max_length=12, choices=ClassStatus.choices, default=ClassStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("培训班")
        verbose_name_plural = _("培训班")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="training_class_period"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_class_capacity"),
            models.CheckConstraint(
                condition=Q(completion_percent__gte=1, completion_percent__lte=100), name="training_class_completion"
            ),
        ]
        indexes = [models.Index(fields=["org", "starts_on"]), models.Index(fields=["status", "ends_on"])]

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """A session (课次) of a class: its event holds the time, the place, the sign-ups and the door."""

    klass = models.ForeignKey(
        TrainingClass, verbose_name=_("培训班"), on_delete=models.CASCADE, related_name="sessions"
    )
    event = models.OneToOneField(Event, on_delete=models.PROTECT, related_name="training_session")
    topic = models.CharField(_("授课内容"), max_length=100)
    hours = models.DecimalField(_("学时"), max_digits=4, decimal_places=1)
    teacher = models.CharField(_("授课老师"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("课次")
        verbose_name_plural = _("课次")
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0), name="training_session_hours_positive")]

    def __str__(self) -> str:
        return self.topic


class Enrolment(models.Model):
    """A trainee enrolled in a class: signed up (events) for each of its sessions still to come."""

    klass = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(Person, verbose_name=_("学员"), on_delete=models.PROTECT, related_name="+")
    membership = models.ForeignKey(Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The trainee's union at enrolment (None for a non-member, e.g. a tea farmer in an open class).
    org = models.ForeignKey(OrgNode, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE)
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("退出时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("学员报名")
        verbose_name_plural = _("学员报名")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["klass", "person"],
                condition=Q(status=EnrolmentStatus.ACTIVE),
                name="training_enrolment_once_per_class",
            ),
        ]
        indexes = [models.Index(fields=["person", "-id"])]

    def __str__(self) -> str:
        return f"{self.klass_id}:{self.person_id}"


class Completion(models.Model):
    """A trainee completed a class (met its hours rule) and holds its completion certificate: once per class."""

    klass = models.ForeignKey(TrainingClass, on_delete=models.PROTECT, related_name="completions")
    person = models.ForeignKey(Person, verbose_name=_("学员"), on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField(_("参训学时"), max_digits=6, decimal_places=1)
    certificate = models.OneToOneField(Certificate, on_delete=models.PROTECT, related_name="+")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("结业时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("结业")
        verbose_name_plural = _("结业")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["klass", "person"], name="training_completion_once")]
        indexes = [models.Index(fields=["person", "-id"])]

    def __str__(self) -> str:
        return f"{self.klass_id}:{self.person_id}"

"""劳模工匠助企行: the expert pool, enterprises' needs ("点菜"), dispatches ("点将") and service records."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.masking import PIIKind
from gonghui.common.money import money
from gonghui.common.pii_fields import PIIField
from gonghui.experts.choices import (
    Channel,
    DispatchStatus,
    ExpertKind,
    InvitationStatus,
    NeedCategory,
    NeedStatus,
    Urgency,
)
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, Industry, OrgNode, Region


class Expert(models.Model):
    """A model worker or craftsman (a member) in a federation's pool, with what they know and how busy they are."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属专家库"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("专家"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类型"), max_length=16, choices=ExpertKind.choices)
    honor = models.CharField(_("荣誉称号"), max_length=100, blank=True)
    employer = models.ForeignKey(
        Enterprise, verbose_name=_("工作单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    specialties = models.JSONField(_("专长"), default=list)  # short tags: ["电气自动化", "PLC", "流量计"]
    bio = models.TextField(_("简介"), max_length=1000, blank=True)
    # Character bigrams of the specialties and the bio, space-separated, kept by the pool services: ranking a
    # pool of thousands then costs a split and a set intersection per expert, not text processing.
    grams = models.TextField(default="", editable=False)
    tag_text = models.TextField(default="", editable=False)  # the specialties one per line: no JSON to decode
    industry = models.CharField(_("擅长行业"), max_length=1, choices=Industry.choices, blank=True)
    region = models.ForeignKey(Region, verbose_name=_("所在地区"), on_delete=models.PROTECT, related_name="+")
    available = models.BooleanField(_("可接受派单"), default=True)
    max_load = models.PositiveSmallIntegerField(_("同时服务上限"), default=3, validators=[MinValueValidator(1)])
    active_load = models.PositiveSmallIntegerField(_("当前服务数"), default=0)  # kept by dispatch services
    is_front_line = models.BooleanField(_("一线职工"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("助企专家")
        verbose_name_plural = _("助企专家")
        ordering = ["org", "id"]
        constraints = [models.UniqueConstraint(fields=["org", "person"], name="experts_person_once_per_pool")]
        indexes = [models.Index(fields=["org", "available"], name="experts_pool")]

    def __str__(self) -> str:
        return self.person.name


class Invitation(models.Model):
    """An invitation to a pool, for someone the inviting union cannot look up: a model worker of another
    county, or a person not on record yet. It names no person: it holds the blind index of the ID number the
    cadre typed and the name, and shows in 我的 only to the signed-in worker whose record has both. The
    cadre learns whether it was accepted, never whether that person exists."""

    org = models.ForeignKey(OrgNode, verbose_name=_("所属专家库"), on_delete=models.PROTECT, related_name="+")
    id_hmac = models.CharField(max_length=64, db_index=True, editable=False)
    name = models.CharField(_("姓名"), max_length=50)
    profile = models.JSONField(default=dict)  # ExpertProfile as stored by experts.invitations
    status = models.CharField(
        _("状态"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    expert = models.ForeignKey(Expert, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("专家库邀请")
        verbose_name_plural = _("专家库邀请")
        constraints = [
            models.UniqueConstraint(
                fields=["org", "id_hmac"], condition=Q(status="pending"), name="experts_one_open_invitation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Need(models.Model):
    """An enterprise's problem posted to the desk, and how it ended."""

    org = models.ForeignKey(OrgNode, verbose_name=_("受理工会"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="+")
    category = models.CharField(_("需求类别"), max_length=16, choices=NeedCategory.choices)
    title = models.CharField(_("需求名称"), max_length=100)
    problem = models.TextField(_("问题描述"), max_length=4000)
    equipment = models.CharField(_("涉及设备"), max_length=200, blank=True)
    urgency = models.CharField(_("紧急程度"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL)
    channel = models.CharField(_("来源"), max_length=16, choices=Channel.choices)
    contact_name = models.CharField(_("联系人"), max_length=50)
    contact_phone = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    status = models.CharField(_("状态"), max_length=16, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    due_on = models.DateField(_("办结期限"))
    close_reason = models.CharField(_("未解决原因/上报说明"), max_length=500, blank=True)
    escalated_to = models.ForeignKey(
        OrgNode, verbose_name=_("上报至"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("企业评价"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    enterprise_comment = models.CharField(_("企业意见"), max_length=500, blank=True)
    # Set when a cadre recorded the enterprise's word (a phone call, a signed form) instead of the enterprise.
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代为登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmation_evidence = models.CharField(_("确认依据"), max_length=500, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    posted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("企业需求")
        verbose_name_plural = _("企业需求")
        ordering = ["-posted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5), name="experts_rating_1_to_5"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[NeedStatus.UNRESOLVED, NeedStatus.ESCALATED]) | ~Q(close_reason=""),
                name="experts_unresolved_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["org", "status", "due_on"], name="experts_need_queue")]

    def __str__(self) -> str:
        return self.title


class Dispatch(models.Model):
    """点将: an expert sent to a need, with why the desk ranked them where it did."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="dispatches")
    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.PROTECT, related_name="dispatches")
    status = models.CharField(_("状态"), max_length=16, choices=DispatchStatus.choices, default=DispatchStatus.ACTIVE)
    reasons = models.JSONField(_("推荐理由"), default=list)
    dispatched_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    dispatched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("派单")
        verbose_name_plural = _("派单")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "expert"], condition=Q(status="active"), name="experts_one_active_dispatch"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.need}"


class ServiceRecord(models.Model):
    """One visit or remote session of a dispatch: diagnosis, solution, workers trained, time, benefit claimed."""

    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="records")
    served_on = models.DateField(_("服务日期"))
    hours = models.DecimalField(
        _("服务时长（小时）"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    diagnosis = models.TextField(_("诊断"), max_length=2000)
    solution = models.TextField(_("解决方案"), max_length=2000)
    workers_trained = models.PositiveIntegerField(_("培训职工人数"), default=0)
    benefit_yuan = money(_("预计经济效益（元）"), default=0, validators=[MinValueValidator(0)])
    benefit_evidence = models.CharField(_("效益依据"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("服务记录")
        verbose_name_plural = _("服务记录")
        ordering = ["dispatch", "served_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(benefit_yuan__gte=0), name="experts_benefit_not_negative"),
            models.CheckConstraint(condition=Q(hours__gte=0), name="experts_hours_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.dispatch} {self.served_on}"

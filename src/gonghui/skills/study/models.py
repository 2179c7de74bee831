"""求学圆梦: a union's yearly study-support programme (quota, budget, a standard per degree level) and the
front-line workers' applications, approved within the quota, subsidised through the aid ledger (a payout of
kind 助学) and followed to graduation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.money import money
from gonghui.common.uploads import GeneratedPath
from gonghui.ledger.models import Payout
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.study.choices import LIVE, DegreeLevel, Eligibility, StudyMode, StudyStatus


class Programme(models.Model):
    """One union's 求学圆梦 for one year: who may apply, how many places, how much money."""

    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    name = models.CharField(_("名称"), max_length=100)
    eligibility = models.CharField(_("申请对象"), max_length=16, choices=Eligibility.choices)
    quota = models.PositiveIntegerField(_("名额（人）"))
    budget = money(_("补助预算（元）"))
    opens_on = models.DateField(_("申请开始"))
    closes_on = models.DateField(_("申请截止"))
    # Places taken, kept by the approval service with a conditional UPDATE; the check constraint below
    # is what makes "never past the quota" hold under concurrent approvals.
    approved_count = models.PositiveIntegerField(_("已批准人数"), default=0)
    notes = models.TextField(_("说明"), max_length=1000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("求学圆梦计划")
        verbose_name_plural = _("求学圆梦计划")
        constraints = [
            models.UniqueConstraint(fields=["org", "year"], name="study_one_programme_per_union_year"),
            models.CheckConstraint(condition=Q(quota__gte=1), name="study_programme_quota_positive"),
            models.CheckConstraint(condition=Q(budget__gt=0), name="study_programme_budget_positive"),
            models.CheckConstraint(condition=Q(approved_count__lte=F("quota")), name="study_programme_within_quota"),
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="study_programme_window"),
        ]

    def __str__(self) -> str:
        return self.name


class Standard(models.Model):
    """The most a programme pays for one degree level (元/人); a level without a standard is not supported."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="standards")
    level = models.CharField(_("学历层次"), max_length=16, choices=DegreeLevel.choices)
    amount = money(_("补助标准（元/人）"))

    class Meta:
        verbose_name = _("补助标准")
        verbose_name_plural = _("补助标准")
        constraints = [
            models.UniqueConstraint(fields=["programme", "level"], name="study_one_standard_per_level"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="study_standard_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.amount}"


class Application(models.Model):
    """A worker's application for study support; `org` is the worker's own union when they applied."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("计划"), on_delete=models.PROTECT, related_name="applications"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("所在工会"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    job = models.CharField(_("岗位/工种"), max_length=50)
    front_line = models.BooleanField(_("一线职工或产业工人"), default=False)
    level = models.CharField(_("学历层次"), max_length=16, choices=DegreeLevel.choices)
    mode = models.CharField(_("学习形式"), max_length=16, choices=StudyMode.choices)
    school = models.CharField(_("学校"), max_length=100)
    major = models.CharField(_("专业"), max_length=100)
    enrolled_year = models.PositiveSmallIntegerField(_("入学年份"))
    fees = money(_("学费（元）"))
    letter = models.FileField(_("录取通知书"), upload_to=GeneratedPath("study"), max_length=200, blank=True)
    letter_type = models.CharField(max_length=32, blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=StudyStatus.choices, default=StudyStatus.SUBMITTED)
    reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    # The subsidy: the ledger payout entered for it (maker/checker and the money rules are the ledger's).
    # It moves to a new payout only when the ledger refused this one, so an application is paid once.
    payout = models.OneToOneField(
        Payout,
        verbose_name=_("补助发放"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="study_application",
    )
    graduated_on = models.DateField(_("毕业日期"), null=True, blank=True)
    certificate_no = models.CharField(_("毕业证书编号"), max_length=50, blank=True)
    certificate = models.FileField(_("毕业证书"), upload_to=GeneratedPath("study"), max_length=200, blank=True)
    certificate_type = models.CharField(max_length=32, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("求学圆梦申请")
        verbose_name_plural = _("求学圆梦申请")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"], condition=Q(status__in=LIVE), name="study_one_live_application"
            ),
            models.CheckConstraint(condition=Q(fees__gt=0), name="study_application_fees_positive"),
            models.CheckConstraint(
                condition=~Q(status=StudyStatus.GRADUATED) | Q(graduated_on__isnull=False),
                name="study_graduation_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["programme", "status"]),
            models.Index(fields=["org", "created_at"]),
            models.Index(fields=["person", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.school}"

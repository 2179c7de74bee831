"""五小 projects: the annual call, submissions with their team and files, and the review chain."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.masking import PIIKind
from gonghui.common.money import money
from gonghui.common.pii_fields import PIIField
from gonghui.common.uploads import GeneratedPath
from gonghui.innovation.choices import Grade, ProjectCategory, ProjectStatus, StageStatus
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode


class Rubric(models.Model):
    """评分细则: criteria with their maximum points, kept by a federation and reused across calls."""

    org = models.ForeignKey(OrgNode, verbose_name=_("制定单位"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("名称"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评分细则")
        verbose_name_plural = _("评分细则")

    def __str__(self) -> str:
        return self.name


class RubricCriterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("评分项"), max_length=50)
    max_points = models.DecimalField(_("满分"), max_digits=5, decimal_places=1, validators=[MinValueValidator(1)])
    guidance = models.CharField(_("评分说明"), max_length=200, blank=True)
    sort = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("评分项")
        verbose_name_plural = _("评分项")
        ordering = ["rubric", "sort", "id"]
        constraints = [models.CheckConstraint(condition=Q(max_points__gt=0), name="innovation_criterion_positive")]

    def __str__(self) -> str:
        return f"{self.name}（{self.max_points}）"


class InnovationCall(models.Model):
    """申报批次: a federation's yearly call for 五小 projects, with its deadline, rubric, prizes and notice."""

    org = models.ForeignKey(OrgNode, verbose_name=_("主办工会"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=100)
    opens_on = models.DateField(_("开始申报"))
    closes_on = models.DateField(_("申报截止"))
    rubric = models.ForeignKey(Rubric, verbose_name=_("评分细则"), on_delete=models.PROTECT, related_name="calls")
    min_reviewers = models.PositiveSmallIntegerField(
        _("每项目至少评分人数"), default=3, validators=[MinValueValidator(1)]
    )
    first_prizes = models.PositiveSmallIntegerField(_("一等奖名额"), default=1)
    second_prizes = models.PositiveSmallIntegerField(_("二等奖名额"), default=2)
    third_prizes = models.PositiveSmallIntegerField(_("三等奖名额"), default=3)
    merit_score = models.DecimalField(_("优秀奖最低平均分"), max_digits=5, decimal_places=1, default=60)
    notice_days = models.PositiveSmallIntegerField(_("公示天数"), default=7, validators=[MinValueValidator(1)])
    notice_starts = models.DateField(_("公示开始"), null=True, blank=True)
    notice_ends = models.DateField(_("公示结束"), null=True, blank=True)
    published_at = models.DateTimeField(_("结果发布时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("五小申报批次")
        verbose_name_plural = _("五小申报批次")
        ordering = ["-year", "-opens_on"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="innovation_call_closes_after_open")
        ]

    def __str__(self) -> str:
        return self.title


class CallQuota(models.Model):
    """How many projects a union may forward to the next level in one call (推荐名额)."""

    call = models.ForeignKey(InnovationCall, on_delete=models.CASCADE, related_name="quotas")
    org = models.ForeignKey(OrgNode, verbose_name=_("推荐单位"), on_delete=models.CASCADE, related_name="+")
    quota = models.PositiveSmallIntegerField(_("推荐名额"))

    class Meta:
        verbose_name = _("推荐名额")
        verbose_name_plural = _("推荐名额")
        constraints = [models.UniqueConstraint(fields=["call", "org"], name="innovation_one_quota_per_org")]

    def __str__(self) -> str:
        return f"{self.org}: {self.quota}"


class Project(models.Model):
    """A 五小 project (小发明、小创造、小革新、小设计、小建议) submitted by a worker or a cadre."""

    call = models.ForeignKey(
        InnovationCall, verbose_name=_("申报批次"), on_delete=models.PROTECT, related_name="projects"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("申报工会"), on_delete=models.PROTECT, related_name="+")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("所在企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("类别"), max_length=16, choices=ProjectCategory.choices)
    title = models.CharField(_("项目名称"), max_length=100)
    problem = models.TextField(_("解决的问题"), max_length=2000)
    solution = models.TextField(_("创新内容与做法"), max_length=4000)
    benefit_yuan = money(_("经济效益（元）"), default=0, validators=[MinValueValidator(0)])
    benefit_method = models.TextField(_("效益计算方法"), max_length=1000, blank=True)
    benefit_evidence = models.CharField(_("效益证明材料"), max_length=200, blank=True)
    pledge = models.BooleanField(_("承诺内容真实、成果为本人（团队）原创"), default=False)
    status = models.CharField(_("状态"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.IN_REVIEW)
    stage_order = models.PositiveSmallIntegerField(_("当前评审层级"), default=0)
    final_score = models.DecimalField(_("最终得分"), max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(_("名次"), null=True, blank=True)
    grade = models.CharField(_("奖项"), max_length=8, choices=Grade.choices, blank=True)
    certificate_no = models.CharField(_("证书编号"), max_length=32, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_via_h5 = models.BooleanField(_("职工在手机上申报"), default=False)
    withdrawn_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("申报时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("五小项目")
        verbose_name_plural = _("五小项目")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate_no"], condition=~Q(certificate_no=""), name="innovation_certificate_unique"
            ),
            models.CheckConstraint(condition=Q(benefit_yuan__gte=0), name="innovation_benefit_not_negative"),
        ]
        indexes = [
            models.Index(fields=["call", "status", "-id"], name="innovation_project_call_status"),
            models.Index(fields=["org", "-id"], name="innovation_project_org"),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectMember(models.Model):
    """A team member; one leader per project (database constraint)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("姓名"), max_length=50)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_leader = models.BooleanField(_("负责人"), default=False)
    sort = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("团队成员")
        verbose_name_plural = _("团队成员")
        ordering = ["project", "-is_leader", "sort", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project"], condition=Q(is_leader=True), name="innovation_one_leader")
        ]

    def __str__(self) -> str:
        return self.name


class ProjectAttachment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to=GeneratedPath("innovation"))
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.original_name


class ProjectGram(models.Model):
    """The project's most telling character bigrams with TF-IDF weights: an inverted index for the similarity
    hint (similarity.py), so a new submission is compared with earlier ones without scanning them all."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    gram = models.CharField(max_length=2)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["gram"], name="innovation_gram")]
        constraints = [models.UniqueConstraint(fields=["project", "gram"], name="innovation_gram_once")]

    def __str__(self) -> str:
        return f"{self.gram}: {self.weight:.3f}"


class ReviewStage(models.Model):
    """One level of a project's review: its own union (推荐), then each federation up to the call's."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(_("层级"))
    org = models.ForeignKey(OrgNode, verbose_name=_("评审单位"), on_delete=models.PROTECT, related_name="+")
    scored = models.BooleanField(_("按细则评分"), default=True)
    status = models.CharField(_("结果"), max_length=8, choices=StageStatus.choices, default=StageStatus.OPEN)
    average = models.DecimalField(_("平均分"), max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(_("本级名次"), null=True, blank=True)
    note = models.CharField(_("意见"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("评审环节")
        verbose_name_plural = _("评审环节")
        ordering = ["project", "order"]
        constraints = [models.UniqueConstraint(fields=["project", "order"], name="innovation_stage_once")]
        indexes = [models.Index(fields=["org", "status"], name="innovation_stage_queue")]

    def __str__(self) -> str:
        return f"{self.project} · {self.org}"


class Panel(models.Model):
    """评审专家组: who scores a call's projects at one federation."""

    call = models.ForeignKey(InnovationCall, on_delete=models.CASCADE, related_name="panels")
    org = models.ForeignKey(OrgNode, verbose_name=_("评审单位"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("评审专家组")
        verbose_name_plural = _("评审专家组")
        constraints = [models.UniqueConstraint(fields=["call", "org"], name="innovation_one_panel_per_org")]

    def __str__(self) -> str:
        return f"{self.call} · {self.org}"


class PanelSeat(models.Model):
    """A reviewer on a panel, with where they work: the basis of the conflict-of-interest rule."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_seats")
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("工作单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("评审专家")
        verbose_name_plural = _("评审专家")
        constraints = [models.UniqueConstraint(fields=["panel", "user"], name="innovation_one_seat")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.panel}"


class Scorecard(models.Model):
    """One reviewer's scores for one project at one stage; points per criterion in `points`."""

    stage = models.ForeignKey(ReviewStage, on_delete=models.CASCADE, related_name="scorecards")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    points = models.JSONField(_("各项得分"), default=dict)  # {criterion id: points}, checked by the service
    total = models.DecimalField(_("总分"), max_digits=6, decimal_places=2)
    comment = models.CharField(_("评语"), max_length=500, blank=True)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("评分表")
        verbose_name_plural = _("评分表")
        constraints = [
            models.UniqueConstraint(fields=["stage", "reviewer"], name="innovation_one_card_per_reviewer"),
            models.CheckConstraint(condition=Q(total__gte=0), name="innovation_total_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.stage}: {self.total}"


class Objection(models.Model):
    """An objection raised during the public notice (公示), and how it was settled."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="objections")
    text = models.TextField(_("异议内容"), max_length=1000)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    upheld = models.BooleanField(_("异议成立"), null=True)
    resolution = models.CharField(_("处理意见"), max_length=500, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")

    def __str__(self) -> str:
        return f"{self.project}: {self.text[:20]}"

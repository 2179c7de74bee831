"""Household hardship files (困难职工档案), their workflow and annexes. Payouts are the ledger's (gonghui.ledger)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import (
    LIVE_FILE_STATUSES,
    Category,
    Cause,
    EmployerStatus,
    FileStatus,
    Health,
    Housing,
    StandardLevel,
    StepKind,
    WorkStatus,
)
from gonghui.common.masking import PIIKind
from gonghui.common.money import money
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.common.uploads import GeneratedPath
from gonghui.members.choices import Hukou
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode, Region


class SubsistenceStandard(models.Model):
    """Local 低保 standard (yuan per person per month) for a region and year: a table staff keep, not a constant."""

    region = models.ForeignKey(Region, verbose_name=_("行政区划"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    monthly = money(_("低保标准（元/人·月）"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("低保标准")
        verbose_name_plural = _("低保标准")
        ordering = ["region_id", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="assistance_one_standard_per_region_year"),
            models.CheckConstraint(condition=Q(monthly__gt=0), name="assistance_standard_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.year}: {self.monthly}"


class HardshipFile(models.Model):
    """One household's file. The head of household is a person (a member, or a worker the rules allow)."""

    org = models.ForeignKey(OrgNode, verbose_name=_("建档工会"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("户主"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=FileStatus.choices, default=FileStatus.APPLIED)
    category = models.CharField(_("困难类别"), max_length=10, choices=Category.choices, blank=True)
    computed_category = models.CharField(_("测算类别"), max_length=10, choices=Category.choices, blank=True)
    category_reason = models.CharField(_("类别调整理由"), max_length=200, blank=True)
    standard_level = models.CharField(
        _("建档标准"), max_length=10, choices=StandardLevel.choices, default=StandardLevel.NATIONAL
    )
    # Household and work
    health = models.CharField(_("健康状况"), max_length=10, choices=Health.choices, default=Health.HEALTHY)
    disability = models.CharField(_("残疾情况"), max_length=50, blank=True)
    housing = models.CharField(_("住房情况"), max_length=10, choices=Housing.choices, default=Housing.OWN)
    work_status = models.CharField(
        _("就业状况"), max_length=10, choices=WorkStatus.choices, default=WorkStatus.EMPLOYED
    )
    industry = models.CharField(_("所在行业"), max_length=50, blank=True)
    employer = models.ForeignKey(
        Enterprise, verbose_name=_("工作单位"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    employer_status = models.CharField(
        _("单位状况"), max_length=10, choices=EmployerStatus.choices, default=EmployerStatus.NORMAL
    )
    contract_start = models.DateField(_("劳动合同起始"), null=True, blank=True)
    contract_end = models.DateField(_("劳动合同终止"), null=True, blank=True)
    hukou = models.CharField(_("户口类型"), max_length=8, choices=Hukou.choices, blank=True)
    single_parent = models.BooleanField(_("单亲家庭"), default=False)
    zero_employment = models.BooleanField(_("零就业家庭"), default=False)
    medical_insurance = models.BooleanField(_("参加医疗保险"), default=True)
    # Income (yuan per month)
    own_income = money(_("本人月收入"), default=0)
    other_income = money(_("家庭其他成员月收入"), default=0)
    essential_costs = money(_("刚性支出（月）"), default=0)
    family_size = models.PositiveSmallIntegerField(_("家庭人口"), default=1)
    per_capita_income = money(_("家庭月人均收入"), default=0)
    main_cause = models.CharField(_("主要致困原因"), max_length=16, choices=Cause.choices)
    other_causes = models.JSONField(_("次要致困原因"), default=list, blank=True)
    bank_account = PIIField(_("银行账号"), kind=PIIKind.BANK_ACCOUNT)
    bank_name = models.CharField(_("开户行"), max_length=100, blank=True)
    # Workflow
    opened_on = models.DateField(_("建档日期"), null=True, blank=True)
    notice_ends_on = models.DateField(_("公示截止"), null=True, blank=True)
    recheck_due = models.DateField(_("下次复核"), null=True, blank=True)
    closed_on = models.DateField(_("解困日期"), null=True, blank=True)
    help_plan = models.TextField(_("帮扶计划"), blank=True)
    times_reopened = models.PositiveSmallIntegerField(_("返困次数"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("困难职工档案")
        verbose_name_plural = _("困难职工档案")
        ordering = ["-created_at"]
        constraints = [
            # One household file at a time per head of household; a closed file may reopen, not duplicate.
            models.UniqueConstraint(
                fields=["person"], condition=Q(status__in=LIVE_FILE_STATUSES), name="assistance_one_live_file"
            ),
            models.CheckConstraint(condition=Q(family_size__gte=1), name="assistance_family_size_positive"),
        ]
        indexes = [models.Index(fields=["org", "status"], name="assistance_file_org_status")]

    def __str__(self) -> str:
        return f"困难职工档案 #{self.pk}"


class FamilyMember(models.Model):
    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="family")
    name = models.CharField(_("姓名"), max_length=50)
    relation = models.CharField(_("与户主关系"), max_length=20)
    id_number = PIIField(_("身份证号码"), kind=PIIKind.IDCARD)
    id_hmac = BlindIndexField(source="id_number", purpose="id")
    monthly_income = money(_("月收入"), default=0)
    health = models.CharField(_("健康状况"), max_length=10, choices=Health.choices, default=Health.HEALTHY)
    school_or_employer = models.CharField(_("就读学校或工作单位"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = _("家庭成员")

    def __str__(self) -> str:
        return self.name


class FileStep(models.Model):
    """The file's history: every workflow step, with who and why. Never edited."""

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("环节"), max_length=10, choices=StepKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("档案环节")
        verbose_name_plural = _("档案环节")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class HomeVisit(models.Model):
    """入户核实: who went, when, what they found, photos."""

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("走访日期"))
    visitors = models.CharField(_("走访人员"), max_length=200)
    findings = models.TextField(_("核实情况"))
    photo = models.FileField(_("照片"), upload_to=GeneratedPath("assistance/visits"), blank=True)  # checked by services
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("入户核实")
        verbose_name_plural = _("入户核实")
        ordering = ["-visited_on"]

    def __str__(self) -> str:
        return f"{self.visited_on} {self.visitors}"


class MedicalAnnex(models.Model):
    """大病医疗救助 annex."""

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="medical")
    patient = models.CharField(_("患者"), max_length=50)
    diagnosis = models.CharField(_("诊断"), max_length=200)
    hospital = models.CharField(_("医院"), max_length=100)
    admitted_on = models.DateField(_("入院日期"), null=True, blank=True)
    days = models.PositiveIntegerField(_("住院天数"), default=0)
    total_cost = money(_("医疗总费用"))
    insurance_paid = money(_("医保报销"), default=0)

    class Meta:
        verbose_name = _("大病医疗救助")
        verbose_name_plural = _("大病医疗救助")
        constraints = [
            models.CheckConstraint(
                condition=Q(insurance_paid__lte=F("total_cost")), name="assistance_insurance_within_cost"
            )
        ]

    def __str__(self) -> str:
        return f"{self.patient} {self.diagnosis}"

    @property
    def out_of_pocket(self) -> Decimal:
        return self.total_cost - self.insurance_paid


class StudyAnnex(models.Model):
    """金秋助学 annex: the student is a child of the household; the file belongs to the parent."""

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="students")
    student = models.CharField(_("学生姓名"), max_length=50)
    school = models.CharField(_("学校"), max_length=100)
    grade = models.CharField(_("年级"), max_length=30)
    yearly_fees = money(_("每年学杂费"), default=0)

    class Meta:
        verbose_name = _("金秋助学")
        verbose_name_plural = _("金秋助学")

    def __str__(self) -> str:
        return f"{self.student} {self.school}"

"""技能等级认定: occupations (工种) shared by the skills apps, and (added by this app) pilot enterprises, their
licences, assessment batches, members' skill levels with history and pay-grade tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.money import money
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.skills.certification.choices import BatchStatus, CertificateKind, CertifiedLevel, SkillSource


class Occupation(models.Model):
    """An occupation (工种/职业) from the national classification (《中华人民共和国职业分类大典》), e.g.
    6-31-01-03 电工. Competitions, training courses and certifications name the trade they are for."""

    code = models.CharField(_("职业编码"), max_length=20, unique=True)
    name = models.CharField(_("职业（工种）"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("职业（工种）")
        verbose_name_plural = _("职业（工种）")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    """A certificate the skills apps issue (competition award, training completion, skill level), verified by
    anyone who scans its QR code: the number is its public address, with random characters no one can guess."""

    number = models.CharField(_("证书编号"), max_length=40, unique=True)
    kind = models.CharField(_("证书类型"), max_length=16, choices=CertificateKind.choices)
    person = models.ForeignKey(Person, verbose_name=_("持证人"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("发证单位"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("证书内容"), max_length=120)  # 2026年柳市镇电工技能竞赛 一等奖
    detail = models.CharField(_("说明"), max_length=200, blank=True)  # 学时、等级、职业
    issued_on = models.DateField(_("发证日期"))
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoked_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("证书")
        verbose_name_plural = _("证书")
        indexes = [models.Index(fields=["person", "kind"])]

    def __str__(self) -> str:
        return self.number


_LEVELS = Q(level__in=CertifiedLevel.values)


class PilotEnterprise(models.Model):
    """试点企业: an enterprise the federation lets certify its own workers' levels (职业技能等级自主评价).

    `org` is the enterprise's grassroots union when it was designated: its certification staff hold roles
    there, and the federation above sees it through the scope."""

    enterprise = models.OneToOneField(
        Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="certification_pilot"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("企业工会"), on_delete=models.PROTECT, related_name="+")
    designated_by = models.ForeignKey(
        OrgNode, verbose_name=_("确定试点的工会"), on_delete=models.PROTECT, related_name="+"
    )
    designated_on = models.DateField(_("确定试点日期"))
    is_active = models.BooleanField(_("试点中"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("认定试点企业")
        verbose_name_plural = _("认定试点企业")

    def __str__(self) -> str:
        return self.enterprise.name


class Licence(models.Model):
    """What a pilot may certify: one occupation, a range of levels, a period, and who filed it (备案)."""

    pilot = models.ForeignKey(
        PilotEnterprise, verbose_name=_("试点企业"), on_delete=models.CASCADE, related_name="licences"
    )
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), on_delete=models.PROTECT, related_name="+"
    )
    # Level values are digits, "1" the highest: lowest ≥ highest as text.
    lowest = models.CharField(_("最低等级"), max_length=1, choices=CertifiedLevel.choices)
    highest = models.CharField(_("最高等级"), max_length=1, choices=CertifiedLevel.choices)
    valid_from = models.DateField(_("有效期起"))
    valid_until = models.DateField(_("有效期至"))
    authority = models.CharField(_("备案机关"), max_length=100)  # 乐清市人力资源和社会保障局
    reference = models.CharField(_("备案文号"), max_length=60, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("认定资质")
        verbose_name_plural = _("认定资质")
        ordering = ["occupation__code", "-valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(highest__lte=F("lowest")), name="certification_licence_level_order"),
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="certification_licence_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pilot} · {self.occupation}"

    def covers(self, level: str) -> bool:
        return self.highest <= level <= self.lowest


class PayGrade(models.Model):
    """能级工资: a pilot's pay grade (and monthly skill allowance) for a certified level, enterprise-wide."""

    pilot = models.ForeignKey(
        PilotEnterprise, verbose_name=_("试点企业"), on_delete=models.CASCADE, related_name="pay_grades"
    )
    level = models.CharField(_("技能等级"), max_length=1, choices=CertifiedLevel.choices)
    grade = models.CharField(_("薪酬等级"), max_length=30)  # 技能三档
    allowance = money(_("每月技能津贴（元）"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("能级工资")
        verbose_name_plural = _("能级工资")
        ordering = ["pilot", "-level"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "level"], name="certification_paygrade_one_per_level"),
            models.CheckConstraint(condition=Q(allowance__gte=0), name="certification_paygrade_allowance"),
            models.CheckConstraint(condition=_LEVELS, name="certification_paygrade_level"),
        ]

    def __str__(self) -> str:
        return self.grade


class Batch(models.Model):
    """认定批次: one occupation, one or more levels, the assessment dates, the assessors and the pass marks."""

    pilot = models.ForeignKey(
        PilotEnterprise, verbose_name=_("试点企业"), on_delete=models.PROTECT, related_name="batches"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("企业工会"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("批次名称"), max_length=100)
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), on_delete=models.PROTECT, related_name="+"
    )
    levels = models.CharField(_("认定等级"), max_length=5)  # level values, highest first: "32"
    starts_on = models.DateField(_("考核开始"))
    ends_on = models.DateField(_("考核结束（发证日期）"))
    assessors = models.CharField(_("考评员"), max_length=200)
    theory_pass = models.DecimalField(_("理论合格分"), max_digits=4, decimal_places=1, default=60)
    practical_pass = models.DecimalField(_("实操合格分"), max_digits=4, decimal_places=1, default=60)
    status = models.CharField(_("状态"), max_length=8, choices=BatchStatus.choices, default=BatchStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("认定批次")
        verbose_name_plural = _("认定批次")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="certification_batch_dates"),
            models.CheckConstraint(
                condition=Q(theory_pass__gte=0, theory_pass__lte=100, practical_pass__gte=0, practical_pass__lte=100),
                name="certification_batch_pass_marks",
            ),
            models.CheckConstraint(condition=~Q(levels=""), name="certification_batch_levels"),
        ]
        indexes = [models.Index(fields=["org", "ends_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def level_list(self) -> list[str]:
        return list(self.levels)


class Candidate(models.Model):
    """One worker assessed in a batch: the level applied for, both scores, the outcome and, on a pass, the
    certificate (a platform certificate, numbered and checkable by QR; the authority's own number, when
    the enterprise enters one, beside it) and the pay grade the level brings."""

    batch = models.ForeignKey(Batch, verbose_name=_("认定批次"), on_delete=models.PROTECT, related_name="candidates")
    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("申报等级"), max_length=1, choices=CertifiedLevel.choices)
    theory = models.DecimalField(_("理论成绩"), max_digits=4, decimal_places=1)
    practical = models.DecimalField(_("实操成绩"), max_digits=4, decimal_places=1)
    passed = models.BooleanField(_("通过"))
    previous_level = models.CharField(_("原等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    certificate = models.OneToOneField(
        Certificate, verbose_name=_("证书"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    external_number = models.CharField(_("证书编号（备案机关）"), max_length=40, blank=True)
    pay_grade = models.CharField(_("认定后薪酬等级"), max_length=30, blank=True)
    allowance = money(_("认定后每月技能津贴（元）"), null=True, blank=True)
    promoted = models.BooleanField(_("晋升薪酬等级"), default=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("认定对象")
        verbose_name_plural = _("认定对象")
        constraints = [
            models.UniqueConstraint(fields=["batch", "person"], name="certification_candidate_once_per_batch"),
            models.UniqueConstraint(
                fields=["external_number"], condition=~Q(external_number=""), name="certification_external_number"
            ),
            models.CheckConstraint(
                condition=Q(theory__gte=0, theory__lte=100, practical__gte=0, practical__lte=100),
                name="certification_candidate_scores",
            ),
            models.CheckConstraint(
                condition=Q(passed=True, certificate__isnull=False) | Q(passed=False, certificate__isnull=True),
                name="certification_candidate_certificate_iff_passed",
            ),
            models.CheckConstraint(condition=Q(promoted=False) | Q(passed=True), name="certification_promoted_passed"),
        ]
        indexes = [models.Index(fields=["person"], name="certification_candidate_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.batch}"


class PersonSkill(models.Model):
    """A person's current level in one occupation (one row per person and occupation); how it got there is
    in SkillChange. `org` is the union that recorded the level last."""

    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("技能等级"), max_length=1, choices=CertifiedLevel.choices)
    certified_on = models.DateField(_("取得日期"))
    source = models.CharField(_("来源"), max_length=16, choices=SkillSource.choices)
    certificate = models.ForeignKey(
        Certificate, verbose_name=_("证书"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("认定单位工会"), on_delete=models.PROTECT, related_name="+")
    pay_grade = models.CharField(_("薪酬等级"), max_length=30, blank=True)
    allowance = money(_("每月技能津贴（元）"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("职工技能等级")
        verbose_name_plural = _("职工技能等级")
        constraints = [
            models.UniqueConstraint(fields=["person", "occupation"], name="certification_one_level_per_occupation"),
            models.CheckConstraint(condition=_LEVELS, name="certification_personskill_level"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.occupation} · {self.get_level_display()}"


class SkillChange(models.Model):
    """The history of a person's level in an occupation: from what to what, when, and from where."""

    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("职业（工种）"), on_delete=models.PROTECT, related_name="+"
    )
    from_level = models.CharField(_("原等级"), max_length=1, choices=CertifiedLevel.choices, blank=True)
    to_level = models.CharField(_("新等级"), max_length=1, choices=CertifiedLevel.choices)
    on = models.DateField(_("日期"))
    source = models.CharField(_("来源"), max_length=16, choices=SkillSource.choices)
    batch = models.ForeignKey(
        Batch, verbose_name=_("认定批次"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certificate = models.ForeignKey(
        Certificate, verbose_name=_("证书"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    org = models.ForeignKey(OrgNode, verbose_name=_("记录单位"), on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("说明"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("技能等级变动")
        verbose_name_plural = _("技能等级变动")
        ordering = ["person", "occupation", "on", "id"]
        indexes = [models.Index(fields=["person", "occupation"], name="certification_change_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.occupation} → {self.get_to_level_display()}"

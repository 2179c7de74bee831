from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.members.choices import (
    LIVE_STATUSES,
    ChangeKind,
    ChangeSource,
    ChangeStatus,
    Education,
    EmploymentForm,
    EventKind,
    Hukou,
    IdType,
    JoinSource,
    MembershipStatus,
    Political,
    Sex,
    TransferStatus,
)
from gonghui.orgs.models import Enterprise, OrgNode, SearchKeyFields


class Person(SearchKeyFields):
    """One real person (实名), whatever union they belong to over time."""

    name = models.CharField(_("姓名"), max_length=50)
    id_type = models.CharField(_("证件类型"), max_length=16, choices=IdType.choices, default=IdType.RESIDENT)
    id_number = PIIField(_("证件号码"), kind=PIIKind.IDCARD)
    # HMAC of the normalised number: exact lookup, and one person per document platform-wide.
    id_hmac = BlindIndexField(source="id_number", purpose="id")
    sex = models.CharField(_("性别"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("出生日期"), null=True, blank=True)
    ethnicity = models.CharField(_("民族"), max_length=16, blank=True)
    mobile = PIIField(_("手机号码"), kind=PIIKind.MOBILE)
    mobile_hmac = BlindIndexField(source="mobile", purpose="mobile")
    hukou = models.CharField(_("户籍类型"), max_length=8, choices=Hukou.choices, blank=True)
    is_migrant_worker = models.BooleanField(_("农民工"), default=False)
    education = models.CharField(_("学历"), max_length=16, choices=Education.choices, blank=True)
    political = models.CharField(_("政治面貌"), max_length=16, choices=Political.choices, blank=True)
    address = models.CharField(_("现住址"), max_length=200, blank=True)
    village = models.CharField(_("村/社区"), max_length=100, blank=True)
    emergency_name = models.CharField(_("紧急联系人"), max_length=50, blank=True)
    emergency_phone = PIIField(_("紧急联系电话"), kind=PIIKind.MOBILE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("职工")
        verbose_name_plural = _("职工")
        # Declared here rather than with unique=/db_index= on the fields: on PostgreSQL those also build a
        # varchar_pattern_ops twin for LIKE, which nothing does on a hash or a village name, and every index
        # is paid for on each of a million imported rows.
        constraints = [models.UniqueConstraint(fields=["id_hmac"], name="members_person_id_hmac_unique")]
        indexes = [
            models.Index(fields=["mobile_hmac"], name="members_person_mobile_hmac"),
            models.Index(fields=["village"], name="members_person_village"),
        ]

    def __str__(self) -> str:
        return self.name


class SkillLevel(models.TextChoices):
    NONE = "", _("无")
    GRADE5 = "grade5", _("初级工")
    GRADE4 = "grade4", _("中级工")
    GRADE3 = "grade3", _("高级工")
    GRADE2 = "grade2", _("技师")
    GRADE1 = "grade1", _("高级技师")


class JoinTarget(models.Model):
    """A join target (入会目标) for a node and a group, with its own QR link: 大丰区 · 货车司机 · 2024 · 500."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会组织"), on_delete=models.PROTECT, related_name="join_targets")
    name = models.CharField(_("名称"), max_length=100)
    code = models.CharField(_("编码"), max_length=32, unique=True)
    employment_form = models.CharField(_("对象"), max_length=16, choices=EmploymentForm.choices, blank=True)
    platform = models.CharField(_("平台"), max_length=50, blank=True)
    year = models.PositiveSmallIntegerField(_("年度"))
    target = models.PositiveIntegerField(_("目标人数"))
    starts_on = models.DateField(_("开始日期"), null=True, blank=True)
    ends_on = models.DateField(_("结束日期"), null=True, blank=True)
    scans = models.PositiveIntegerField(_("扫码次数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("入会目标")
        verbose_name_plural = _("入会目标")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's membership of one union. At most one pending or active per person (DB constraint)."""

    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="memberships")
    # Indexes are chosen for a million-row table that imports write in bulk: the org is covered by the
    # (org, status, id) index, and the rarely-filtered foreign keys below carry none.
    org = models.ForeignKey(
        OrgNode, verbose_name=_("所在工会"), on_delete=models.PROTECT, related_name="memberships", db_index=False
    )
    status = models.CharField(_("状态"), max_length=16, choices=MembershipStatus.choices)
    source = models.CharField(_("入会方式"), max_length=16, choices=JoinSource.choices)
    join_target = models.ForeignKey(
        JoinTarget,
        verbose_name=_("入会目标"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        db_index=False,
    )
    member_no = models.CharField(_("会员编号"), max_length=20, blank=True)
    card_no = models.CharField(_("会员卡号"), max_length=30, blank=True)
    applied_at = models.DateTimeField(_("申请时间"))
    joined_on = models.DateField(_("入会日期"), null=True, blank=True)
    ended_on = models.DateField(_("离会日期"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    reject_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    employer = models.ForeignKey(
        Enterprise,
        verbose_name=_("工作单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # indexed below only where set: most platform workers have no enterprise on file
    )
    employer_name = models.CharField(_("工作单位/平台名称"), max_length=200, blank=True)
    occupation = models.CharField(_("工种/岗位"), max_length=50, blank=True)
    skill_level = models.CharField(_("技能等级"), max_length=8, choices=SkillLevel.choices, blank=True)
    employment_form = models.CharField(_("用工形式"), max_length=16, choices=EmploymentForm.choices, blank=True)
    platform = models.CharField(_("平台"), max_length=50, blank=True)
    union_posts = models.CharField(_("工会职务"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("会籍")
        verbose_name_plural = _("会籍")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status__in=LIVE_STATUSES), name="members_one_live_membership"
            ),
            models.UniqueConstraint(fields=["member_no"], condition=~Q(member_no=""), name="members_member_no_unique"),
        ]
        indexes = [
            models.Index(fields=["org", "status", "-id"], name="members_org_status_id"),
            # Only pending rows: the overdue check never needs the millions of active ones.
            models.Index(fields=["applied_at"], condition=Q(status="pending"), name="members_pending_applied"),
            models.Index(fields=["employer"], condition=Q(employer__isnull=False), name="members_membership_employer"),
            # A target's page counts the applications through its link; few memberships have one.
            models.Index(
                fields=["join_target"], condition=Q(join_target__isnull=False), name="members_membership_target"
            ),
            # The joins of a day or a period (the 大屏's today's joins, the join figures, the roster's dates).
            models.Index(fields=["joined_on"], name="members_joined_on"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.org}"


class MembershipEvent(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事件"), max_length=20, choices=EventKind.choices)
    org = models.ForeignKey(OrgNode, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("说明"), max_length=200, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("会籍事件")
        verbose_name_plural = _("会籍事件")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.membership} {self.get_kind_display()}"


class Transfer(models.Model):
    """转会: the out-union and the in-union both approve; then the old membership ends and a new one starts."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="transfers")
    from_membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="transfers_out")
    to_org = models.ForeignKey(OrgNode, verbose_name=_("转入工会"), on_delete=models.PROTECT, related_name="+")
    to_membership = models.OneToOneField(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="transfer_in"
    )
    status = models.CharField(_("状态"), max_length=16, choices=TransferStatus.choices, default=TransferStatus.PENDING)
    reason = models.CharField(_("转会原因"), max_length=200, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    out_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    out_approved_at = models.DateTimeField(null=True, blank=True)
    in_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    in_approved_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    # Carried into the new membership when the transfer completes.
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("转会")
        verbose_name_plural = _("转会")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="pending"), name="members_one_pending_transfer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.to_org}"


class JoinPolicy(models.Model):
    """Per-union switches for joining. A union without a row reviews every application."""

    org = models.OneToOneField(OrgNode, primary_key=True, on_delete=models.CASCADE, related_name="join_policy")
    auto_approve = models.BooleanField(_("自动通过入会申请"), default=False)

    class Meta:
        verbose_name = _("入会设置")
        verbose_name_plural = _("入会设置")

    def __str__(self) -> str:
        return f"{self.org}: {'auto' if self.auto_approve else 'review'}"


class WorkerAccount(models.Model):
    """A sign-in account bound to one real person: the worker's own 我的 pages, never a workbench.

    Bound once the worker proved the mobile on record with a code and typed the name and ID number on file.
    A staff user who is also a member may hold one too.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worker_account")
    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="account")
    bound_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("职工账号")
        verbose_name_plural = _("职工账号")

    def __str__(self) -> str:
        return f"{self.person} ({self.user})"


class ChangeRequest(models.Model):
    """Something about a person that their union must check before the record changes (信息变更待核实).

    A public form never writes to a person: when it names a known ID with another mobile it leaves one of
    these instead, and so does a signed-in worker asking for a new number, a correction or to leave.
    """

    person = models.ForeignKey(Person, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="+")
    org = models.ForeignKey(OrgNode, verbose_name=_("办理工会"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("事项"), max_length=16, choices=ChangeKind.choices)
    source = models.CharField(_("来源"), max_length=16, choices=ChangeSource.choices)
    status = models.CharField(_("状态"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    new_mobile = PIIField(_("新手机号码"), kind=PIIKind.MOBILE)
    detail = models.CharField(_("说明"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("处理意见"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("信息变更申请")
        verbose_name_plural = _("信息变更申请")
        ordering = ["-id"]
        constraints = [
            # A repeated form or a rush of taps leaves one open item per person, kind and source: an
            # anonymous form's item never blocks the worker's own signed-in request.
            models.UniqueConstraint(
                fields=["person", "kind", "source"], condition=Q(status="pending"), name="members_one_open_change"
            )
        ]
        indexes = [models.Index(fields=["org", "status", "-id"], name="members_change_org_status")]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_kind_display()}"


class Notice(models.Model):
    """工会通知: what a union tells its members; a member sees the notices of their union and those above it."""

    org = models.ForeignKey(OrgNode, verbose_name=_("发布工会"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("内容"), max_length=4000)
    published_at = models.DateTimeField(_("发布时间"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("工会通知")
        verbose_name_plural = _("工会通知")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["org", "-published_at"], name="members_notice_org")]

    def __str__(self) -> str:
        return self.title

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.roles import Role

code_validator = RegexValidator(r"^[a-z0-9][a-z0-9-]{1,31}$", _("编码只能包含小写字母、数字和连字符，2–32 位。"))
region_code_validator = RegexValidator(r"^\d{6}$", _("行政区划代码应为 6 位数字（GB/T 2260）。"))


class Region(models.Model):
    """Administrative division (GB/T 2260): province, prefecture or county level."""

    code = models.CharField(_("行政区划代码"), max_length=6, primary_key=True, validators=[region_code_validator])
    name = models.CharField(_("名称"), max_length=64)
    lng = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def full_name(self) -> str:
        from gonghui.orgs.regions import full_name

        return full_name(self.code)

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"


class SearchKeyFields(models.Model):
    """Simplified name, full pinyin and initials, written by services on every save."""

    name_simplified = models.CharField(max_length=200, blank=True, editable=False)
    name_pinyin = models.CharField(max_length=400, blank=True, editable=False)
    name_initials = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        abstract = True


class OrgNode(MP_Node, SearchKeyFields):
    """A union body in the tree: 总工会 → 行业工会联合会/乡镇总工会 → 基层工会 → 工会小组."""

    steplen = 4
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    code = models.CharField(_("组织编码"), max_length=32, validators=[code_validator])
    name = models.CharField(_("组织名称"), max_length=100)
    kind = models.CharField(_("组织类型"), max_length=16, choices=OrgKind.choices)
    # No index: a subtree move rewrites every row's path, and each extra index makes that slower;
    # the tree is small enough (tens of thousands of rows) to scan by region or kind.
    region = models.ForeignKey(
        Region, verbose_name=_("行政区划"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    chair_name = models.CharField(_("工会主席"), max_length=50, blank=True)
    established_on = models.DateField(_("成立日期"), null=True, blank=True)
    is_active = models.BooleanField(_("有效"), default=True)
    # Direct members of this node (not the subtree); kept by member services.
    member_count = models.PositiveIntegerField(_("会员数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MP_NodeManager()  # type: ignore[django-manager-missing]  # treebeard ships no stubs

    class Meta:
        verbose_name = _("工会组织")
        verbose_name_plural = _("工会组织")
        constraints = [
            # A constraint rather than unique=True: no extra LIKE index for PostgreSQL to maintain on moves.
            models.UniqueConstraint(fields=["code"], name="orgs_orgnode_code_unique"),
            models.UniqueConstraint(fields=["uscc"], condition=~Q(uscc=""), name="orgs_orgnode_uscc_unique"),
        ]

    def __str__(self) -> str:
        return self.name


def paths_up(path: str) -> list[str]:
    """A node's path and its ancestors' paths, root first (materialized paths are prefixes)."""
    step = OrgNode.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


class Industry(models.TextChoices):
    """GB/T 4754-2017 sections (门类)."""

    A = "A", _("A 农、林、牧、渔业")
    B = "B", _("B 采矿业")
    C = "C", _("C 制造业")
    D = "D", _("D 电力、热力、燃气及水生产和供应业")
    E = "E", _("E 建筑业")
    F = "F", _("F 批发和零售业")
    G = "G", _("G 交通运输、仓储和邮政业")
    H = "H", _("H 住宿和餐饮业")
    I = "I", _("I 信息传输、软件和信息技术服务业")  # noqa: E741
    J = "J", _("J 金融业")
    K = "K", _("K 房地产业")
    L = "L", _("L 租赁和商务服务业")
    M = "M", _("M 科学研究和技术服务业")
    N = "N", _("N 水利、环境和公共设施管理业")
    O = "O", _("O 居民服务、修理和其他服务业")  # noqa: E741
    P = "P", _("P 教育")
    Q = "Q", _("Q 卫生和社会工作")
    R = "R", _("R 文化、体育和娱乐业")
    S = "S", _("S 公共管理、社会保障和社会组织")
    T = "T", _("T 国际组织")


class Ownership(models.TextChoices):
    STATE = "state", _("国有企业")
    COLLECTIVE = "collective", _("集体企业")
    PRIVATE = "private", _("民营企业")
    JOINT_STOCK = "joint_stock", _("股份制企业")
    FOREIGN = "foreign", _("外商投资企业")
    HMT = "hmt", _("港澳台投资企业")
    INDIVIDUAL = "individual", _("个体工商户")
    PUBLIC_INSTITUTION = "institution", _("事业单位")
    SOCIAL_ORG = "social_org", _("社会组织")
    OTHER = "other", _("其他")


class Enterprise(SearchKeyFields):
    """用人单位: an employer whose workers a union node covers."""

    name = models.CharField(_("单位名称"), max_length=200)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    industry = models.CharField(_("行业门类"), max_length=1, choices=Industry.choices)
    ownership = models.CharField(_("经济类型"), max_length=16, choices=Ownership.choices, default=Ownership.PRIVATE)
    employee_count = models.PositiveIntegerField(_("职工人数"), default=0, validators=[MinValueValidator(0)])
    region = models.ForeignKey(Region, verbose_name=_("行政区划"), on_delete=models.PROTECT, related_name="+")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    union = models.ForeignKey(OrgNode, verbose_name=_("所属工会"), on_delete=models.PROTECT, related_name="enterprises")
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = PIIField(_("联系电话"), kind=PIIKind.MOBILE)
    contact_phone_hmac = BlindIndexField(source="contact_phone", purpose="mobile", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("用人单位")
        verbose_name_plural = _("用人单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommitteeBody(models.TextChoices):
    UNION_COMMITTEE = "committee", _("工会委员会")
    FUNDS_REVIEW = "funds_review", _("经费审查委员会")
    WOMEN = "women", _("女职工委员会")


class SeatPosition(models.TextChoices):
    CHAIR = "chair", _("主席")
    VICE_CHAIR = "vice_chair", _("副主席")
    DIRECTOR = "director", _("主任")
    VICE_DIRECTOR = "vice_director", _("副主任")
    MEMBER = "member", _("委员")


class CommitteeTerm(models.Model):
    """One elected term (届次) of one of a union's committees."""

    org = models.ForeignKey(OrgNode, verbose_name=_("工会组织"), on_delete=models.CASCADE, related_name="terms")
    body = models.CharField(_("机构"), max_length=16, choices=CommitteeBody.choices)
    number = models.PositiveSmallIntegerField(_("届次"), validators=[MinValueValidator(1)])
    elected_on = models.DateField(_("选举日期"))
    starts_on = models.DateField(_("任期开始"))
    ends_on = models.DateField(_("任期结束"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("届次")
        verbose_name_plural = _("届次")
        ordering = ["org", "body", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["org", "body", "number"], name="orgs_term_unique_number"),
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="orgs_term_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.org} {self.get_body_display()} 第{self.number}届"


class CommitteeSeat(models.Model):
    term = models.ForeignKey(CommitteeTerm, on_delete=models.CASCADE, related_name="seats")
    person_name = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(_("职务"), max_length=16, choices=SeatPosition.choices)
    is_front_line = models.BooleanField(_("一线职工"), default=False)
    sort = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("委员")
        verbose_name_plural = _("委员")
        ordering = ["term", "sort", "id"]

    def __str__(self) -> str:
        return f"{self.person_name}（{self.get_position_display()}）"


class StaffRole(models.Model):
    """A staff user's role on a node; it covers the node's whole subtree."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles")
    org = models.ForeignKey(OrgNode, verbose_name=_("工会组织"), on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("工作人员角色")
        verbose_name_plural = _("工作人员角色")
        constraints = [models.UniqueConstraint(fields=["user", "org", "role"], name="orgs_staffrole_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.org} · {self.get_role_display()}"

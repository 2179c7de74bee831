"""Enumerations of the member registry (national 工会会员实名制 fields)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdType(models.TextChoices):
    RESIDENT = "resident", _("居民身份证")  # also 港澳台居民居住证 (18 digits, 81/82/83…)
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")


class Sex(models.TextChoices):
    MALE = "M", _("男")
    FEMALE = "F", _("女")


class Hukou(models.TextChoices):
    URBAN = "urban", _("城镇")
    RURAL = "rural", _("农村")


class Education(models.TextChoices):
    PRIMARY = "primary", _("小学及以下")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中/中专/技校")
    COLLEGE = "college", _("大专")
    BACHELOR = "bachelor", _("本科")
    POSTGRADUATE = "postgraduate", _("研究生")


class Political(models.TextChoices):
    CPC = "cpc", _("中共党员")
    CPC_PROBATION = "cpc_probation", _("中共预备党员")
    LEAGUE = "league", _("共青团员")
    DEMOCRATIC = "democratic", _("民主党派")
    MASSES = "masses", _("群众")


class EmploymentForm(models.TextChoices):
    CONTRACT = "contract", _("劳动合同")
    DISPATCH = "dispatch", _("劳务派遣")
    TRUCK_DRIVER = "truck_driver", _("货车司机")
    COURIER = "courier", _("快递员")
    DELIVERY = "delivery", _("外卖配送员")
    RIDE_HAILING = "ride_hailing", _("网约车司机")
    DOMESTIC = "domestic", _("家政服务员")
    OTHER = "other", _("其他")


NEW_EMPLOYMENT_FORMS = frozenset(
    {
        EmploymentForm.TRUCK_DRIVER,
        EmploymentForm.COURIER,
        EmploymentForm.DELIVERY,
        EmploymentForm.RIDE_HAILING,
        EmploymentForm.DOMESTIC,
    }
)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    ACTIVE = "active", _("在册")
    TRANSFERRED = "transferred", _("已转出")
    LEFT = "left", _("已退会")
    DECEASED = "deceased", _("已故")
    REJECTED = "rejected", _("未通过")


LIVE_STATUSES = (MembershipStatus.PENDING, MembershipStatus.ACTIVE)
# Approved once, whatever became of it since: the memberships the 会员 figures count as joins and on the roll.
JOINED_STATUSES = (
    MembershipStatus.ACTIVE,
    MembershipStatus.TRANSFERRED,
    MembershipStatus.LEFT,
    MembershipStatus.DECEASED,
)


class JoinSource(models.TextChoices):
    QR = "qr", _("扫码入会")
    ONLINE = "online", _("网上申请")
    CADRE = "cadre", _("干部录入")
    IMPORT = "import", _("批量导入")
    TRANSFER = "transfer", _("转会转入")


class EventKind(models.TextChoices):
    APPLY = "apply", _("提交申请")
    APPROVE = "approve", _("审核通过")
    AUTO_APPROVE = "auto_approve", _("自动通过")
    REJECT = "reject", _("审核未通过")
    TRANSFER_REQUEST = "transfer_request", _("申请转会")
    TRANSFER_OUT = "transfer_out", _("转出")
    TRANSFER_IN = "transfer_in", _("转入")
    TRANSFER_REJECT = "transfer_reject", _("转会未通过")
    LEAVE = "leave", _("退会")
    DECEASED = "deceased", _("去世")
    IMPORT = "import", _("导入")
    MOBILE_CHANGE = "mobile_change", _("手机号变更")


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    DONE = "done", _("已完成")
    REJECTED = "rejected", _("未通过")


class ChangeKind(models.TextChoices):
    MOBILE = "mobile", _("手机号变更")
    CORRECTION = "correction", _("信息更正")
    LEAVE = "leave", _("退会申请")


class ChangeSource(models.TextChoices):
    PUBLIC_FORM = "public_form", _("公开表单（信息待核实）")
    WORKER = "worker", _("职工本人（已登录）")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("待核实")
    APPROVED = "approved", _("已同意")
    REJECTED = "rejected", _("未同意")

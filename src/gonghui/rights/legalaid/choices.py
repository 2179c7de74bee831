"""Choices of 法律咨询 and 法律援助."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ConsultationChannel(models.TextChoices):
    WALK_IN = "walk_in", _("到站咨询")
    HOTLINE = "hotline", _("12351热线")
    ONLINE = "online", _("网上咨询")
    APPOINTMENT = "appointment", _("律师预约")


class Topic(models.TextChoices):
    WAGES = "wages", _("工资报酬")
    CONTRACT = "contract", _("劳动合同")
    INJURY = "injury", _("工伤")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    DISMISSAL = "dismissal", _("解除劳动关系")
    OTHER = "other", pgettext_lazy("legal topic", "其他")


class FollowUp(models.TextChoices):
    NONE = "none", _("无需跟进")
    CALL_BACK = "call_back", _("约定回访")
    CASE = "case", _("转为法律援助案件")


class CaseStatus(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("legal aid", "已申请")
    ACCEPTED = "accepted", pgettext_lazy("legal aid", "审查通过")
    ASSIGNED = "assigned", _("已指派")
    ACTING = "acting", _("代理中")
    CLOSED = "closed", _("已结案")
    REFUSED = "refused", _("不予援助")


# The stages a case is still being worked in (deadlines and reminders apply); the last two are final.
OPEN_STATUSES = (CaseStatus.APPLIED, CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.ACTING)
# The stages a lawyer or firm is on the case.
WITH_LAWYER = (CaseStatus.ASSIGNED, CaseStatus.ACTING)


class Basis(models.TextChoices):
    """Why a worker may have the union's legal aid (checked at 审查)."""

    MEMBER = "member", _("工会会员")
    MIGRANT = "migrant", _("农民工")
    HARDSHIP = "hardship", _("困难职工")


class CaseStepKind(models.TextChoices):
    CONSULTATION = "consultation", _("法律咨询")
    DRAFTING = "drafting", _("代写文书")
    MEDIATION = "mediation", _("调解")
    ARBITRATION = "arbitration", _("劳动仲裁")
    LITIGATION = "litigation", _("诉讼")


class CaseOutcome(models.TextChoices):
    WON = "won", _("胜诉或支持请求")
    SETTLED = "settled", _("调解或和解成功")
    PARTIAL = "partial", _("部分支持")
    LOST = "lost", _("未获支持")
    WITHDRAWN = "withdrawn", _("职工撤回")

"""Choices of the national 困难职工档案 form and of the aid ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    DEEP = "deep", _("深度困难")
    RELATIVE = "relative", _("相对困难")
    ACCIDENT = "accident", _("意外致困")
    NONE = "none", _("不符合建档条件")


class StandardLevel(models.TextChoices):
    NATIONAL = "national", _("全国")
    PROVINCE = "province", _("省")
    CITY = "city", _("市")
    COUNTY = "county", _("县")
    GRASSROOTS = "grassroots", _("基层")


class Cause(models.TextChoices):
    ILLNESS = "illness", _("大病")
    DISABILITY = "disability", _("残疾")
    SCHOOLING = "schooling", _("子女就学")
    UNEMPLOYMENT = "unemployment", _("失业")
    INJURY = "injury", _("工伤")
    PNEUMOCONIOSIS = "pneumoconiosis", _("尘肺病")
    ACCIDENT = "accident", _("意外")
    DISASTER = "disaster", _("灾害")
    LOW_INCOME = "low_income", _("收入低")
    OTHER = "other", _("其他")


# Causes that make a household 意外致困 whatever its income (突发事件、意外灾害).
ACCIDENT_CAUSES = frozenset({Cause.ACCIDENT, Cause.DISASTER})


class FileStatus(models.TextChoices):
    APPLIED = "applied", _("已申请")
    REVIEWED = "reviewed", _("已初审")
    VISITED = "visited", _("已入户核实")
    NOTICE = "notice", _("公示中")
    OPEN = "open", _("已建档")
    CLOSED = "closed", _("已解困脱困")
    REJECTED = "rejected", _("未通过")


LIVE_FILE_STATUSES = (
    FileStatus.APPLIED,
    FileStatus.REVIEWED,
    FileStatus.VISITED,
    FileStatus.NOTICE,
    FileStatus.OPEN,
)


class StepKind(models.TextChoices):
    APPLY = "apply", _("提出申请")
    REVIEW = "review", _("基层初审")
    VISIT = "visit", _("入户核实")
    NOTICE = "notice", _("开始公示")
    OBJECTION = "objection", _("公示异议")
    OPEN = "open", _("建档")
    REJECT = "reject", _("不予建档")
    PLAN = "plan", _("帮扶计划")
    RECHECK = "recheck", _("年度复核")
    CLOSE = "close", _("解困脱困")
    REOPEN = "reopen", _("返困重新建档")
    OVERRIDE = "override", _("调整困难类别")


class Health(models.TextChoices):
    HEALTHY = "healthy", _("健康")
    CHRONIC = "chronic", _("慢性病")
    SERIOUS = "serious", _("大病")
    DISABLED = "disabled", _("残疾")


class Housing(models.TextChoices):
    OWN = "own", _("自有住房")
    RENTED = "rented", _("租房")
    PUBLIC = "public", _("公租房/廉租房")
    NONE = "none", _("无固定住所")


class WorkStatus(models.TextChoices):
    EMPLOYED = "employed", _("在岗")
    FLEXIBLE = "flexible", _("灵活就业")
    UNEMPLOYED = "unemployed", _("失业")
    RETIRED = "retired", _("退休")
    SICK_LEAVE = "sick_leave", _("病休")


class EmployerStatus(models.TextChoices):
    NORMAL = "normal", _("正常经营")
    DIFFICULT = "difficult", _("生产经营困难")
    CLOSED = "closed", _("停产/破产")


class PayoutKind(models.TextChoices):
    LIVING = "living", _("生活救助")
    MEDICAL = "medical", _("医疗救助")
    STUDY = "study", _("助学")
    CONDOLENCE = "condolence", _("慰问金")
    GOODS = "goods", _("送清凉/送温暖物资")
    OTHER = "other", _("其他")


class FundSource(models.TextChoices):
    UNION_FUNDS = "union_funds", _("工会经费")
    HIGHER_UNION = "higher_union", _("上级工会补助")
    GOVERNMENT = "government", _("财政专项")
    DONATION = "donation", _("社会捐赠")
    ENTERPRISE = "enterprise", _("企业配套")

"""Choices of 欠薪治理 (无欠薪)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportSource(models.TextChoices):
    WORKER = "worker", _("职工反映")
    CADRE = "cadre", _("工会排查")
    HOTLINE = "hotline", _("热线或来访")
    HRSS = "hrss", pgettext_lazy("arrears source", "人社部门转来")


class ArrearsStage(models.TextChoices):
    """The loop 受理 → 分流 → 处置 → 反馈 → 回访 (a worker's report waits to be accepted first)."""

    REPORTED = "reported", _("待受理")
    ACCEPTED = "accepted", _("已受理")
    DIVERTED = "diverted", _("已分流")
    HANDLED = "handled", _("已处置")
    FED_BACK = "fed_back", _("已反馈")
    VISITED = "visited", _("已回访")
    REJECTED = "rejected", pgettext_lazy("arrears stage", "不予受理")


OPEN = (
    ArrearsStage.REPORTED,
    ArrearsStage.ACCEPTED,
    ArrearsStage.DIVERTED,
    ArrearsStage.HANDLED,
    ArrearsStage.FED_BACK,
)
CLOSED = (ArrearsStage.VISITED, ArrearsStage.REJECTED)
# The step each stage leads to, in the loop's order.
NEXT = {
    ArrearsStage.ACCEPTED: ArrearsStage.DIVERTED,
    ArrearsStage.DIVERTED: ArrearsStage.HANDLED,
    ArrearsStage.HANDLED: ArrearsStage.FED_BACK,
    ArrearsStage.FED_BACK: ArrearsStage.VISITED,
}


class Route(models.TextChoices):
    """Where a report is sent at 分流."""

    MEDIATION = "mediation", _("转劳动争议调解")
    INSPECTION = "inspection", _("移送人社劳动保障监察")
    ENTERPRISE = "enterprise", _("督促企业限期支付")

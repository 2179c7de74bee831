"""The earlywarning objects (劳动关系预警) of the shared permission World (see tests/world.py): union_a's
enterprise at 红 with an open warning (one action recorded, so it can be closed), a 法治体检 three days ago
with one rectification item, a scheme on union_a, a checklist item added by town_a, and an indicator entry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.rights.earlywarning.models import (
    ChecklistItem,
    Checkup,
    EarlyWarning,
    EnterpriseLevel,
    Finding,
    IndicatorEntry,
    Rectification,
    Scheme,
    WarningAction,
)
from gonghui.rights.earlywarning.scoring import DEFAULT


def build_earlywarning(world: Any) -> SimpleNamespace:
    owner, enterprise, union = world.users["owner"], world.enterprise, world.union_a
    today, now = timezone.localdate(), timezone.now()
    entry = IndicatorEntry.objects.create(
        enterprise=enterprise, org=union, kind="layoffs", value=Decimal(130), as_of=today, entered_by=owner
    )
    EnterpriseLevel.objects.create(
        enterprise=enterprise, org=union, score=Decimal(65), level="red", values={"layoffs": "130"},
        level_since=now, computed_at=now,
    )  # fmt: skip
    warning = EarlyWarning.objects.create(
        enterprise=enterprise, org=union, level="red", score=Decimal(65), opened_at=now, assignee=owner
    )
    WarningAction.objects.create(warning=warning, on=today, note="约谈企业负责人", by=owner)
    checkup = Checkup.objects.create(
        enterprise=enterprise,
        org=union,
        visited_on=today - dt.timedelta(days=3),
        team="测试法律服务团",
        created_by=owner,
    )
    finding = Finding.objects.create(checkup=checkup, item="工资支付", result="problem", note="拖欠加班费")
    item = Rectification.objects.create(
        checkup=checkup, finding=finding, requirement="补发加班费", deadline=today + dt.timedelta(days=30)
    )
    weights = {f"w_{k}": v for k, v in DEFAULT.weights.items()}
    scheme = Scheme.objects.create(org=union, blue=10, yellow=20, orange=40, red=60, updated_by=owner, **weights)
    checklist_item = ChecklistItem.objects.create(org=world.town_a, name="测试体检项目")
    return SimpleNamespace(
        entry=entry, warning=warning, checkup=checkup, item=item, scheme=scheme, checklist_item=checklist_item
    )

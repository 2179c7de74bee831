"""The arrears objects (欠薪治理) of the shared permission World (see tests/world.py): a 春节 drive of
town_a around today; in union_a, 李在册's (the member persona's) report waiting to be accepted, and a report
the union opened about the World's enterprise."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.rights.arrears import drives, services

DRIVE = "大中街道春节前根治欠薪专项行动"


def build_arrears(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    today = timezone.localdate()
    drive = drives.drive_create(
        actor=owner, org=world.town_a, name=DRIVE, starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=30), target_amount=200000,
    )  # fmt: skip
    reported = services.report_submit(
        actor=world.users["member"], person=world.member.person, enterprise_name="大丰测试机械有限公司",
        amount_owed=7600, summary="十一月、十二月工资未发", months="2024年11月—12月",
    )  # fmt: skip
    accepted = services.report_open(
        actor=owner, org=world.union_a, enterprise_uscc=world.enterprise.uscc, source="cadre", amount_owed=42000,
        summary="车间 6 名职工两个月工资未发", workers_affected=6,
    )  # fmt: skip
    return SimpleNamespace(drive=drive, reported=reported, accepted=accepted)

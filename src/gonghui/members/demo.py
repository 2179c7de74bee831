"""Demo members for the demo federation: truck drivers in 大丰 (运满满), couriers in 商南, factory workers in 柳市."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.utils import timezone

from gonghui.common.idcard import check_char
from gonghui.members.identity import Applicant
from gonghui.members.models import JoinTarget, Membership
from gonghui.members.services import member_join, membership_approve
from gonghui.orgs.models import OrgNode

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = ["建国", "志强", "秀英", "海燕", "立新", "保柱", "晓峰", "春梅", "国庆", "红霞", "永刚", "丽娟", "德胜", "玉兰"]

GROUPS: list[tuple[str, str, str, str, list[str], int]] = [
    # org code, employment form, employer/platform, occupation, villages, how many
    ("df-huoche", "truck_driver", "运满满", "货车司机", ["草堰村", "西团社区", "白驹村", "小海社区"], 24),
    ("sn-kuaidi", "courier", "商南县速递物流服务有限公司", "快递员", ["城关社区", "富水村"], 12),
    ("ls-huanghua", "contract", "黄华集团有限公司", "装配工", ["柳市村", "象阳社区"], 10),
]


def _identity(i: int, region: str) -> tuple[str, str]:
    digest = hashlib.sha256(f"demo-{i}".encode()).digest()
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=digest[0] * 40 + digest[1])
    first17 = f"{region}{birth:%Y%m%d}{i % 1000:03d}"
    return first17 + check_char(first17), f"137{int.from_bytes(digest[2:6]) % 10**8:08d}"


def load_demo_members(admin: Any) -> int:
    if Membership.objects.exists():
        return 0
    huoche = OrgNode.objects.get(code="df-huoche")
    join_target, _ = JoinTarget.objects.get_or_create(
        code="df-ymm-2024",
        defaults={
            "org": OrgNode.objects.get(code="dafeng"),
            "name": "大丰区运满满货车司机入会行动",
            "employment_form": "truck_driver",
            "platform": "运满满",
            "year": timezone.localdate().year,
            "target": 500,
            "scans": 61,
        },
    )
    created, i = 0, 0
    for code, form, employer, occupation, villages, count in GROUPS:
        org = huoche if code == "df-huoche" else OrgNode.objects.get(code=code)
        for n in range(count):
            i += 1
            number, mobile = _identity(i, org.region_id)
            applicant = Applicant(
                name=SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)],
                id_number=number,
                mobile=mobile,
                employment_form=form,
                employer_name=employer,
                platform="运满满" if form == "truck_driver" else "",
                occupation=occupation,
                village=villages[n % len(villages)],
                consent=True,
            )
            result = member_join(org=org, applicant=applicant, join_target=join_target if code == "df-huoche" else None)
            if result.membership is not None and n % 4 != 3:  # every fourth stays pending for the approvals demo
                membership_approve(actor=admin, membership=result.membership)
            created += 1
    # One application has waited too long: it shows as overdue to the county.
    Membership.objects.filter(status="pending", org=huoche).order_by("id").update(
        applied_at=timezone.now() - dt.timedelta(days=30)
    )
    return created

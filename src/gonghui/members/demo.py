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

GROUPS: list[tuple[str, str, str, str, list[str], int, int]] = [
    # org code, employment form, employer/platform, occupation, villages, how many, every n-th left pending (0: none)
    ("df-huoche", "truck_driver", "运满满", "货车司机", ["草堰村", "西团社区", "白驹村", "小海社区"], 24, 4),
    # 商南's story: "268名快递小哥加入工会组织" this year, all approved (the approvals demo is 大丰's and 柳市's)
    ("sn-kuaidi", "courier", "商南县速递物流服务有限公司", "快递员", ["城关社区", "富水村", "试马镇"], 268, 0),
    ("ls-huanghua", "contract", "黄华集团有限公司", "装配工", ["柳市村", "象阳社区"], 10, 4),
]


def _identity(i: int, region: str) -> tuple[str, str]:
    digest = hashlib.sha256(f"demo-{i}".encode()).digest()
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=digest[0] * 40 + digest[1])
    first17 = f"{region}{birth:%Y%m%d}{i % 1000:03d}"
    return first17 + check_char(first17), f"137{int.from_bytes(digest[2:6]) % 10**8:08d}"


def _spread_over_the_year() -> None:
    """Approvals all happen today when the demo loads; a union's joins come month by month, so the monthly
    trend shows them that way: each active membership joined on a day from New Year to today (the last few today)."""
    today = timezone.localdate()
    days = (today - today.replace(month=1, day=1)).days
    rows = list(Membership.objects.filter(status="active").order_by("pk").only("pk"))[:-3]
    for i, row in enumerate(rows):
        row.joined_on = today - dt.timedelta(days=(i * 37) % (days + 1))
        row.applied_at = timezone.make_aware(dt.datetime.combine(row.joined_on - dt.timedelta(days=2), dt.time(10)))
    Membership.objects.bulk_update(rows, ["joined_on", "applied_at"])


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
    for code, form, employer, occupation, villages, count, pending_every in GROUPS:
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
            if result.membership is not None and not (pending_every and n % pending_every == pending_every - 1):
                membership_approve(actor=admin, membership=result.membership)
            created += 1
    _spread_over_the_year()
    # One application has waited too long: it shows as overdue to the county.
    Membership.objects.filter(status="pending", org=huoche).order_by("id").update(
        applied_at=timezone.now() - dt.timedelta(days=30)
    )
    return created

"""Made-up workers for demo data: valid, stable ID numbers and mobiles, sealed and indexed like real ones."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone

from gonghui.common.idcard import check_char
from gonghui.members.choices import JoinSource, MembershipStatus
from gonghui.members.models import Membership, Person
from gonghui.members.services import person_keys
from gonghui.orgs.models import OrgNode

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = ["建军", "明德", "桂芳", "长生", "小燕", "有才", "秋菊", "满仓", "金花", "福来", "春生", "玉梅"]


def demo_people(prefix: str, count: int, region: str, start: int = 1, *, migrant: bool = False) -> list[Person]:
    """`count` people (created once: a second run finds the same ones by their document numbers)."""
    rows = []
    for i in range(start, start + count):
        digest = hashlib.sha256(f"{prefix}-{i}".encode()).digest()
        birth = dt.date(1962, 1, 1) + dt.timedelta(days=digest[0] * 50 + digest[1])
        first17 = f"{region}{birth:%Y%m%d}{i % 1000:03d}"
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        rows.append(
            Person(
                name=name,
                id_number=first17 + check_char(first17),
                mobile=f"135{int.from_bytes(digest[2:6]) % 10**8:08d}",
                birth_date=birth,
                is_migrant_worker=migrant,
                **person_keys(name),
            )
        )
    Person.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    found = {p.id_hmac: p for p in Person.objects.filter(id_hmac__in=[p.id_hmac for p in rows])}
    return [found[p.id_hmac] for p in rows]


def demo_members(people: list[Person], org: OrgNode, *, employer: str = "") -> None:
    """Active memberships of `org` for those of `people` without a live one."""
    live = set(
        Membership.objects.filter(person__in=people, status__in=["pending", "active"]).values_list(
            "person_id", flat=True
        )
    )
    now = timezone.now()
    Membership.objects.bulk_create(
        [
            Membership(
                person=p,
                org=org,
                status=MembershipStatus.ACTIVE,
                source=JoinSource.CADRE,
                applied_at=now,
                joined_on=dt.date(2015, 5, 1),
                employer_name=employer,
            )
            for p in people
            if p.pk not in live
        ],
        batch_size=1000,
    )

"""The wishes objects (微心愿) of the shared permission World (see tests/world.py).

town_a sets its cap; union_a has a family wish waiting for vetting (the list pages' marker), one on the wall,
one claimed by 李在册 (the member persona) and not yet delivered, and 李在册's own wish, delivered by the
owner with a photo and waiting for his confirmation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.wishes.choices import ClaimantKind, ClaimStatus, WishCategory, WishSource, WishStatus
from gonghui.wishes.models import Claim, Wish, WishPolicy
from tests.factories import image_bytes

PENDING_TITLE = "测试心愿：一个新书包"


def _wish(world: Any, status: str, title: str, **values: Any) -> Wish:
    values.setdefault("source", WishSource.FAMILY)
    return Wish.objects.create(
        org=world.union_a,
        status=status,
        category=WishCategory.STUDY,
        title=title,
        text=f"{title}（原文）",
        public_text=f"{title}（公开说明）",
        value=Decimal(100),
        posted_by=world.users["owner"],
        **values,
    )


def build_wishes(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    policy = WishPolicy.objects.create(org=world.town_a, cap=Decimal(800), claim_days=10, updated_by=owner)
    pending = _wish(world, WishStatus.PENDING, PENDING_TITLE)
    on_wall = _wish(world, WishStatus.OPEN, "测试心愿：一箱牛奶")
    claimed = _wish(world, WishStatus.CLAIMED, "测试心愿：一套文具")
    due = timezone.now() + dt.timedelta(days=7)
    member_claim = Claim.objects.create(
        wish=claimed,
        kind=ClaimantKind.MEMBER,
        person=world.member.person,
        donor_name=world.member.person.name,
        claimed_by=world.users["member"],
        due_at=due,
    )
    mine = _wish(
        world, WishStatus.FULFILLED, "测试心愿：电动车头盔", source=WishSource.SELF, person=world.member.person
    )
    delivered = Claim(
        wish=mine,
        kind=ClaimantKind.CADRE,
        donor_name="大丰区总工会干部",
        claimed_by=owner,
        status=ClaimStatus.FULFILLED,
        due_at=due,
        note="已送到测试基层工会",
        photo_type="image/jpeg",
        fulfilled_at=timezone.now(),
    )
    delivered.photo.save("delivered.jpg", ContentFile(image_bytes()), save=True)
    return SimpleNamespace(
        policy=policy,
        pending=pending,
        open=on_wall,
        claimed=claimed,
        member_claim=member_claim,
        mine=mine,
        delivered=delivered,
    )

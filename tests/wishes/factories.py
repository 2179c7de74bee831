"""Factories of the wishes tests (the tree and members are in tests/factories.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.test import Client
from django.utils import timezone

from gonghui.accounts.models import UserKind
from gonghui.members.models import Membership, WorkerAccount
from gonghui.orgs.models import OrgNode
from gonghui.wishes.choices import ClaimantKind, ClaimStatus, WishCategory, WishSource, WishStatus
from gonghui.wishes.models import Claim, Wish
from gonghui.wishes.services import WishFields
from tests.factories import UserFactory


def fields(**overrides: Any) -> WishFields:
    values: dict[str, Any] = {
        "title": "一个新书包",
        "text": "孩子上三年级了，旧书包背带断了，想要一个结实的新书包。",
        "value": Decimal(120),
        "category": WishCategory.STUDY,
    }
    values.update(overrides)
    return WishFields(**values)


def make_wish(org: OrgNode, poster: Any, *, status: str = WishStatus.OPEN, **values: Any) -> Wish:
    """A wish as the database holds it (services are tested on their own)."""
    defaults: dict[str, Any] = {
        "source": WishSource.FAMILY,
        "category": WishCategory.STUDY,
        "title": "一个新书包",
        "text": "孩子想要一个新书包。",
        "public_text": "一名三年级小学生想要一个新书包。",
        "value": Decimal(120),
    }
    defaults.update(values)
    return Wish.objects.create(org=org, posted_by=poster, status=status, **defaults)


def make_claim(wish: Wish, by: Any, *, status: str = ClaimStatus.ACTIVE, days: int = 7, **values: Any) -> Claim:
    values.setdefault("kind", ClaimantKind.CADRE)
    values.setdefault("donor_name", "王干事")
    return Claim.objects.create(
        wish=wish, claimed_by=by, status=status, due_at=timezone.now() + dt.timedelta(days=days), **values
    )


def worker_client(membership: Membership) -> tuple[Client, Any]:
    """A phone signed in as the member's worker account."""
    user = UserFactory(username=f"w-{membership.person_id}", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=membership.person)
    client = Client()
    client.force_login(user)
    return client, user


def desk(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client

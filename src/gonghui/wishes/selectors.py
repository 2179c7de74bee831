"""Reads of 微心愿. Staff read through the scope; the public wall reads only approved wishes' public fields;
a worker reads their own wishes and their own claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404

from gonghui.common.figures import on_days
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.wishes.choices import DONE, LIVE_CLAIM, TAKEN, WishStatus
from gonghui.wishes.models import Claim, Wish, WishPolicy

# The list's grouped status filters (the figures link to them).
STATUS_GROUPS = {"taken": TAKEN, "done": DONE}
# What the public may see of a wish: approved, never pending, refused or withdrawn.
SHOWN = (WishStatus.OPEN, WishStatus.CLAIMED, WishStatus.FULFILLED, WishStatus.RECEIVED)
PUBLIC_FIELDS = ("pk", "org__name", "category", "title", "public_text", "value", "status", "created_at")


def _with_donor(qs: QuerySet[Wish]) -> QuerySet[Wish]:
    live = Claim.objects.filter(wish=OuterRef("pk"), status__in=LIVE_CLAIM)
    return qs.annotate(
        donor=Subquery(live.values("donor_name")[:1]),
        donor_kind=Subquery(live.values("kind")[:1]),
        due_at=Subquery(live.values("due_at")[:1]),
    )


def wishes_for(
    user: Any,
    *,
    status: str = "",
    source: str = "",
    category: str = "",
    under: OrgNode | None = None,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    q: str = "",
) -> QuerySet[Wish]:
    """Wishes of the unions in scope, newest first, each with its live claim's donor and deadline; `year`,
    `start` and `end` bound the day a wish was posted, as the 微心愿 figures count a period."""
    qs = scope_for(user).filter(Wish.objects.select_related("org"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if status in STATUS_GROUPS:
        qs = qs.filter(status__in=STATUS_GROUPS[status])
    elif status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    if category:
        qs = qs.filter(category=category)
    if year:
        qs = qs.filter(created_at__year=year)
    qs = qs.filter(on_days("created_at", start, end))
    if q.strip():
        qs = qs.filter(Q(title__contains=q.strip()) | Q(public_text__contains=q.strip()))
    return _with_donor(qs).order_by("-pk")


@dataclass(frozen=True)
class WishTotals:
    wishes: int
    value: Decimal  # 预估价值, as the 圆梦价值 figure sums it


def wish_totals(wishes: QuerySet[Wish]) -> WishTotals:
    """How many wishes the list holds and their value, in one query (the rows page by keyset, which never
    counts). The donor annotations are left out of it: Django drops annotations an aggregate does not use."""
    sums = wishes.order_by().aggregate(n=Count("pk"), value=Sum("value"))
    return WishTotals(sums["n"], sums["value"] or Decimal(0))


def wish_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Wish:
    wish: Wish = get_object_or_404(
        Wish.objects.select_related("org", "person", "hardship_file", "posted_by", "vetted_by"), pk=pk
    )
    require(user, wish.org, perm)
    return wish


def claim_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Claim:
    claim: Claim = get_object_or_404(Claim.objects.select_related("wish", "wish__org", "person", "enterprise"), pk=pk)
    require(user, claim.wish.org, perm)
    return claim


def claims_of_wish(wish: Wish) -> QuerySet[Claim]:
    """Every claim of the wish, the live one and the lapsed or released ones before it (the caller checked)."""
    return Claim.objects.filter(wish=wish).select_related("enterprise", "claimed_by").order_by("-pk")


def policies_for(user: Any) -> QuerySet[WishPolicy]:
    return scope_for(user).filter(WishPolicy.objects.select_related("org", "updated_by")).order_by("org__path")


# --- the public wall ---------------------------------------------------------------------------------------


def wall(*, under: OrgNode | None = None) -> QuerySet[Wish]:
    """Wishes waiting for a donor, oldest first (the longest-waiting wish is shown first); public fields only."""
    qs = Wish.objects.filter(status=WishStatus.OPEN)
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    return qs.select_related("org").only(*PUBLIC_FIELDS).order_by("pk")


def wall_unions() -> list[OrgNode]:
    """The unions the wall can narrow to: those with open wishes and the unions above them."""
    paths = {
        p
        for path in Wish.objects.filter(status=WishStatus.OPEN).values_list("org__path", flat=True).distinct()
        for p in paths_up(path)
    }
    return list(OrgNode.objects.filter(path__in=paths).only("code", "name", "path", "depth").order_by("path")[:200])


def public_wish(pk: int) -> Wish:
    shown = Wish.objects.select_related("org").only(*PUBLIC_FIELDS, "person")  # person: "this is your own wish"
    wish: Wish = get_object_or_404(shown, pk=pk, status__in=SHOWN)
    return wish


# --- the worker's own -------------------------------------------------------------------------------------


def wishes_of(person: Person) -> QuerySet[Wish]:
    return _with_donor(Wish.objects.filter(person=person).select_related("org")).order_by("-pk")


def wish_of(person: Person, pk: int) -> Wish:
    wish: Wish = get_object_or_404(Wish.objects.select_related("org"), pk=pk, person=person)
    return wish


def claims_of(person: Person) -> QuerySet[Claim]:
    return Claim.objects.filter(person=person).select_related("wish", "wish__org").order_by("-pk")


def claim_of(person: Person, pk: int) -> Claim:
    claim: Claim = get_object_or_404(Claim.objects.select_related("wish", "wish__org"), pk=pk, person=person)
    return claim


def live_claim(wish: Wish) -> Claim | None:
    return Claim.objects.filter(wish=wish, status__in=LIVE_CLAIM).first()

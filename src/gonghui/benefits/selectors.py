"""Reads of member cards and redemptions, through the scope; a worker reads only their own cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from gonghui.benefits.choices import CardKind, CardStatus
from gonghui.benefits.models import CardProduct, MemberCard, Merchant, Redemption
from gonghui.common.figures import dated_within, on_days
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def products_for(user: Any, *, under: OrgNode | None = None) -> QuerySet[CardProduct]:
    """Card products issued by unions in scope, newest first, with their card counts."""
    qs = scope_for(user).filter(CardProduct.objects.select_related("org", "eligible_org"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    return qs.annotate(
        active=Count("cards", filter=Q(cards__status=CardStatus.ACTIVE)),
        pending=Count("cards", filter=Q(cards__status=CardStatus.APPLIED)),
    ).order_by("-pk")


def product_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> CardProduct:
    product: CardProduct = get_object_or_404(CardProduct.objects.select_related("org", "eligible_org"), pk=pk)
    require(user, product.org, perm)
    return product


def cards_of_product(product: CardProduct, *, status: str = "", q: str = "") -> QuerySet[MemberCard]:
    """The product's cards for its issuer (the caller checked the scope), newest first."""
    qs = MemberCard.objects.filter(product=product).select_related("person", "org")
    if status:
        qs = qs.filter(status=status)
    if q.strip():
        qs = qs.filter(Q(number=q.strip().upper()) | Q(person__name__contains=q.strip()))
    return qs.order_by("-pk")


def card_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> MemberCard:
    card: MemberCard = get_object_or_404(MemberCard.objects.select_related("product__org", "person", "org"), pk=pk)
    require(user, card.product.org, perm)
    return card


def counts_by_union(product: CardProduct) -> list[tuple[str, int]]:
    """Active cards per holder's union ("旅游年卡1.7万余张", and where they are)."""
    rows = (
        MemberCard.objects.filter(product=product, status=CardStatus.ACTIVE)
        .values("org__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "org__name")
    )
    return [(row["org__name"], row["n"]) for row in rows[:200]]


@dataclass(frozen=True)
class Held:
    """The cards of one product that members of a subtree hold (the 会员卡 figures' drill-down)."""

    product_id: int
    name: str
    kind: str
    issuer: str
    issuer_in_scope: bool  # the product's page is the user's to open
    cards: int


def cards_held_for(
    user: Any,
    *,
    under: OrgNode | None,
    status: str = "",
    kind: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Held]:
    """The cards held by members of unions in scope (of `under`'s subtree), by product, as the figures count
    them: by the holder's union, of a status and a product kind, taking effect (生效日期) between `start` and
    `end`. One query; counts, never who."""
    cards = scope_for(user).filter(MemberCard.objects.all())
    if under is not None:
        cards = cards.filter(org__path__startswith=under.path)
    if status:
        cards = cards.filter(status=status)
    if kind:
        cards = cards.filter(product__kind=kind)
    cards = cards.filter(dated_within("valid_from", start, end))
    rows = (
        cards.order_by()
        .values("product_id", "product__name", "product__kind", "product__org__name", "product__org__path")
        .annotate(n=Count("pk"))
        .order_by("-n", "product__name")
    )
    scope, kinds = scope_for(user), dict(CardKind.choices)
    return [
        Held(
            r["product_id"],
            r["product__name"],
            str(kinds.get(r["product__kind"], r["product__kind"])),
            r["product__org__name"],
            scope.everything or any(r["product__org__path"].startswith(p) for p in scope.paths),
            r["n"],
        )
        for r in rows
    ]


def redemptions_for(
    user: Any,
    *,
    under: OrgNode | None = None,
    merchant: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[Redemption]:
    """Redemptions at merchants in scope, and by members of unions in scope wherever they shopped (the figures
    count a union's members' redemptions, at any merchant), newest first. `under` narrows to its subtree's
    members, `start`/`end` bound the day of the redemption."""
    scope = scope_for(user)
    rows = Redemption.objects.select_related("merchant__org", "card__product", "voucher__campaign", "org")
    if under is not None:  # the figures' drill-down: members of this union's subtree (in scope: all of it)
        require(user, under)
        rows = rows.filter(org__path__startswith=under.path)
    elif not scope.everything:
        orgs = scope.orgs().values("pk")
        rows = rows.filter(Q(merchant__in=Merchant.objects.filter(org__in=orgs).values("pk")) | Q(org__in=orgs))
    if merchant is not None:
        rows = rows.filter(merchant_id=merchant)
    return rows.filter(on_days("created_at", start, end)).order_by("-pk")


@dataclass(frozen=True)
class RedemptionTotals:
    redemptions: int
    discount: Decimal


def redemption_totals(rows: QuerySet[Redemption]) -> RedemptionTotals:
    """How many redemptions the list holds and the discount they add up to, in one query."""
    sums = rows.order_by().aggregate(n=Count("pk"), discount=Sum("discount"))
    return RedemptionTotals(sums["n"], sums["discount"] or Decimal(0))


def cards_of(person: Person) -> QuerySet[MemberCard]:
    return MemberCard.objects.filter(person=person).select_related("product", "product__org").order_by("-pk")


def card_of(person: Person, pk: int) -> MemberCard:
    card: MemberCard = get_object_or_404(cards_of(person), pk=pk)
    return card


def products_open_to(membership: Membership | None) -> QuerySet[CardProduct]:
    """Products a member may apply for in 我的: self-apply products whose audience holds their union."""
    if membership is None:
        return CardProduct.objects.none()
    above = paths_up(membership.org.path)
    return (
        CardProduct.objects.filter(is_active=True, self_apply=True)
        .filter(Q(eligible_org__path__in=above) | Q(eligible_org__isnull=True, org__path__in=above))
        .select_related("org")
        .order_by("org__path", "name")
    )

"""Reads of member cards, through the scope; a worker reads only their own cards."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from gonghui.benefits.choices import CardStatus
from gonghui.benefits.models import CardProduct, MemberCard
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

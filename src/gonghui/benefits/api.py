"""Member cards over the API: card products (list, create), a product's cards, issuing by rule, and a card's
decision, cancellation and renewal. Scoped to the caller's unions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.benefits import selectors, services
from gonghui.benefits.choices import CardKind, CardStatus, Validity
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.common.api_fields import Text50, Text100, Text200, Text500
from gonghui.common.paging import page_after
from gonghui.members.choices import EmploymentForm
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm

router = Router(tags=["benefits"])


class ProductOut(Schema):
    id: int
    org: str
    name: str
    kind: CardKind
    validity: Validity
    months: int
    price: Decimal
    bank_name: str
    is_active: bool
    active: int = 0
    pending: int = 0

    @staticmethod
    def resolve_org(obj: CardProduct) -> str:
        return obj.org.code


class ProductIn(Schema):
    org_code: Text100
    name: Text50
    kind: CardKind
    validity: Validity = Validity.CALENDAR_YEAR
    months: int = Field(default=12, ge=1, le=120)
    eligible_code: Text100 = ""
    employment_form: EmploymentForm | None = None
    price: Decimal = Field(default=Decimal(0), ge=0, max_digits=8, decimal_places=2)
    bank_name: Text50 = ""
    benefits: Text500 = ""
    self_apply: bool = True


class MemberCardOut(Schema):
    id: int
    product_id: int
    number: str
    holder: str
    org: str
    status: CardStatus
    bank_last4: str
    valid_from: dt.date | None
    valid_until: dt.date | None

    @staticmethod
    def resolve_holder(obj: MemberCard) -> str:
        return obj.person.name

    @staticmethod
    def resolve_org(obj: MemberCard) -> str:
        return obj.org.code


class MemberCardPage(Schema):
    items: list[MemberCardOut]
    next_after: int | None


class IssueIn(Schema):
    under_code: Text100 = ""


class IssueOut(Schema):
    issued: int


class CardDecideIn(Schema):
    approve: bool
    reason: Text200 = ""
    bank_last4: str = Field(default="", max_length=4)


class ReasonIn(Schema):
    reason: Text200


@router.get("/benefits/card-products", response=list[ProductOut], operation_id="benefits_products_list")
def benefits_products_list(request: HttpRequest, under: Text100 = "") -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.products_for(request.user, under=org)[:500])


@router.post("/benefits/card-products", response={201: ProductOut}, operation_id="benefits_products_create")
def benefits_products_create(request: HttpRequest, payload: ProductIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    eligible = org_selectors.org_pick_for(request.user, payload.eligible_code) if payload.eligible_code else None
    data = services.ProductFields(
        name=payload.name,
        kind=payload.kind,
        validity=payload.validity,
        months=payload.months,
        eligible_org=eligible,
        employment_form=payload.employment_form or "",
        price=payload.price,
        bank_name=payload.bank_name,
        benefits=payload.benefits,
        self_apply=payload.self_apply,
    )
    return Status(201, services.card_product_create(actor=request.user, org=org, data=data))


@router.get("/benefits/card-products/{int:pk}/cards", response=MemberCardPage, operation_id="benefits_cards_list")
def benefits_cards_list(
    request: HttpRequest, pk: int, status: CardStatus | None = None, after: int | None = None
) -> dict[str, Any]:
    product = selectors.product_get_for(request.user, pk)
    items, next_after = page_after(selectors.cards_of_product(product, status=status or ""), after=after)
    return {"items": items, "next_after": next_after}


@router.post("/benefits/card-products/{int:pk}/issue", response=IssueOut, operation_id="benefits_cards_issue")
def benefits_cards_issue(request: HttpRequest, pk: int, payload: IssueIn) -> dict[str, int]:
    """Issue the card to every eligible active member without one (safe to repeat)."""
    product = selectors.product_get_for(request.user, pk, Perm.ORG_EDIT)
    under = org_selectors.org_pick_for(request.user, payload.under_code) if payload.under_code else None
    return {"issued": services.cards_issue_by_rule(actor=request.user, product=product, under=under)}


@router.post("/benefits/cards/{int:pk}/decide", response=MemberCardOut, operation_id="benefits_cards_decide")
def benefits_cards_decide(request: HttpRequest, pk: int, payload: CardDecideIn) -> MemberCard:
    card = selectors.card_get_for(request.user, pk, Perm.ORG_EDIT)
    return services.card_decide(
        actor=request.user, card=card, approve=payload.approve, reason=payload.reason, bank_last4=payload.bank_last4
    )


@router.post("/benefits/cards/{int:pk}/cancel", response=MemberCardOut, operation_id="benefits_cards_cancel")
def benefits_cards_cancel(request: HttpRequest, pk: int, payload: ReasonIn) -> MemberCard:
    card = selectors.card_get_for(request.user, pk, Perm.ORG_EDIT)
    return services.card_cancel(actor=request.user, card=card, reason=payload.reason)


@router.post("/benefits/cards/{int:pk}/renew", response=MemberCardOut, operation_id="benefits_cards_renew")
def benefits_cards_renew(request: HttpRequest, pk: int) -> MemberCard:
    card = selectors.card_get_for(request.user, pk, Perm.ORG_EDIT)
    return services.card_renew(actor=request.user, card=card)


def _merchant_operations() -> None:
    from gonghui.benefits.merchant_api import router as merchant_router

    router.add_router("", merchant_router)


_merchant_operations()

"""微心愿 over the API: list, detail, create (a cadre posting for a hardship family), vet, claim (a cadre's
or an enterprise's claim at the desk) and fulfil (delivery with a note). Scoped to the caller's unions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from gonghui.assistance.selectors import file_get_for
from gonghui.common.api_fields import Text50, Text100, Text200, Text500, Year
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.wishes import claims, selectors, services
from gonghui.wishes.choices import ClaimantKind, ClaimStatus, WishCategory, WishSource, WishStatus
from gonghui.wishes.models import Claim, Wish

router = Router(tags=["wishes"])


class WishOut(Schema):
    id: int
    org: str
    source: WishSource
    category: WishCategory
    title: str
    public_text: str
    value: Decimal
    status: WishStatus
    reason: str
    donor: str | None = None
    due_at: dt.datetime | None = None
    created_at: dt.datetime

    @staticmethod
    def resolve_org(obj: Wish) -> str:
        return obj.org.code


class WishClaimOut(Schema):
    id: int
    wish_id: int
    kind: ClaimantKind
    donor_name: str
    status: ClaimStatus
    due_at: dt.datetime
    note: str
    has_photo: bool
    fulfilled_at: dt.datetime | None

    @staticmethod
    def resolve_has_photo(obj: Claim) -> bool:
        return bool(obj.photo)


class WishDetailOut(WishOut):
    text: str
    private_note: str
    thanks: str
    hardship_file_id: int | None
    claims: list[WishClaimOut]

    @staticmethod
    def resolve_claims(obj: Wish) -> list[Claim]:
        return list(selectors.claims_of_wish(obj))


class WishPage(Schema):
    items: list[WishOut]
    next_after: int | None


class WishIn(Schema):
    org_code: Text100
    title: Text50
    text: Text500
    value: Decimal = Field(gt=0, max_digits=12, decimal_places=2)
    category: WishCategory = WishCategory.OTHER
    public_text: Text500 = ""
    private_note: Text500 = ""
    hardship_file_id: int | None = Field(default=None, ge=1)


class WishVetIn(Schema):
    approve: bool
    title: Text50 = ""
    public_text: Text500 = ""
    reason: Text200 = ""


class WishClaimIn(Schema):
    kind: ClaimantKind = ClaimantKind.CADRE
    donor_name: Text100 = ""
    enterprise_uscc: str = Field(default="", max_length=30)


class WishFulfilIn(Schema):
    note: Text500


@router.get("/wishes", response=WishPage, operation_id="wishes_list")
def wishes_list(
    request: HttpRequest,
    status: WishStatus | None = None,
    source: WishSource | None = None,
    under: Text100 = "",
    year: Year | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    claims.claims_expire()
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.wishes_for(request.user, status=status or "", source=source or "", under=org, year=year)
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.get("/wishes/{int:pk}", response=WishDetailOut, operation_id="wishes_get")
def wishes_get(request: HttpRequest, pk: int) -> Wish:
    wish = selectors.wish_get_for(request.user, pk)
    claims.claims_expire(wish=wish)
    return selectors.wishes_for(request.user).get(pk=wish.pk)


@router.post("/wishes", response={201: WishDetailOut}, operation_id="wishes_create")
def wishes_create(request: HttpRequest, payload: WishIn) -> Status:
    """A cadre posts a wish for a hardship family's child; it waits for the union's vetting."""
    actor = acting_user(request)
    org = org_selectors.org_pick_for(actor, payload.org_code, Perm.ORG_EDIT)
    found = file_get_for(actor, payload.hardship_file_id) if payload.hardship_file_id else None
    data = services.WishFields(
        title=payload.title,
        text=payload.text,
        value=payload.value,
        category=payload.category,
        public_text=payload.public_text,
        private_note=payload.private_note,
    )
    wish = services.wish_post_for_family(actor=actor, org=org, data=data, hardship_file=found)
    return Status(201, selectors.wishes_for(actor).get(pk=wish.pk))


@router.post("/wishes/{int:pk}/vet", response=WishDetailOut, operation_id="wishes_vet")
def wishes_vet(request: HttpRequest, pk: int, payload: WishVetIn) -> Wish:
    actor = acting_user(request)
    wish = selectors.wish_get_for(actor, pk, Perm.REVIEW)
    services.wish_vet(
        actor=actor,
        wish=wish,
        approve=payload.approve,
        title=payload.title,
        public_text=payload.public_text,
        reason=payload.reason,
    )
    return selectors.wishes_for(actor).get(pk=pk)


@router.post("/wishes/{int:pk}/claim", response={201: WishClaimOut}, operation_id="wishes_claim")
def wishes_claim(request: HttpRequest, pk: int, payload: WishClaimIn) -> Status:
    """Claim at the desk, for the cadre or an enterprise; exactly one claimant per wish, even under a rush."""
    actor = acting_user(request)
    wish = selectors.wish_get_for(actor, pk, Perm.ORG_EDIT)
    enterprise = None
    if payload.kind == ClaimantKind.ENTERPRISE and payload.enterprise_uscc.strip():
        enterprise = org_selectors.enterprise_in_scope(
            actor, payload.enterprise_uscc, wish.org, Perm.VIEW, field="enterprise_uscc"
        )
    claim = claims.claim_at_desk(
        actor=actor, wish=wish, kind=payload.kind, donor_name=payload.donor_name, enterprise=enterprise
    )
    return Status(201, claim)


@router.post("/wishes/claims/{int:pk}/fulfil", response=WishClaimOut, operation_id="wishes_fulfil")
def wishes_fulfil(request: HttpRequest, pk: int, payload: WishFulfilIn) -> Claim:
    """Record a delivery with a note (a photo is added on the workbench or the donor's phone)."""
    actor = acting_user(request)
    claim = selectors.claim_get_for(actor, pk, Perm.ORG_EDIT)
    return claims.claim_fulfil(claim=claim, actor=actor, note=payload.note)

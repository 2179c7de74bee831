"""特惠商户 and vouchers over the API.

For a merchant's till (a cashier's token or phone session, never a staff one): what a scanned e-card may
have here, recording a sale with its idempotency key, and the merchant's own records. For union staff
(scoped): merchants, redemptions, voucher campaigns and issuing a period's vouchers by rule.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from pydantic import Field

from gonghui.accounts.api_auth import MERCHANT_AUTH
from gonghui.benefits import merchants, vouchers
from gonghui.benefits.choices import MerchantCategory, MerchantStatus, VoucherKind
from gonghui.benefits.merchant_staff import staff_of
from gonghui.benefits.models import Merchant, MerchantStaff, Redemption, VoucherCampaign
from gonghui.benefits.redemptions import redemption_offer, redemption_record
from gonghui.common.api_fields import Text100
from gonghui.common.paging import page_after
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for

router = Router(tags=["benefits"])


class MerchantOut(Schema):
    id: int
    org: str = Field(..., alias="org.code")
    name: str
    uscc: str
    category: MerchantCategory
    address: str
    lat: Decimal | None
    lng: Decimal | None
    agreement_from: dt.date
    agreement_until: dt.date
    status: MerchantStatus


class RedemptionOut(Schema):
    id: int
    key: str
    merchant_id: int
    card_id: int | None
    voucher_id: int | None
    amount_before: Decimal
    amount_after: Decimal
    discount: Decimal
    created_at: dt.datetime


class RedemptionPage(Schema):
    items: list[RedemptionOut]
    next_after: int | None


class ScanIn(Schema):
    token: str = Field(..., max_length=500)


class OfferCardOut(Schema):
    product: str
    percent_off: Decimal
    text: str


class OfferVoucherOut(Schema):
    id: int
    name: str
    face_value: Decimal
    min_spend: Decimal
    expires_at: dt.datetime


class RedemptionOfferOut(Schema):
    holder: str
    card: OfferCardOut | None
    vouchers: list[OfferVoucherOut]


class RedeemIn(Schema):
    token: str = Field(..., max_length=500)
    amount: Decimal = Field(..., gt=0, le=1_000_000, max_digits=9, decimal_places=2)
    key: str = Field(..., min_length=8, max_length=64, description="idempotency key: a retry sends the same one")
    voucher_id: int | None = None
    use_card: bool = True


class VoucherCampaignOut(Schema):
    id: int
    org: str = Field(..., alias="org.code")
    name: str
    kind: VoucherKind
    face_value: Decimal
    starts_on: dt.date
    ends_on: dt.date
    budget: int
    issued: int


class VoucherIssueOut(Schema):
    issued: int


def _cashier(request: HttpRequest) -> MerchantStaff:
    staff = staff_of(request.user)
    if staff is None:
        raise Http404
    return staff


@router.post(
    "/benefits/redemptions/offer", response=RedemptionOfferOut, auth=MERCHANT_AUTH, operation_id="benefits_offer"
)
def benefits_offer(request: HttpRequest, payload: ScanIn) -> dict[str, Any]:
    """What the scanned member may have at the cashier's merchant; 422 with the reason when nothing."""
    offer = redemption_offer(merchant=_cashier(request).merchant, token=payload.token)
    return {
        "holder": offer.holder.label,
        "card": offer.card.__dict__ if offer.card else None,
        "vouchers": [
            {
                "id": v.pk,
                "name": v.campaign.name,
                "face_value": v.campaign.face_value,
                "min_spend": v.campaign.min_spend,
                "expires_at": v.expires_at,
            }
            for v in offer.vouchers
        ],
    }


@router.post("/benefits/redemptions", response=RedemptionOut, auth=MERCHANT_AUTH, operation_id="benefits_redeem")
def benefits_redeem(request: HttpRequest, payload: RedeemIn) -> Redemption:
    """Record a sale with the member's discount; the same key again answers with the first record."""
    return redemption_record(
        staff=_cashier(request),
        token=payload.token,
        amount=payload.amount,
        key=payload.key,
        voucher_id=payload.voucher_id,
        use_card=payload.use_card,
    )


@router.get(
    "/benefits/merchant/redemptions",
    response=RedemptionPage,
    auth=MERCHANT_AUTH,
    operation_id="benefits_merchant_redemptions",
)
def benefits_merchant_redemptions(request: HttpRequest, after: int | None = None) -> dict[str, Any]:
    """The cashier's merchant's own records, newest first (never another merchant's)."""
    rows = Redemption.objects.filter(merchant=_cashier(request).merchant).order_by("-pk")
    items, next_after = page_after(rows, after=after, size=100)
    return {"items": items, "next_after": next_after}


@router.get("/benefits/merchants", response=list[MerchantOut], operation_id="benefits_merchants_list")
def benefits_merchants_list(request: HttpRequest, status: MerchantStatus | None = None) -> list[Merchant]:
    return list(merchants.merchants_for(request.user, status=status or "")[:500])


@router.get("/benefits/merchants/{int:pk}", response=MerchantOut, operation_id="benefits_merchants_get")
def benefits_merchants_get(request: HttpRequest, pk: int) -> Merchant:
    return merchants.merchant_get_for(request.user, pk)


@router.get("/benefits/redemptions", response=RedemptionPage, operation_id="benefits_redemptions_list")
def benefits_redemptions_list(
    request: HttpRequest, merchant: int | None = None, after: int | None = None
) -> dict[str, Any]:
    """Redemptions at the merchants of the caller's unions, newest first."""
    shops = scope_for(request.user).filter(Merchant.objects.all()).values("pk")
    rows = Redemption.objects.filter(merchant__in=shops)
    if merchant is not None:
        rows = rows.filter(merchant_id=merchant)
    items, next_after = page_after(rows.order_by("-pk"), after=after, size=100)
    return {"items": items, "next_after": next_after}


@router.get(
    "/benefits/voucher-campaigns", response=list[VoucherCampaignOut], operation_id="benefits_voucher_campaigns_list"
)
def benefits_voucher_campaigns_list(request: HttpRequest, q: Text100 = "") -> list[VoucherCampaign]:
    rows = vouchers.voucher_campaigns_for(request.user)
    return list((rows.filter(name__icontains=q) if q else rows)[:200])


@router.post(
    "/benefits/voucher-campaigns/{int:pk}/issue", response=VoucherIssueOut, operation_id="benefits_vouchers_issue"
)
def benefits_vouchers_issue(request: HttpRequest, pk: int) -> dict[str, int]:
    """Give every eligible member without one this period's voucher, as far as the budget goes (safe to repeat)."""
    campaign = vouchers.voucher_campaign_get_for(request.user, pk, Perm.ORG_EDIT)
    return {"issued": vouchers.vouchers_issue_by_rule(actor=request.user, campaign=campaign)}

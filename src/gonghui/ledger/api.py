"""The aid ledger over the API: payouts (maker and checker), a campaign's bulk approval and its coverage."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.assistance.selectors import file_get_for
from gonghui.campaigns.api import CampaignOut
from gonghui.campaigns.selectors import campaign_get_for, campaigns_covering
from gonghui.ledger import selectors
from gonghui.ledger.bulk import bulk_approve_start
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.coverage import Money, Totals, campaign_coverage
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create, aid_payout_reject
from gonghui.members.selectors import membership_get_for
from gonghui.orgs import selectors as org_selectors

router = Router(tags=["ledger"])


class PayoutIn(Schema):
    org_code: str
    kind: PayoutKind
    fund: FundSource
    paid_on: dt.date
    amount: Decimal = Decimal(0)
    goods: str = ""
    goods_value: Decimal = Decimal(0)
    membership_id: int | None = None
    file_id: int | None = None
    enterprise_id: int | None = None
    campaign_id: int | None = None
    reference: str = ""
    override_reason: str = ""


class PayoutOut(Schema):
    id: int
    org: str
    person: str | None
    enterprise: str | None
    campaign_id: int | None
    kind: PayoutKind
    amount: Decimal
    goods: str
    goods_value: Decimal
    fund: FundSource
    paid_on: dt.date
    status: PayoutStatus
    maker: str
    checker: str | None
    warnings: list[str] = []  # for the maker, on entry: e.g. the campaign is now over its budget

    @staticmethod
    def resolve_org(obj: Payout) -> str:
        return obj.org.code

    @staticmethod
    def resolve_person(obj: Payout) -> str | None:
        return obj.person.name if obj.person else None

    @staticmethod
    def resolve_enterprise(obj: Payout) -> str | None:
        return obj.enterprise.name if obj.enterprise else None

    @staticmethod
    def resolve_maker(obj: Payout) -> str:
        return obj.maker.get_username()

    @staticmethod
    def resolve_checker(obj: Payout) -> str | None:
        return obj.checker.get_username() if obj.checker else None


class RejectIn(Schema):
    reason: str


class MoneyOut(Schema):
    payouts: int
    money: Decimal
    goods: Decimal


class TotalsOut(MoneyOut):
    people: int
    enterprises: int


class ChildOut(Schema):
    org: str
    name: str
    beneficiaries: int
    paid: TotalsOut


class CoverageOut(Schema):
    campaign: CampaignOut
    beneficiaries: int
    total: TotalsOut
    by_kind: dict[str, MoneyOut]
    by_fund: dict[str, MoneyOut]
    by_child: list[ChildOut]
    budget_used_percent: Decimal | None
    reconciles: bool


class JobStartedOut(Schema):
    job_id: str
    status: str


def _money(t: Money) -> dict[str, Any]:
    return {"payouts": t.payouts, "money": t.money, "goods": t.goods}


def _totals(t: Totals) -> dict[str, Any]:
    return {**_money(t), "people": t.people, "enterprises": t.enterprises}


@router.get("/assistance/payouts", response=list[PayoutOut], operation_id="assistance_payouts_list")
def assistance_payouts_list(
    request: HttpRequest, campaign: int | None = None, status: str = "", limit: int = 50
) -> Any:
    payouts = selectors.payouts_for(request.user, selectors.PayoutFilters(campaign=campaign, status=status))
    return payouts.select_related("maker", "checker")[: max(1, min(limit, 200))]


@router.post("/assistance/payouts", response={201: PayoutOut}, operation_id="assistance_payouts_create")
def assistance_payouts_create(request: HttpRequest, payload: PayoutIn) -> Status:
    """Enter a payout (the maker); it counts once another person approves it."""
    actor = request.user
    org = org_selectors.org_pick_for(actor, payload.org_code)
    person = membership_get_for(actor, payload.membership_id).person if payload.membership_id else None
    file = file_get_for(actor, payload.file_id, request=request) if payload.file_id else None
    enterprise = (
        get_object_or_404(org_selectors.enterprises_for(actor), pk=payload.enterprise_id)
        if payload.enterprise_id
        else None
    )
    # A grassroots cadre pays within the campaign of a union above (which they need not see otherwise).
    campaign = get_object_or_404(campaigns_covering(org), pk=payload.campaign_id) if payload.campaign_id else None
    payout = aid_payout_create(
        actor=actor,
        org=org,
        kind=payload.kind,
        fund=payload.fund,
        paid_on=payload.paid_on,
        amount=payload.amount,
        goods=payload.goods,
        goods_value=payload.goods_value,
        person=person,
        file=file,
        enterprise=enterprise,
        campaign=campaign,
        reference=payload.reference,
        override_reason=payload.override_reason,
    )
    return Status(201, payout)


@router.post("/assistance/payouts/{int:pk}/approve", response=PayoutOut, operation_id="assistance_payouts_approve")
def assistance_payouts_approve(request: HttpRequest, pk: int) -> Payout:
    """The checker's approval: not the maker, and never a second payment of a kind in a campaign."""
    return aid_payout_approve(actor=request.user, payout=selectors.payout_get_for(request.user, pk))


@router.post("/assistance/payouts/{int:pk}/reject", response=PayoutOut, operation_id="assistance_payouts_reject")
def assistance_payouts_reject(request: HttpRequest, pk: int, payload: RejectIn) -> Payout:
    return aid_payout_reject(
        actor=request.user, payout=selectors.payout_get_for(request.user, pk), reason=payload.reason
    )


@router.post("/campaigns/{int:pk}/payouts/approve", response=JobStartedOut, operation_id="campaigns_payouts_approve")
def campaigns_payouts_approve(request: HttpRequest, pk: int) -> JobStartedOut:
    """Start the bulk approval of the campaign's pending payouts (FINANCE); poll /jobs/{job_id}."""
    job = bulk_approve_start(actor=request.user, campaign=campaign_get_for(request.user, pk))
    return JobStartedOut(job_id=str(job.pk), status=job.status)


@router.get("/campaigns/{int:pk}/coverage", response=CoverageOut, operation_id="campaigns_coverage")
def campaigns_coverage(request: HttpRequest, pk: int) -> dict[str, Any]:
    """People reached, money and goods: in total, by kind, by fund and by child union; against the budget."""
    campaign = campaign_get_for(request.user, pk)
    coverage = campaign_coverage(request.user, campaign)
    return {
        "campaign": campaign,
        "beneficiaries": coverage.beneficiaries,
        "total": _totals(coverage.total),
        "by_kind": {k: _money(v) for k, v in coverage.by_kind.items()},
        "by_fund": {k: _money(v) for k, v in coverage.by_fund.items()},
        "by_child": [
            {"org": child.code, "name": child.name, "beneficiaries": n, "paid": _totals(t)}
            for child, n, t in coverage.by_child
        ],
        "budget_used_percent": coverage.budget_used,
        "reconciles": coverage.reconciles,
    }

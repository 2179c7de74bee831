"""Campaigns over the API: list, create, and coverage figures, scoped to the caller's subtree."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from gonghui.assistance.bulk import bulk_approve_start
from gonghui.assistance.choices import PayoutKind
from gonghui.campaigns import selectors
from gonghui.campaigns.choices import BeneficiarySource, CampaignKind, TargetGroup
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.campaigns.rules import beneficiaries_by_rule
from gonghui.campaigns.selectors import Money, Totals
from gonghui.campaigns.services import campaign_create
from gonghui.orgs import selectors as org_selectors

router = Router(tags=["campaigns"])


class CampaignIn(Schema):
    org_code: str
    name: str
    kind: CampaignKind
    year: int
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal = Decimal(0)
    target_group: TargetGroup | None = None
    reported_total: Decimal | None = None
    standards: dict[PayoutKind, Decimal] = {}


class CampaignOut(Schema):
    id: int
    org: str
    name: str
    kind: CampaignKind
    year: int
    starts_on: dt.date
    ends_on: dt.date
    budget: Decimal
    reported_total: Decimal | None
    standards: dict[str, Decimal]

    @staticmethod
    def resolve_org(obj: Campaign) -> str:
        return obj.org.code


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


@router.get("/campaigns", response=list[CampaignOut], operation_id="campaigns_list")
def campaigns_list(request: HttpRequest, kind: str = "", year: int | None = None) -> Any:
    return selectors.campaigns_for(request.user, kind=kind, year=year)[:200]


@router.post("/campaigns", response={201: CampaignOut}, operation_id="campaigns_create")
def campaigns_create(request: HttpRequest, payload: CampaignIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    data = payload.dict(exclude={"org_code"})
    data["target_group"] = data["target_group"] or ""
    return Status(201, campaign_create(actor=request.user, org=org, **data))


def _money(t: Money) -> dict[str, Any]:
    return {"payouts": t.payouts, "money": t.money, "goods": t.goods}


def _totals(t: Totals) -> dict[str, Any]:
    return {**_money(t), "people": t.people, "enterprises": t.enterprises}


class BeneficiaryOut(Schema):
    id: int
    person: str
    org: str
    source: BeneficiarySource
    note: str

    @staticmethod
    def resolve_person(obj: Beneficiary) -> str:
        return obj.person.name

    @staticmethod
    def resolve_org(obj: Beneficiary) -> str:
        return obj.org.code


class RuleIn(Schema):
    group: TargetGroup
    category: str = ""
    employment_form: str = ""


class AddedOut(Schema):
    added: int


class JobStartedOut(Schema):
    job_id: str
    status: str


@router.get(
    "/campaigns/{int:pk}/beneficiaries", response=list[BeneficiaryOut], operation_id="campaigns_beneficiaries_list"
)
def campaigns_beneficiaries_list(request: HttpRequest, pk: int, after: int = 0, limit: int = 100) -> Any:
    """The list where the caller does assistance work, in pages: pass the last `id` back as `after`."""
    campaign = selectors.campaign_get_for(request.user, pk)
    rows = selectors.beneficiaries_for(request.user, campaign).filter(pk__gt=after).order_by("pk")
    return rows[: max(1, min(limit, 500))]


@router.post("/campaigns/{int:pk}/beneficiaries/rule", response=AddedOut, operation_id="campaigns_beneficiaries_rule")
def campaigns_beneficiaries_rule(request: HttpRequest, pk: int, payload: RuleIn) -> dict[str, int]:
    """Add everyone a rule selects in the campaign's subtree (outdoor workers, 尘肺病 files …)."""
    campaign = selectors.campaign_get_for(request.user, pk)
    return {"added": beneficiaries_by_rule(actor=request.user, campaign=campaign, **payload.dict())}


@router.post("/campaigns/{int:pk}/payouts/approve", response=JobStartedOut, operation_id="campaigns_payouts_approve")
def campaigns_payouts_approve(request: HttpRequest, pk: int) -> JobStartedOut:
    """Start the bulk approval of the campaign's pending payouts (FINANCE); poll /jobs/{job_id}."""
    job = bulk_approve_start(actor=request.user, campaign=selectors.campaign_get_for(request.user, pk))
    return JobStartedOut(job_id=str(job.pk), status=job.status)


@router.get("/campaigns/{int:pk}/coverage", response=CoverageOut, operation_id="campaigns_coverage")
def campaigns_coverage(request: HttpRequest, pk: int) -> dict[str, Any]:
    """People reached, money and goods: in total, by kind, by fund and by child union; against the budget."""
    campaign = selectors.campaign_get_for(request.user, pk)
    coverage = selectors.campaign_coverage(request.user, campaign)
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

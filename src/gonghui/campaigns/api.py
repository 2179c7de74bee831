"""Campaigns over the API: list, create, and coverage figures, scoped to the caller's subtree."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from gonghui.assistance.choices import PayoutKind
from gonghui.campaigns import selectors
from gonghui.campaigns.choices import BeneficiarySource, CampaignKind, TargetGroup
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.campaigns.rules import beneficiaries_by_rule
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


@router.get("/campaigns", response=list[CampaignOut], operation_id="campaigns_list")
def campaigns_list(request: HttpRequest, kind: str = "", year: int | None = None) -> Any:
    return selectors.campaigns_for(request.user, kind=kind, year=year)[:200]


@router.post("/campaigns", response={201: CampaignOut}, operation_id="campaigns_create")
def campaigns_create(request: HttpRequest, payload: CampaignIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code)
    data = payload.dict(exclude={"org_code"})
    data["target_group"] = data["target_group"] or ""
    return Status(201, campaign_create(actor=request.user, org=org, **data))


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

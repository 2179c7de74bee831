"""集体合同 over the API (staff, scoped: Perm.VIEW to read, Perm.ORG_EDIT on the negotiating union to write):
contracts (the list takes the figures' filters), opening one with its 要约, each stage, coverage, renewal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text30, Text100, Text500, Year
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.contracts import selectors, services, stages
from gonghui.rights.contracts.choices import ContractLevel, ContractStage, Kind, Party
from gonghui.rights.contracts.models import Contract
from gonghui.rights.democracy.models import Session

router = Router(tags=["contracts"])


class ContractOut(Schema):
    id: int
    org: str
    level: ContractLevel
    kind: Kind
    title: str
    enterprise_id: int | None
    stage: ContractStage
    offered_on: dt.date
    session_id: int | None
    signed_on: dt.date | None
    filed_on: dt.date | None
    published_on: dt.date | None
    starts_on: dt.date
    ends_on: dt.date
    wage_growth: Decimal | None
    min_wage: Decimal | None
    weekly_hours: Decimal | None
    workers: int
    renews_id: int | None

    @staticmethod
    def resolve_org(obj: Contract) -> str:
        return obj.org.code


class TermsIn(Schema):
    starts_on: dt.date
    ends_on: dt.date
    wage_growth: Decimal | None = None
    min_wage: Decimal | None = None
    weekly_hours: Decimal | None = None


class ContractIn(TermsIn):
    org_code: Text100
    level: ContractLevel
    kind: Kind
    title: Text100
    enterprises: list[Text30]  # 统一社会信用代码: the enterprise (enterprise contracts), or those covered
    offered_on: dt.date
    offered_by: Party = Party.UNION


class MeetingIn(Schema):
    held_on: dt.date
    summary: Text500


class DeliberateIn(Schema):
    session_id: int


class DateIn(Schema):
    on: dt.date


class CoverageIn(Schema):
    enterprises: list[Text30]


def _terms(payload: TermsIn) -> services.Terms:
    return services.Terms(**payload.dict(include={"starts_on", "ends_on", "wage_growth", "min_wage", "weekly_hours"}))


@router.get("/contracts", response=list[ContractOut], operation_id="contracts_list")
def contracts_list(
    request: HttpRequest,
    under: Text100 = "",
    year: Year | None = None,
    kind: Kind | None = None,
    level: ContractLevel | None = None,
    stage: ContractStage | None = None,
    expiring: bool = False,
) -> Any:
    """Contracts in scope, newest first; `year`: in force that year; `expiring`: ending within 90 days, not renewed."""
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.contracts_for(
        request.user, under=org, year=year, kind=kind or "", level=level or "", stage=stage or "", soon=expiring
    )
    return list(qs[:500])


@router.get("/contracts/{int:pk}", response=ContractOut, operation_id="contracts_get")
def contracts_get(request: HttpRequest, pk: int) -> Contract:
    return selectors.contract_get_for(request.user, pk)


@router.post("/contracts", response={201: ContractOut}, operation_id="contracts_create")
def contracts_create(request: HttpRequest, payload: ContractIn) -> Status:
    """Record the 要约 opening a negotiation (an enterprise contract names its one enterprise)."""
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    found = selectors.enterprises_named(request.user, payload.enterprises, org)
    made = services.contract_open(
        actor=acting_user(request),
        org=org,
        level=payload.level,
        kind=payload.kind,
        title=payload.title,
        terms=_terms(payload),
        offered_on=payload.offered_on,
        offered_by=payload.offered_by,
        enterprise=found[0] if payload.level == ContractLevel.ENTERPRISE and len(found) == 1 else None,
        enterprises=found,
    )
    return Status(201, made)


def _writable(request: HttpRequest, pk: int) -> Contract:
    return selectors.contract_get_for(request.user, pk, Perm.ORG_EDIT)


@router.post("/contracts/{int:pk}/terms", response=ContractOut, operation_id="contracts_terms")
def contracts_terms(request: HttpRequest, pk: int, payload: TermsIn) -> Contract:
    return services.terms_set(actor=acting_user(request), contract=_writable(request, pk), terms=_terms(payload))


@router.post("/contracts/{int:pk}/coverage", response=ContractOut, operation_id="contracts_coverage")
def contracts_coverage(request: HttpRequest, pk: int, payload: CoverageIn) -> Contract:
    contract = _writable(request, pk)
    found = selectors.enterprises_named(request.user, payload.enterprises, contract.org)
    return services.coverage_set(actor=acting_user(request), contract=contract, enterprises=found)


@router.post("/contracts/{int:pk}/meetings", response=ContractOut, operation_id="contracts_meeting")
def contracts_meeting(request: HttpRequest, pk: int, payload: MeetingIn) -> Contract:
    """A round of 集体协商 (the minutes' file is uploaded on the workbench)."""
    contract = _writable(request, pk)
    stages.meeting_record(
        actor=acting_user(request), contract=contract, held_on=payload.held_on, summary=payload.summary
    )
    return selectors.contract_get_for(request.user, pk)


@router.post("/contracts/{int:pk}/deliberate", response=ContractOut, operation_id="contracts_deliberate")
def contracts_deliberate(request: HttpRequest, pk: int, payload: DeliberateIn) -> Contract:
    contract = _writable(request, pk)
    session = get_object_or_404(Session, pk=payload.session_id, enterprise_id=contract.enterprise_id)
    return stages.contract_deliberate(actor=acting_user(request), contract=contract, session=session)


@router.post("/contracts/{int:pk}/sign", response=ContractOut, operation_id="contracts_sign")
def contracts_sign(request: HttpRequest, pk: int, payload: DateIn) -> Contract:
    """签订; 422 for an enterprise contract its 职代会 has not deliberated."""
    return stages.contract_sign(actor=acting_user(request), contract=_writable(request, pk), signed_on=payload.on)


@router.post("/contracts/{int:pk}/file", response=ContractOut, operation_id="contracts_file")
def contracts_file(request: HttpRequest, pk: int, payload: DateIn) -> Contract:
    return stages.contract_file(actor=acting_user(request), contract=_writable(request, pk), filed_on=payload.on)


@router.post("/contracts/{int:pk}/publish", response=ContractOut, operation_id="contracts_publish")
def contracts_publish(request: HttpRequest, pk: int, payload: DateIn) -> Contract:
    return stages.contract_publish(actor=acting_user(request), contract=_writable(request, pk), published_on=payload.on)


@router.post("/contracts/{int:pk}/renew", response={201: ContractOut}, operation_id="contracts_renew")
def contracts_renew(request: HttpRequest, pk: int) -> Status:
    """Open the negotiation of the contract that continues this one."""
    return Status(201, services.contract_renew(actor=acting_user(request), contract=_writable(request, pk)))

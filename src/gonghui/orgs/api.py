"""Org tree, enterprises and committees over the API. Thin: selectors and services do the work."""

import datetime as dt
from dataclasses import replace

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from gonghui.common.api_fields import Text20, Text50, Text100
from gonghui.orgs import selectors
from gonghui.orgs.counters import subtree_total
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import (
    CommitteeBody,
    CommitteeSeat,
    CommitteeTerm,
    Enterprise,
    Industry,
    OrgNode,
    Ownership,
    SeatPosition,
)
from gonghui.orgs.roles import Perm
from gonghui.orgs.services import (
    EnterpriseFields,
    OrgFields,
    enterprise_create,
    enterprise_update,
    org_create,
    org_move,
    org_update,
)

router = Router(tags=["orgs"])


class OrgOut(Schema):
    code: str
    name: str
    kind: OrgKind
    kind_label: str = Field(..., alias="get_kind_display")
    region_code: str = Field(..., alias="region_id")
    uscc: str
    address: str
    chair_name: str
    established_on: dt.date | None
    is_active: bool
    depth: int
    child_count: int = Field(..., alias="numchild")
    member_count: int


class OrgIn(Schema):
    name: str
    kind: OrgKind
    region_code: str
    uscc: str = ""
    address: str = ""
    chair_name: str = ""
    established_on: dt.date | None = None
    is_active: bool = True

    def to_fields(self) -> OrgFields:
        return OrgFields(**self.dict(include=set(OrgIn.model_fields)))


class OrgPatchIn(Schema):
    """Only the fields sent change; the others keep what is on record."""

    name: str | None = None
    kind: OrgKind | None = None
    region_code: str | None = None
    uscc: str | None = None
    address: str | None = None
    chair_name: str | None = None
    established_on: dt.date | None = None
    is_active: bool | None = None

    def to_fields(self, org: OrgNode) -> OrgFields:
        current = OrgFields(
            name=org.name,
            kind=org.kind,
            region_code=org.region_id,
            uscc=org.uscc,
            address=org.address,
            chair_name=org.chair_name,
            established_on=org.established_on,
            is_active=org.is_active,
        )
        sent = {k: v for k, v in self.dict(exclude_unset=True).items() if v is not None or k == "established_on"}
        return replace(current, **sent)


class OrgCreateIn(OrgIn):
    code: str = ""


class MoveIn(Schema):
    new_parent: str


class OrgStatsOut(Schema):
    code: str
    subtree_members: int
    subtree_orgs: int


class CommitteeSeatOut(Schema):
    person_name: str
    position: SeatPosition
    is_front_line: bool


class TermOut(Schema):
    body: CommitteeBody
    number: int
    elected_on: dt.date
    starts_on: dt.date
    ends_on: dt.date
    seats: list[CommitteeSeatOut]

    @staticmethod
    def resolve_seats(obj: CommitteeTerm) -> list[CommitteeSeat]:
        return list(obj.seats.all())


class EnterpriseOut(Schema):
    id: int
    name: str
    uscc: str
    industry: Industry
    ownership: Ownership
    employee_count: int
    region_code: str = Field(..., alias="region_id")
    address: str
    union_code: str = Field(..., alias="union.code")
    contact_name: str
    contact_phone: str | None  # masked (138****5678); the full number is on the audited workbench page

    @staticmethod
    def resolve_contact_phone(obj: Enterprise) -> str | None:
        return str(obj.contact_phone) if obj.contact_phone else None


class EnterpriseIn(Schema):
    name: str
    uscc: str
    industry: Industry
    ownership: Ownership = Ownership.PRIVATE
    employee_count: int = 0
    region_code: str
    address: str = ""
    contact_name: Text50 = ""
    contact_phone: Text20 = ""


class EnterprisePatchIn(Schema):
    """Only the fields sent change. `union_code` hands the enterprise over to another union in scope; a
    blank `contact_phone` keeps the number on record."""

    name: str | None = None
    uscc: str | None = None
    industry: Industry | None = None
    ownership: Ownership | None = None
    employee_count: int | None = None
    region_code: str | None = None
    address: str | None = None
    contact_name: Text50 | None = None
    contact_phone: Text20 | None = None
    union_code: Text100 | None = None

    def to_fields(self, enterprise: Enterprise) -> EnterpriseFields:
        current = EnterpriseFields(
            name=enterprise.name,
            uscc=enterprise.uscc,
            industry=enterprise.industry,
            ownership=enterprise.ownership,
            employee_count=enterprise.employee_count,
            region_code=enterprise.region_id,
            address=enterprise.address,
            contact_name=enterprise.contact_name,
            contact_phone="",  # blank keeps the stored number
        )
        sent = {k: v for k, v in self.dict(exclude_unset=True, exclude={"union_code"}).items() if v is not None}
        return replace(current, **sent)


@router.get("/orgs", response=list[OrgOut], operation_id="orgs_list")
@paginate(LimitOffsetPagination)
def orgs_list(request: HttpRequest, q: str = "", kind: OrgKind | None = None) -> list[OrgNode]:
    return selectors.orgs_for(request.user, q=q, kind=kind or "")  # type: ignore[return-value]


@router.get("/orgs/{code}", response=OrgOut, operation_id="orgs_get")
def orgs_get(request: HttpRequest, code: str) -> OrgNode:
    return selectors.org_get_for(request.user, code)


@router.get("/orgs/{code}/children", response=list[OrgOut], operation_id="orgs_children")
def orgs_children(request: HttpRequest, code: str) -> list[OrgNode]:
    org = selectors.org_get_for(request.user, code)
    return list(selectors.org_children_for(request.user, org).select_related("region"))


@router.get("/orgs/{code}/stats", response=OrgStatsOut, operation_id="orgs_stats")
def orgs_stats(request: HttpRequest, code: str) -> OrgStatsOut:
    org = selectors.org_get_for(request.user, code)
    return OrgStatsOut(
        code=org.code,
        subtree_members=subtree_total(org),
        subtree_orgs=OrgNode.objects.filter(path__startswith=org.path).count(),
    )


@router.post("/orgs", response={201: OrgOut}, operation_id="orgs_create_root")
def orgs_create_root(request: HttpRequest, payload: OrgCreateIn) -> Status:
    """A new top of the tree (a provincial or city federation): platform administrators only."""
    node = org_create(actor=request.user, parent=None, fields=payload.to_fields(), code=payload.code, request=request)
    return Status(201, node)


@router.post("/orgs/{code}/children", response={201: OrgOut}, operation_id="orgs_create_child")
def orgs_create_child(request: HttpRequest, code: str, payload: OrgCreateIn) -> Status:
    parent = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    node = org_create(actor=request.user, parent=parent, fields=payload.to_fields(), code=payload.code, request=request)
    return Status(201, node)


@router.patch("/orgs/{code}", response=OrgOut, operation_id="orgs_update")
def orgs_update(request: HttpRequest, code: str, payload: OrgPatchIn) -> OrgNode:
    org = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    return org_update(actor=request.user, org=org, fields=payload.to_fields(org), request=request)


@router.post("/orgs/{code}/move", response=OrgOut, operation_id="orgs_move")
def orgs_move(request: HttpRequest, code: str, payload: MoveIn) -> OrgNode:
    org = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    target = selectors.org_pick_for(request.user, payload.new_parent, Perm.ORG_EDIT)
    return org_move(actor=request.user, org=org, new_parent=target, request=request)


@router.get("/orgs/{code}/terms", response=list[TermOut], operation_id="orgs_terms")
def orgs_terms(request: HttpRequest, code: str) -> list[CommitteeTerm]:
    org = selectors.org_get_for(request.user, code)
    return list(selectors.terms_for_org(request.user, org))


@router.get("/enterprises", response=list[EnterpriseOut], operation_id="enterprises_list")
@paginate(LimitOffsetPagination)
def enterprises_list(request: HttpRequest, q: str = "") -> list[Enterprise]:
    return selectors.enterprises_for(request.user, q=q)  # type: ignore[return-value]


@router.get("/enterprises/{int:pk}", response=EnterpriseOut, operation_id="enterprises_get")
def enterprises_get(request: HttpRequest, pk: int) -> Enterprise:
    return selectors.enterprise_get_for(request.user, pk)


@router.patch("/enterprises/{int:pk}", response=EnterpriseOut, operation_id="enterprises_update")
def enterprises_update(request: HttpRequest, pk: int, payload: EnterprisePatchIn) -> Enterprise:
    """Change an enterprise's record, e.g. its contact person and phone (the 助企行 desk proves needs by it)."""
    enterprise = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    union = selectors.org_pick_for(request.user, payload.union_code, Perm.ORG_EDIT) if payload.union_code else None
    return enterprise_update(
        actor=request.user, enterprise=enterprise, fields=payload.to_fields(enterprise), union=union, request=request
    )


@router.post("/orgs/{code}/enterprises", response={201: EnterpriseOut}, operation_id="enterprises_create")
def enterprises_create(request: HttpRequest, code: str, payload: EnterpriseIn) -> Status:
    union = selectors.org_get_for(request.user, code, Perm.ORG_EDIT)
    enterprise = enterprise_create(
        actor=request.user, union=union, fields=EnterpriseFields(**payload.dict()), request=request
    )
    return Status(201, enterprise)

"""Staff accounts over the API (see orgs.staff_accounts): the accounts the caller manages, and their roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from gonghui.accounts.models import User
from gonghui.common.api_fields import Text50, Text100, Text150
from gonghui.orgs import selectors
from gonghui.orgs.models import StaffRole
from gonghui.orgs.roles import Perm, Role
from gonghui.orgs.staff_accounts import (
    IssuedPassword,
    acting_user,
    staff_account_create,
    staff_account_get_for,
    staff_account_set_active,
    staff_accounts_for,
    staff_password_reset,
    staff_role_grant,
    staff_role_revoke,
)

router = Router(tags=["staff"])


class StaffRoleOut(Schema):
    id: int
    org_code: str
    org_name: str
    role: Role

    @staticmethod
    def resolve_org_code(obj: StaffRole) -> str:
        return obj.org.code

    @staticmethod
    def resolve_org_name(obj: StaffRole) -> str:
        return obj.org.name


class StaffAccountOut(Schema):
    id: int
    username: str
    display_name: str
    is_active: bool
    password_change_required: bool
    last_login: dt.datetime | None
    roles: list[StaffRoleOut]

    @staticmethod
    def resolve_roles(obj: User) -> list[StaffRole]:
        return list(obj.staff_roles.all())


class StaffIssuedOut(Schema):
    account: StaffAccountOut
    password: str  # shown once: the owner must replace it at first sign-in


class StaffCreateIn(Schema):
    username: Text150
    display_name: Text50
    org_code: Text100  # a union's code, or its exact full name
    role: Role


class StaffGrantIn(Schema):
    org_code: Text100
    role: Role


class StaffResetIn(Schema):
    reset_second_factor: bool = False


def _issued(actor: User, issued: IssuedPassword) -> dict[str, Any]:
    account = staff_account_get_for(actor, issued.account.pk)  # re-read with its roles
    return {"account": account, "password": issued.password}


@router.get("/staff", response=list[StaffAccountOut], operation_id="staff_list")
@paginate(LimitOffsetPagination)
def staff_list(request: HttpRequest, q: str = "", org: str = "") -> list[User]:
    """Accounts the caller manages: every role they hold lies in the caller's staff-management scope."""
    under = selectors.org_pick_for(request.user, org) if org.strip() else None
    return staff_accounts_for(acting_user(request), q=q, org=under)  # type: ignore[return-value]


@router.post("/staff", response={201: StaffIssuedOut}, operation_id="staff_create")
def staff_create(request: HttpRequest, payload: StaffCreateIn) -> Status:
    actor = acting_user(request)
    org = selectors.org_pick_for(actor, payload.org_code, Perm.STAFF_MANAGE)
    issued = staff_account_create(
        actor=actor,
        username=payload.username,
        display_name=payload.display_name,
        org=org,
        role=payload.role,
        request=request,
    )
    return Status(201, _issued(actor, issued))


@router.get("/staff/{int:pk}", response=StaffAccountOut, operation_id="staff_get")
def staff_get(request: HttpRequest, pk: int) -> User:
    return staff_account_get_for(acting_user(request), pk)


@router.post("/staff/{int:pk}/roles", response={201: StaffAccountOut}, operation_id="staff_grant")
def staff_grant(request: HttpRequest, pk: int, payload: StaffGrantIn) -> Status:
    actor = acting_user(request)
    account = staff_account_get_for(actor, pk)
    org = selectors.org_pick_for(actor, payload.org_code, Perm.STAFF_MANAGE)
    staff_role_grant(actor=actor, account=account, org=org, role=payload.role, request=request)
    return Status(201, staff_account_get_for(actor, pk))


@router.delete("/staff/{int:pk}/roles/{int:role_id}", response={204: None}, operation_id="staff_revoke")
def staff_revoke(request: HttpRequest, pk: int, role_id: int) -> Status:
    actor = acting_user(request)
    account = staff_account_get_for(actor, pk)
    staff_role = get_object_or_404(StaffRole.objects.select_related("org"), pk=role_id, user=account)
    staff_role_revoke(actor=actor, staff_role=staff_role, request=request)
    return Status(204, None)


@router.post(
    "/staff/{int:pk}/password-reset",
    response=StaffIssuedOut,
    operation_id="staff_password_reset",
    url_name="staff_password_reset",
)
def staff_reset(request: HttpRequest, pk: int, payload: StaffResetIn) -> dict[str, Any]:
    actor = acting_user(request)
    account = staff_account_get_for(actor, pk)
    issued = staff_password_reset(
        actor=actor, account=account, reset_second_factor=payload.reset_second_factor, request=request
    )
    return _issued(actor, issued)


@router.post("/staff/{int:pk}/deactivate", response=StaffAccountOut, operation_id="staff_deactivate")
def staff_deactivate(request: HttpRequest, pk: int) -> User:
    actor = acting_user(request)
    staff_account_set_active(actor=actor, account=staff_account_get_for(actor, pk), active=False, request=request)
    return staff_account_get_for(actor, pk)


@router.post("/staff/{int:pk}/activate", response=StaffAccountOut, operation_id="staff_activate")
def staff_activate(request: HttpRequest, pk: int) -> User:
    actor = acting_user(request)
    staff_account_set_active(actor=actor, account=staff_account_get_for(actor, pk), active=True, request=request)
    return staff_account_get_for(actor, pk)

"""Staff accounts a cadre manages: create, reset the password, grant and revoke roles, deactivate.

An account belongs to whoever may manage staff over every node it holds a role on. A county's
administrator manages the accounts whose roles all lie in the county's subtree, and never one that also
serves above or beside it, nor their own (a superior resets that). So that an account never drifts out of
everyone's reach, an account keeps at least one role: the last one is not revoked, the account is
deactivated instead (and keeps its roles for the day it is enabled again).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import cast

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from gonghui.accounts.models import User, UserKind
from gonghui.accounts.services import forget_tokens
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import OrgNode, StaffRole
from gonghui.orgs.roles import Perm, Role
from gonghui.orgs.scope import forget_scopes, require, scope_for

# No 0/O, 1/l/I: the password is read aloud or copied from a screen once.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105
_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class IssuedPassword:
    account: User
    password: str  # shown once to the cadre, never stored or logged


def acting_user(request: HttpRequest) -> User:
    """The signed-in staff user of a request a `staff_view` let through."""
    return cast(User, request.user)


def _one_time_password() -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(_PASSWORD_LENGTH))


# --- reads -----------------------------------------------------------------------


def staff_accounts_for(actor: User, *, q: str = "", org: OrgNode | None = None) -> QuerySet[User]:
    """The staff accounts `actor` manages, with their roles; `org` narrows to those holding a role under it."""
    scope = scope_for(actor, Perm.STAFF_MANAGE)
    if scope.is_empty:
        return get_user_model().objects.none()
    roles = StaffRole.objects.filter(user=OuterRef("pk"))
    qs = (
        get_user_model()
        .objects.filter(kind=UserKind.STAFF, is_superuser=False)
        .exclude(pk=actor.pk)
        .filter(Exists(roles.filter(scope.q("org__"))))
    )
    if not scope.everything:
        qs = qs.exclude(Exists(roles.exclude(scope.q("org__"))))
    if org is not None:
        qs = qs.filter(Exists(roles.filter(org__path__startswith=org.path)))
    if q.strip():
        text = clean_text(q)[:50]
        qs = qs.filter(Q(username__icontains=text) | Q(display_name__icontains=text))
    staff_roles = StaffRole.objects.select_related("org").order_by("org__path", "role")
    return qs.prefetch_related(Prefetch("staff_roles", queryset=staff_roles)).order_by("username")


def staff_account_get_for(actor: User, pk: int) -> User:
    """One account `actor` manages; 404 for any other (so nobody learns which usernames exist)."""
    account = staff_accounts_for(actor).filter(pk=pk).first()
    if account is None:
        raise Http404
    return account


def staff_account_named_for(actor: User, username: str) -> User:
    """An account `actor` manages, by its username (exact, any case); 404 for any other."""
    account = staff_accounts_for(actor).filter(username__iexact=username.strip()).first()
    if account is None:
        raise Http404
    return account


def _require_manages(actor: User, account: User) -> None:
    if not staff_accounts_for(actor).filter(pk=account.pk).exists():
        raise Http404


# --- writes ----------------------------------------------------------------------


def _check_username(username: str) -> str:
    username = username.strip()
    field = get_user_model()._meta.get_field("username")
    try:
        field.run_validators(username)
    except ValidationError as exc:
        raise ValidationError({"username": exc.messages}) from exc
    if not username:
        raise ValidationError({"username": _("请填写账号。")})
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("该账号名已被使用，请换一个。")})
    return username


@transaction.atomic
def staff_account_create(
    *, actor: User, username: str, display_name: str, org: OrgNode, role: str, request: HttpRequest | None = None
) -> IssuedPassword:
    """A staff account with one role on `org` and a one-time password its owner must replace at first sign-in."""
    require(actor, org, Perm.STAFF_MANAGE)
    username = _check_username(username)
    name = clean_text(display_name)[:50]
    if not name:
        raise ValidationError({"display_name": _("请填写姓名。")})
    password = _one_time_password()
    account = get_user_model()(username=username, display_name=name, kind=UserKind.STAFF)
    account.set_password(password)
    account.password_change_required = True
    account.save()
    audit_record(
        actor=actor, action=AuditAction.CREATE, target=account, org=org, detail={"username": username}, request=request
    )
    _grant(actor=actor, account=account, org=org, role=role, request=request)
    return IssuedPassword(account=account, password=password)


@transaction.atomic
def staff_role_grant(
    *, actor: User, account: User, org: OrgNode, role: str, request: HttpRequest | None = None
) -> StaffRole:
    """Grant `role` on `org` to an account the actor manages (or is creating)."""
    require(actor, org, Perm.STAFF_MANAGE)
    _require_manages(actor, account)
    return _grant(actor=actor, account=account, org=org, role=role, request=request)


def _grant(*, actor: User, account: User, org: OrgNode, role: str, request: HttpRequest | None) -> StaffRole:
    if role not in Role.values:
        raise ValidationError({"role": _("角色无效。")})
    if not account.is_staff_account:
        raise ValidationError({"username": _("职工、商户和服务人员的账号不能授予工作人员角色。")})
    staff_role, created = StaffRole.objects.get_or_create(
        user=account, org=org, role=role, defaults={"granted_by": actor if actor.is_authenticated else None}
    )
    if not created:
        raise ValidationError({"role": _("该账号在这个工会已有这个角色。")})
    audit_record(
        actor=actor,
        action=AuditAction.GRANT,
        target=staff_role,
        org=org,
        detail={"user": account.username, "role": role},
        request=request,
    )
    forget_scopes(account)
    return staff_role


@transaction.atomic
def staff_role_revoke(*, actor: User, staff_role: StaffRole, request: HttpRequest | None = None) -> None:
    require(actor, staff_role.org, Perm.STAFF_MANAGE)
    account = get_user_model().objects.select_for_update().get(pk=staff_role.user_id)
    if account.pk == actor.pk:
        raise ValidationError(_("不能撤销自己的角色，请联系上级工会。"))
    if not StaffRole.objects.filter(user=account).exclude(pk=staff_role.pk).exists():
        raise ValidationError(_("这是该账号唯一的角色。不再使用的账号请停用，而不是撤销最后一个角色。"))
    audit_record(
        actor=actor,
        action=AuditAction.REVOKE,
        target=staff_role,
        org=staff_role.org,
        detail={"user": account.username, "role": staff_role.role},
        request=request,
    )
    staff_role.delete()
    forget_scopes(account)


def _home_org(account: User) -> OrgNode | None:
    """Where an account's audit events are filed: its highest role's node, so that node's cadres see them."""
    role = StaffRole.objects.filter(user=account).select_related("org").order_by("org__depth", "org__path").first()
    return role.org if role else None


@transaction.atomic
def staff_password_reset(
    *, actor: User, account: User, reset_second_factor: bool = False, request: HttpRequest | None = None
) -> IssuedPassword:
    """A new one-time password (signing the account out everywhere), lifting a lock-out; optionally a new
    authenticator too, for a cadre who lost their phone."""
    _require_manages(actor, account)
    password = _one_time_password()
    account.set_password(password)
    account.password_change_required = True
    account.save(update_fields=["password", "password_change_required"])
    if reset_second_factor:
        TOTPDevice.objects.filter(user=account).delete()
    transaction.on_commit(lambda: axes_reset(username=account.username))
    audit_record(
        actor=actor,
        action=AuditAction.PASSWORD_RESET,
        target=account,
        org=_home_org(account),
        detail={"second_factor": reset_second_factor},
        request=request,
    )
    return IssuedPassword(account=account, password=password)


@transaction.atomic
def staff_account_set_active(*, actor: User, account: User, active: bool, request: HttpRequest | None = None) -> User:
    """Deactivate (signed out at once, API tokens stop working) or enable again; the roles stay."""
    _require_manages(actor, account)
    if account.is_active == active:
        return account
    account.is_active = active
    account.save(update_fields=["is_active"])
    forget_tokens()  # this process at once; the others within TOKEN_CACHE_SECONDS
    audit_record(
        actor=actor,
        action=AuditAction.ACTIVATE if active else AuditAction.DEACTIVATE,
        target=account,
        org=_home_org(account),
        request=request,
    )
    return account

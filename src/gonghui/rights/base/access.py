"""The rights role: case records (legal aid, disputes, arrears, warnings) are seen only by staff holding
Perm.RIGHTS on the case's union or above (维权专员, 管理员), and every read of one is audited, as hardship files
are. A case may involve a second union (the 西安 station helping a 商南 worker): both see it."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require, scope_for

M = TypeVar("M", bound=Model)


def rights_rows(user: User, rows: QuerySet[M], *org_fields: str) -> QuerySet[M]:
    """The rows whose union (any of `org_fields`, default "org"; e.g. "org", "helping_org") lies in the
    user's rights scope; a subquery of the scope's unions keeps big tables off the join."""
    scope = scope_for(user, Perm.RIGHTS)
    if scope.everything:
        return rows
    unions = scope.orgs().values("pk")
    seen = Q(pk__in=[])
    for field in org_fields or ("org",):
        seen |= Q(**{f"{field}__in": unions})
    return rows.filter(seen)


def can_handle(user: User, org: OrgNode | None) -> bool:
    return can(user, Perm.RIGHTS, org)


def require_rights(user: User, org: OrgNode | None) -> None:
    """403 unless the user holds the rights role on `org` or above (404 outside their view, as require)."""
    require(user, org, Perm.RIGHTS)


def case_read(user: User, case: Model, org: OrgNode, request: HttpRequest | None = None) -> None:
    """Audit one read of a case record (called by every detail view, export and API answer)."""
    audit_record(actor=user, action=AuditAction.VIEW_SENSITIVE, target=case, org=org, request=request)

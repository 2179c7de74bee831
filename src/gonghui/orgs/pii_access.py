"""Full personal data: shown only with the PII_FULL permission, and always audited."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.pii_fields import Sealed
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def pii_reveal(*, actor: Any, obj: models.Model, field: str, org: OrgNode, request: HttpRequest | None = None) -> str:
    """The plain value of obj.<field>; 404/403 without permission; writes a VIEW_PII audit event."""
    require(actor, org, Perm.PII_FULL)
    sealed: Sealed | None = getattr(obj, field)
    audit_record(
        actor=actor, action=AuditAction.VIEW_PII, target=obj, org=org, detail={"field": field}, request=request
    )
    return "" if sealed is None else sealed.reveal()


def pii_display(*, actor: Any, value: Sealed | None, org: OrgNode, full: bool) -> str:
    """What a page or export shows: masked unless `full` was asked for and is permitted."""
    if value is None:
        return ""
    if full:
        require(actor, org, Perm.PII_FULL)
        return value.reveal()
    return value.masked()

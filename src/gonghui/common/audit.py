"""Writing audit events. Reads go through gonghui.orgs.selectors (scoped)."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from gonghui.common.models import AuditAction, AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our proxy (BEHIND_PROXY=1) the entry it added last."""
    if request is None:
        return None
    raw = request.META.get("REMOTE_ADDR") or ""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        raw = forwarded.rsplit(",", 1)[-1].strip() or raw
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    target: models.Model | None = None,
    org: Any = None,
    detail: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Record one event. `detail` must already hold only masked personal data."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.get_username() if authenticated else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        org=org,
        ip=client_ip(request),
        detail=detail or {},
    )


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[str]]:
    """{"field": [old, new]} for the fields that changed, as display strings."""
    return {
        name: [str(before.get(name, "")), str(value)]
        for name, value in after.items()
        if str(before.get(name, "")) != str(value)
    }

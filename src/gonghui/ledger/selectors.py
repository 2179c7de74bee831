"""Reads of the ledger: payouts are seen by those who make them (ASSISTANCE) and those who check them (FINANCE)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from gonghui.ledger.models import Payout
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require, scope_for


def require_money_role(user: Any, org: Any) -> None:
    """404 outside the user's view; 403 unless they make (ASSISTANCE) or check (FINANCE) payouts here."""
    require(user, org, Perm.VIEW)
    if not (can(user, Perm.ASSISTANCE, org) or can(user, Perm.FINANCE, org)):
        raise PermissionDenied


def _money_scope(user: Any) -> Q:
    """Payouts are seen by those who make them (ASSISTANCE) and those who check them (FINANCE)."""
    return scope_for(user, Perm.ASSISTANCE).q("org__") | scope_for(user, Perm.FINANCE).q("org__")


def payouts_for(user: Any, *, campaign: int | None = None, status: str = "") -> QuerySet[Payout]:
    payouts = Payout.objects.filter(_money_scope(user)).select_related("org", "person", "enterprise", "campaign")
    if campaign is not None:
        payouts = payouts.filter(campaign_id=campaign)
    if status:
        payouts = payouts.filter(status=status)
    return payouts.order_by("-paid_on", "-pk")


def payout_get_for(user: Any, pk: int) -> Payout:
    payout = get_object_or_404(Payout.objects.select_related("org", "person", "enterprise", "campaign"), pk=pk)
    require_money_role(user, payout.org)
    return payout

"""Reads of 劳动争议调解. Case rows only for the rights role of the case's union or a union above it (which
includes the federation a collective dispute was escalated to), every detail read audited; a worker reads the cases
they are a party of; the early warning reads counts per enterprise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from gonghui.accounts.models import User
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.rights.base.access import case_read, require_rights, rights_rows
from gonghui.rights.mediation.models import Dispute, Mediator, Panel, Party, Payment

# A dispute is escalated only to a federation above its own union, and a scope is a subtree: whoever holds
# the role on that federation already sees the case through its union. So "org" alone decides the rows (one
# IN subquery, which the list's (org, -id) index and a backward id scan both serve).
CASE_ORGS = ("org",)


@dataclass(frozen=True)
class DisputeFilters:
    status: str = ""
    source: str = ""
    collective: bool = False
    escalated_to_me: bool = False
    q: str = ""
    under: OrgNode | None = None
    year: int | None = None
    enterprise_id: int | None = None


def disputes_for(user: User, filters: DisputeFilters | None = None) -> QuerySet[Dispute]:
    """The dispute rows the user's rights role covers, newest first (keyset paging on the id)."""
    f = filters or DisputeFilters()
    qs = rights_rows(user, Dispute.objects.select_related("org", "escalated_to"), *CASE_ORGS)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.source:
        qs = qs.filter(source=f.source)
    if f.collective:
        qs = qs.filter(collective=True)
    if f.escalated_to_me:
        qs = rights_rows(user, qs.filter(escalated_to__isnull=False), "escalated_to")
    if f.q:
        qs = qs.filter(enterprise_name__contains=f.q[:50])
    if f.under is not None:
        qs = qs.filter(org__path__startswith=f.under.path)
    if f.year:
        qs = qs.filter(received_on__year=f.year)
    if f.enterprise_id:
        qs = qs.filter(enterprise_id=f.enterprise_id)
    return qs.order_by("-pk")


def dispute_get_for(user: User, pk: int, *, request: HttpRequest | None = None, audit: bool = True) -> Dispute:
    """One dispute for the rights role of its union (the federation it was escalated to is above it); 404
    outside the user's view, 403 without the role; the read is audited."""
    dispute: Dispute = get_object_or_404(
        Dispute.objects.select_related("org", "enterprise", "escalated_to", "panel", "mediator", "reporter"), pk=pk
    )
    require_rights(user, dispute.org)
    if audit:
        case_read(user, dispute, dispute.org, request)
    return dispute


def parties_of(dispute: Dispute) -> list[Party]:
    return list(dispute.parties.all())


def payments_of(dispute: Dispute) -> list[Payment]:
    return list(Payment.objects.filter(agreement__dispute=dispute))


def panels_for(user: User) -> QuerySet[Panel]:
    panels = rights_rows(user, Panel.objects.select_related("org")).prefetch_related("members")
    return panels.order_by("org__path", "name")


def panel_get_for(user: User, pk: int) -> Panel:
    panel: Panel = get_object_or_404(Panel.objects.select_related("org"), pk=pk)
    require_rights(user, panel.org)
    return panel


def panels_open_to(dispute: Dispute) -> QuerySet[Panel]:
    """Active panels of the dispute's union and the unions above it."""
    return Panel.objects.filter(org__path__in=paths_up(dispute.org.path), is_active=True).select_related("org")


def mediators_of(panel: Panel | None) -> QuerySet[Mediator]:
    if panel is None:
        return Mediator.objects.none()
    return Mediator.objects.filter(panel=panel, is_active=True)


# --- the worker's own -----------------------------------------------------------------------------


def disputes_of(person: Person) -> QuerySet[Dispute]:
    """Disputes the person is a party of (matched by their ID number's blind index), newest first."""
    own = Party.objects.filter(dispute=OuterRef("pk"), id_hmac=person.id_hmac)
    return Dispute.objects.filter(Exists(own)).select_related("org", "panel").order_by("-pk")


def dispute_of(person: Person, pk: int) -> Dispute:
    dispute: Dispute = get_object_or_404(disputes_of(person), pk=pk)
    return dispute


# --- counts ---------------------------------------------------------------------------------------


def dispute_counts(since: dt.date) -> dict[int, tuple[int, int]]:
    """enterprise id → (disputes, collective disputes) received since `since` (one GROUP BY); for the early
    warning. Applications not (yet) accepted name no enterprise and are not counted."""
    rows = (
        Dispute.objects.filter(received_on__gte=since, enterprise__isnull=False)
        .values("enterprise_id")
        .annotate(n=Count("pk"), collective=Count("pk", filter=Q(collective=True)))
        .order_by()
    )
    return {r["enterprise_id"]: (r["n"], r["collective"]) for r in rows}

"""Reads of 职代会 and 厂务公开, through the scope of the enterprise's union; and, for the contracts app,
whether an enterprise's 职代会 deliberated a collective contract (`deliberated`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gonghui.common.figures import share
from gonghui.common.idcard import normalize_idcard
from gonghui.members.choices import MembershipStatus
from gonghui.members.identity import document_hmac
from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.rights.democracy.choices import RepresentativeCategory, ResolutionSubject
from gonghui.rights.democracy.models import Disclosure, Proposal, Representative, Resolution, Session


@dataclass(frozen=True)
class Shares:
    """Representatives and each category's count and share (percent, one decimal)."""

    total: int
    counts: dict[str, int]

    def pct(self, category: str) -> float | None:
        return share(self.counts.get(category, 0), self.total)

    @property
    def rows(self) -> list[tuple[str, Any, int, float | None]]:
        return [(c.value, c.label, self.counts.get(c.value, 0), self.pct(c.value)) for c in RepresentativeCategory]


def shares(reps: QuerySet[Representative]) -> Shares:
    """One aggregate over the representatives given (e.g. a 届's, or the current 届 of every enterprise)."""
    counts = reps.aggregate(
        total=Count("pk"), **{c: Count("pk", filter=Q(**{c: True})) for c in RepresentativeCategory.values}
    )
    total = counts.pop("total")
    return Shares(total=total, counts=counts)


def current_reps(enterprises: QuerySet[Enterprise]) -> QuerySet[Representative]:
    """The representatives of each enterprise's latest 届 (the one the figures report)."""
    latest = Representative.objects.filter(enterprise=OuterRef("enterprise")).order_by("-term").values("term")[:1]
    return Representative.objects.filter(enterprise__in=enterprises.values("pk"), term=Subquery(latest))


def enterprises_for(user: Any, *, under: OrgNode | None = None, q: str = "") -> QuerySet[Enterprise]:
    """Enterprises of the unions in scope, with their latest 届, its representatives and 产业工人, and their last
    session (one query)."""
    qs = scope_for(user).filter(Enterprise.objects.select_related("union"), "union")
    if under is not None:
        qs = qs.filter(union__path__startswith=under.path)
    if q.strip():
        qs = qs.filter(name__contains=q.strip())
    latest = Representative.objects.filter(enterprise=OuterRef("pk")).order_by("-term").values("term")[:1]

    def count(**flags: bool) -> Subquery:
        reps = Representative.objects.filter(enterprise=OuterRef("pk"), term=OuterRef("term"), **flags)
        return Subquery(reps.order_by().values("enterprise").annotate(n=Count("pk")).values("n")[:1])

    last = Session.objects.filter(enterprise=OuterRef("pk")).order_by("-held_on").values("held_on")[:1]
    return (
        qs.annotate(term=Subquery(latest))
        .annotate(reps=count(), industrial=count(industrial=True), frontline=count(frontline=True))
        .annotate(last_session=Subquery(last))
        .order_by("name")
    )


def enterprise_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Enterprise:
    enterprise: Enterprise = get_object_or_404(Enterprise.objects.select_related("union", "region"), pk=pk)
    require(user, enterprise.union, perm)
    return enterprise


def terms_of(enterprise: Enterprise) -> list[int]:
    """The 届 on record, newest first."""
    reps = Representative.objects.filter(enterprise=enterprise).values_list("term", flat=True)
    held = Session.objects.filter(enterprise=enterprise).values_list("term", flat=True)
    return sorted(set(reps) | set(held), reverse=True)


def representatives_of(enterprise: Enterprise, term: int) -> QuerySet[Representative]:
    return (
        Representative.objects.filter(enterprise=enterprise, term=term)
        .select_related("membership__person")
        .order_by("pk")
    )


def representative_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Representative:
    rep: Representative = get_object_or_404(
        Representative.objects.select_related("enterprise__union", "membership__person"), pk=pk
    )
    require(user, rep.enterprise.union, perm)
    return rep


def member_of(enterprise: Enterprise, text: str) -> Membership:
    """The enterprise union's member named by 会员编号 or ID number; a field error otherwise (the same whether the
    person is registered elsewhere or nowhere)."""
    text = text.strip()
    on_roll = Membership.objects.filter(
        status=MembershipStatus.ACTIVE, org__path__startswith=enterprise.union.path
    ).select_related("person", "org")
    found = on_roll.filter(member_no=text).first() if text else None
    if found is None and len(text) >= 15:
        found = on_roll.filter(person__id_hmac=document_hmac(normalize_idcard(text))).first()
    if found is None:
        raise ValidationError({"member": _("本企业工会的在册会员中没有这个会员编号或身份证号。")})
    return found


def sessions_for(user: Any, *, under: OrgNode | None = None, year: int | None = None) -> QuerySet[Session]:
    qs = scope_for(user).filter(Session.objects.select_related("enterprise__union"), "enterprise__union")
    if under is not None:
        qs = qs.filter(enterprise__union__path__startswith=under.path)
    if year:
        qs = qs.filter(held_on__year=year)
    return qs.annotate(
        n_proposals=Count("proposals", distinct=True), n_resolutions=Count("resolutions", distinct=True)
    ).order_by("-held_on", "-pk")


def sessions_of(enterprise: Enterprise) -> QuerySet[Session]:
    return Session.objects.filter(enterprise=enterprise).order_by("-held_on", "-pk")


def session_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Session:
    session: Session = get_object_or_404(Session.objects.select_related("enterprise__union"), pk=pk)
    require(user, session.enterprise.union, perm)
    return session


def proposals_for(
    user: Any, *, under: OrgNode | None = None, year: int | None = None, status: str = ""
) -> QuerySet[Proposal]:
    qs = scope_for(user).filter(
        Proposal.objects.select_related("session__enterprise", "by__membership__person"), "session__enterprise__union"
    )
    if under is not None:
        qs = qs.filter(session__enterprise__union__path__startswith=under.path)
    if year:
        qs = qs.filter(session__held_on__year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-pk")


def proposal_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Proposal:
    proposal: Proposal = get_object_or_404(Proposal.objects.select_related("session__enterprise__union"), pk=pk)
    require(user, proposal.session.enterprise.union, perm)
    return proposal


def resolution_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Resolution:
    resolution: Resolution = get_object_or_404(Resolution.objects.select_related("session__enterprise__union"), pk=pk)
    require(user, resolution.session.enterprise.union, perm)
    return resolution


def disclosures_for(
    user: Any, *, under: OrgNode | None = None, year: int | None = None, enterprise: Enterprise | None = None
) -> QuerySet[Disclosure]:
    qs = scope_for(user).filter(Disclosure.objects.select_related("enterprise", "session"), "enterprise__union")
    if under is not None:
        qs = qs.filter(enterprise__union__path__startswith=under.path)
    if enterprise is not None:
        qs = qs.filter(enterprise=enterprise)
    if year:
        qs = qs.filter(disclosed_on__year=year)
    return qs.order_by("-disclosed_on", "-pk")


# --- for the contracts app ---------------------------------------------------------------------------------


def _contract_resolutions() -> QuerySet[Resolution]:
    return Resolution.objects.filter(subject=ResolutionSubject.CONTRACT, adopted=True)


def deliberated(enterprise_id: int, on_or_before: dt.date) -> bool:
    """Whether a session of the enterprise's 职代会 held on or before the date adopted a collective contract
    draft (a quorate session, more than half of all the representatives for)."""
    return (
        _contract_resolutions()
        .filter(session__enterprise_id=enterprise_id, session__held_on__lte=on_or_before)
        .exists()
    )


def adopted_contract(session: Session) -> bool:
    """Whether this session adopted a collective contract draft."""
    return _contract_resolutions().filter(session=session).exists()


def latest_term(enterprise: Enterprise) -> int | None:
    found: int | None = Representative.objects.filter(enterprise=enterprise).aggregate(t=Max("term"))["t"]
    return found

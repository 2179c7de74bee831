"""Campaign reads through the scope: campaigns, the campaigns a union's payouts may belong to, the list.

Coverage (what the campaign paid and reached) is the ledger's: gonghui.ledger.coverage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from gonghui.campaigns.models import Beneficiary, Campaign, JobFair
from gonghui.campaigns.spending import overspent
from gonghui.common.figures import dated_within
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for


def campaigns_for(
    user: Any,
    *,
    kind: str = "",
    year: int | None = None,
    under: OrgNode | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    over_budget: bool = False,
    fairs: bool = False,
) -> QuerySet[Campaign]:
    """Campaigns in scope, newest first: of a kind and year, hosted in `under`'s subtree, running on some day
    between `start` and `end` (as the figures count a period's campaigns), spent beyond their budget; with
    `fairs`, those that held a job fair between `start` and `end` instead (春送岗位招聘会, as counted)."""
    campaigns = scope_for(user, Perm.VIEW).filter(Campaign.objects.select_related("org"))
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if year:
        campaigns = campaigns.filter(year=year)
    if under is not None:
        campaigns = campaigns.filter(org__path__startswith=under.path)
    if fairs:
        campaigns = campaigns.filter(pk__in=fairs_held(start, end).values("campaign_id"))
    else:
        campaigns = campaigns.filter(running_q(start, end))
    if over_budget:
        campaigns = overspent(campaigns)
    return campaigns.order_by("-year", "-starts_on", "name", "pk")


def running_q(start: dt.date | None, end: dt.date | None) -> Q:
    """Campaigns running on some day between the bounds (either may be left out)."""
    q = Q()
    if start is not None:
        q &= Q(ends_on__gte=start)
    if end is not None:
        q &= Q(starts_on__lte=end)
    return q


def fairs_held(start: dt.date | None, end: dt.date | None) -> QuerySet[JobFair]:
    """Job fairs held between the bounds (either may be left out)."""
    return JobFair.objects.filter(dated_within("held_on", start, end))


@dataclass(frozen=True)
class FairTotals:
    fairs: int
    jobs: int


def fair_totals(campaigns: QuerySet[Campaign], start: dt.date | None, end: dt.date | None) -> FairTotals:
    """The job fairs the listed campaigns held between the bounds and the jobs offered there, in one query: what
    the 春送岗位招聘会 figures count."""
    t = (
        fairs_held(start, end)
        .filter(campaign__in=campaigns.order_by().values("pk"))
        .aggregate(n=Count("pk"), jobs=Sum("jobs_offered"))
    )
    return FairTotals(t["n"], t["jobs"] or 0)


def campaigns_covering(org: OrgNode, *, since_year: int = 0) -> QuerySet[Campaign]:
    """Campaigns run by `org` or a union above it: those a payout made in `org` may belong to.

    Callers have checked the user may work in `org`; a grassroots cadre pays within the town's campaign
    without seeing the town's other business.
    """
    return Campaign.objects.filter(org__path__in=paths_up(org.path), year__gte=since_year).select_related("org")


def campaign_get_for(user: Any, pk: int) -> Campaign:
    campaign = get_object_or_404(Campaign.objects.select_related("org"), pk=pk)
    require(user, campaign.org, Perm.VIEW)
    return campaign


def beneficiaries_for(user: Any, campaign: Campaign) -> QuerySet[Beneficiary]:
    """The campaign's list where the user does assistance work (names of people in hardship are not for all)."""
    rows = Beneficiary.objects.filter(campaign=campaign).select_related("person", "org")
    return scope_for(user, Perm.ASSISTANCE).filter(rows).order_by("org__path", "pk")

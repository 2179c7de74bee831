"""Each union's member_count: its own active memberships, kept by every service that changes a membership.

`member_counts_drift` compares the kept counts with a recount; `member_counts_repair` sets them from it.
Both run as one grouped query over the memberships, so a check of a million-member registry is cheap enough
for a nightly job and for `manage.py org_counters --check` in monitoring.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from gonghui.members.choices import MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import OrgNode


@dataclass(frozen=True)
class Drift:
    org_id: int
    code: str
    kept: int
    counted: int


def _counted() -> Coalesce:
    active = (
        Membership.objects.filter(org=OuterRef("pk"), status=MembershipStatus.ACTIVE)
        .order_by()
        .values("org")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(active, output_field=IntegerField()), Value(0))


def member_counts_drift() -> list[Drift]:
    """Unions whose kept count differs from their active memberships."""
    rows = OrgNode.objects.annotate(counted=_counted()).values_list("pk", "code", "member_count", "counted")
    return [Drift(pk, code, kept, counted) for pk, code, kept, counted in rows if kept != counted]


@transaction.atomic
def member_counts_repair() -> list[Drift]:
    """Set every drifting union's count from its memberships; returns what was wrong."""
    drift = member_counts_drift()
    for row in drift:
        OrgNode.objects.filter(pk=row.org_id).update(member_count=row.counted)
    return drift

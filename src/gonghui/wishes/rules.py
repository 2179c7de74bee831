"""A union's wish rules (value cap, days to deliver): its own, else the nearest ancestor's, else the default."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from gonghui.orgs.models import OrgNode, paths_up
from gonghui.wishes.models import WishPolicy

DEFAULT_CAP = Decimal(500)
DEFAULT_CLAIM_DAYS = 14
MAX_CAP = Decimal(100_000)
MAX_CLAIM_DAYS = 90


@dataclass(frozen=True)
class Rules:
    cap: Decimal
    claim_days: int
    set_by: OrgNode | None  # the union whose policy applies; None: the platform default


def yuan_text(value: Decimal) -> str:
    """An amount as a sentence says it: 200, 199.5 (never 200.00)."""
    return f"{value.quantize(Decimal('0.01')).normalize():f}"


def default_rules() -> Rules:
    cap = Decimal(str(getattr(settings, "WISH_DEFAULT_CAP", DEFAULT_CAP)))
    return Rules(cap=cap, claim_days=int(getattr(settings, "WISH_CLAIM_DAYS", DEFAULT_CLAIM_DAYS)), set_by=None)


def rules_for(org: OrgNode) -> Rules:
    """One query: the deepest policy on the union's path up to the root."""
    policy = (
        WishPolicy.objects.filter(org__path__in=paths_up(org.path))
        .select_related("org")
        .order_by("-org__depth")
        .first()
    )
    if policy is None:
        return default_rules()
    return Rules(cap=policy.cap, claim_days=policy.claim_days, set_by=policy.org)

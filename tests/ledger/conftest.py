"""Helpers of the ledger's tests: a 冬送温暖 campaign, and a payout entered as a maker would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.campaigns.choices import CampaignKind
from gonghui.campaigns.models import Campaign
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_create
from gonghui.orgs.models import OrgNode
from tests.world import World

TODAY = dt.date(2026, 1, 20)


def winter(org: OrgNode) -> Campaign:
    return Campaign.objects.create(
        org=org,
        name="2026年冬送温暖",
        kind=CampaignKind.WINTER_WARMTH,
        year=2026,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 2, 28),
        budget=Decimal("100000"),
    )


def pay(world: World, maker: str = "owner", **kwargs: object) -> Payout:
    values: dict[str, object] = {
        "actor": world.users[maker],
        "org": world.union_a,
        "kind": PayoutKind.CONDOLENCE,
        "fund": FundSource.UNION_FUNDS,
        "paid_on": TODAY,
        "amount": Decimal("3000"),
    }
    values.update(kwargs)
    return aid_payout_create(**values)  # type: ignore[arg-type]


from tests.assistance.conftest import standard  # noqa: E402, F401  (the 低保 fixture, shared with the ledger's tests)

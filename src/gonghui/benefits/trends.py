"""会员普惠's monthly series for the dashboard (ADR 0019): discounts redeemed by the subtree's members."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gonghui.benefits.models import Redemption
from gonghui.common.figures import Trend, per_month, register_trend
from gonghui.orgs.models import OrgNode


def redemptions_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the redemptions of the subtree's members in each month (by redemption time)."""
    return dict(per_month(Redemption.objects.filter(org__path__startswith=org.path), "created_at", year))


def register() -> None:
    register_trend(
        Trend(
            key="redemptions",
            label=_("优惠核销笔数"),
            unit=_("笔"),
            definition=_("本会及下级工会会员每月在特惠商户的核销笔数（凭会员卡或消费券，按核销时间）。"),
            compute=redemptions_by_month,
            order=60,
        )
    )

"""发放 figures for a union's subtree and any period (ADR 0019): approved payouts by their 发放日期, their count
and yuan (money plus goods at their value), by kind and those made in campaigns, the distinct people and
enterprises helped, and what waits for a checker; the monthly payouts for the dashboard; and, handed to the
campaigns app (below the ledger), what each kind of campaign gave and reached.

A payout counts for the union that made it (`Payout.org`), in campaigns run there or above.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.assistance.choices import PayoutKind
from gonghui.campaigns import figures as campaign_figures
from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    Trend,
    as_period,
    figure_link,
    per_month,
    register_figures,
    register_trend,
    with_definitions,
)
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.orgs.models import OrgNode

ZERO = Decimal("0.00")

DEFINITIONS = {
    "ledger_payouts": _("本期（按发放日期）本会及下级工会经审核发放的笔数（资金或物资，含助学、慰问等各类）。"),
    "ledger_amount": _("本期经审核发放的资金和物资折价合计（元）。"),
    "ledger_goods": _("本期经审核发放的物资折价合计（元），已含在发放金额中。"),
    "ledger_kind": _("本期经审核发放的该类别资金和物资折价合计（元）。"),
    "ledger_campaign_amount": _("本期在四季送、专项慰问等活动中经审核发放的资金和物资折价合计（元）。"),
    "ledger_people": _("本期经审核发放、受助的职工人数（同一人受助多次或在几个工会受助只算一人）。"),
    "ledger_enterprises": _("本期经审核发放、受助的企业家数（同一企业只算一家）。"),
    "ledger_pending": _("截至今天已登记、尚待审核的发放笔数（不论发放日期）。"),
}


def _yuan(value: Decimal | None) -> Decimal:
    # SQLite sums decimals in floating point (64999.9999999995): the ledger is kept in cents.
    return (value or ZERO).quantize(ZERO)


def _value(condition: Q | None = None) -> Sum:
    """Yuan given: the money and the goods at their value."""
    return Sum(
        F("amount") + F("goods_value"), filter=condition, output_field=DecimalField(max_digits=16, decimal_places=2)
    )


def _approved_in(org: OrgNode, period: Period) -> QuerySet[Payout]:
    return Payout.objects.filter(
        org__path__startswith=org.path, status=PayoutStatus.APPROVED, paid_on__range=(period.start, period.end)
    )


def ledger_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    done = Q(status=PayoutStatus.APPROVED, paid_on__range=(period.start, period.end))
    c = (
        Payout.objects.filter(org__path__startswith=org.path)
        .filter(done | Q(status=PayoutStatus.PENDING))
        .aggregate(
            payouts=Count("pk", filter=done),
            value=_value(done),
            goods_yuan=Sum("goods_value", filter=done),
            in_campaigns=_value(done & Q(campaign__isnull=False)),
            people=Count("person", filter=done, distinct=True),
            enterprises=Count("enterprise", filter=done, distinct=True),
            pending=Count("pk", filter=Q(status=PayoutStatus.PENDING)),
            **{f"kind_{kind}": _value(done & Q(kind=kind)) for kind in PayoutKind.values},
        )
    )
    # The approved payouts of the period on the payout list (by 发放日期, as counted); a yuan figure links to the
    # payouts it sums, whose total the list states.
    paid = lambda **params: figure_link("ledger:payouts", org, period=period, status=PayoutStatus.APPROVED, **params)  # noqa: E731
    link = paid()
    figures = [
        Figure("ledger_payouts", _("帮扶发放"), c["payouts"], _("笔"), link),
        Figure("ledger_amount", _("发放金额"), _yuan(c["value"]), _("元"), link),
        Figure("ledger_goods", _("其中物资折价"), _yuan(c["goods_yuan"]), _("元"), link),
        *(
            Figure(f"ledger_kind_{kind.value}", kind.label, _yuan(c[f"kind_{kind.value}"]), _("元"), paid(kind=kind))
            for kind in PayoutKind
        ),
        Figure("ledger_campaign_amount", _("其中活动发放"), _yuan(c["in_campaigns"]), _("元"), paid(in_campaign=1)),
        Figure("ledger_people", _("受助职工"), c["people"], _("人"), link, rollup=Rollup.RECOUNT),
        Figure("ledger_enterprises", _("受助企业"), c["enterprises"], _("家"), link, rollup=Rollup.RECOUNT),
        Figure(
            "ledger_pending",
            _("待审核发放"),
            c["pending"],
            _("笔"),
            figure_link("ledger:payouts", org, status=PayoutStatus.PENDING),
            rollup=Rollup.RECOUNT,
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def campaign_paid(org: OrgNode, period: Period) -> dict[str, campaign_figures.Paid]:
    """What the subtree's unions gave in campaigns in the period, by campaign kind and for all kinds: two
    queries (the people of all kinds together are recounted, a person reached by two kinds being one)."""
    in_campaigns = _approved_in(org, period).filter(campaign__isnull=False)
    out = {
        kind: campaign_figures.Paid(_yuan(given), people)
        for kind, given, people in in_campaigns.values("campaign__kind")
        .annotate(given=_value(), people=Count("person", distinct=True))
        .values_list("campaign__kind", "given", "people")
    }
    everyone = in_campaigns.aggregate(people=Count("person", distinct=True))["people"]
    total = sum((paid.value for paid in out.values()), ZERO)
    out[campaign_figures.ALL_KINDS] = campaign_figures.Paid(total, everyone)
    return out


def _by_month(org: OrgNode, year: int, measure: Count | Sum) -> dict[int, int | Decimal]:
    paid = Payout.objects.filter(org__path__startswith=org.path, status=PayoutStatus.APPROVED)
    rows = per_month(paid, "paid_on", year, measure)
    return {month: _yuan(n) if isinstance(n, Decimal) else n for month, n in rows}


def amount_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the yuan the subtree's unions paid (approved) in each month of the year."""
    return _by_month(org, year, _value())


def payouts_by_month(org: OrgNode, year: int) -> dict[int, int | Decimal]:
    """One grouped query: the approved payouts the subtree's unions made in each month of the year."""
    return _by_month(org, year, Count("pk"))


def register() -> None:
    register_figures("ledger", _("帮扶发放"), ledger_figures, order=8, periodic=True)
    campaign_figures.paid_reader_set(campaign_paid)
    register_trend(
        Trend(
            key="ledger_amount",
            label=_("帮扶发放金额"),
            unit=_("元"),
            definition=_("本会及下级工会每月经审核发放的资金和物资折价合计（元，按发放日期）。"),
            compute=amount_by_month,
            order=8,
        )
    )
    register_trend(
        Trend(
            key="ledger_payouts",
            label=_("帮扶发放笔数"),
            unit=_("笔"),
            definition=_("本会及下级工会每月经审核发放的笔数（按发放日期）。"),
            compute=payouts_by_month,
            order=9,
        )
    )

"""会员普惠 figures for a union's subtree and any period (ADR 0019): cards held ("旅游年卡1.7万余张"), merchants,
discounts ("优惠额累计70余万元") and vouchers. Cards held and pending are as of today; merchants as of the period's
end; issues, redemptions and vouchers count in the period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import CardKind, CardStatus, MerchantStatus, VoucherStatus
from gonghui.benefits.models import MemberCard, Merchant, Redemption, Voucher
from gonghui.common.figures import (
    Figure,
    Period,
    Rollup,
    as_period,
    figure_link,
    local_midnight,
    register_figures,
    with_definitions,
)
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "cards": _("本会及下级工会会员持有的有效会员卡张数（各卡种合计，不含申请中、挂失、注销和过期）。"),
    "cards_issued": _("本期新发的会员卡张数（按生效日期，含之后挂失、注销或过期的）。"),
    "cards_pending": _("会员在“我的”提交、尚待发卡工会审核的申请。"),
    "merchants": _(
        "本会及下级工会签约、目前审核通过且期末（期末在今天之后的按今天）在协议期内的特惠商户家数（不含暂停的）。"
    ),
    "redemptions": _("本期本会及下级工会会员在特惠商户的核销笔数（凭会员卡或消费券，按核销时间）。"),
    "discount_year": _("本期本会及下级工会会员在特惠商户获得的优惠金额（原价减实付，含消费券面额）。"),
    "discount_total": _("截至期末本会及下级工会会员在特惠商户累计获得的优惠金额（原价减实付）。"),
    "vouchers_issued": _("本期本会及下级工会会员领取（含按规则发放）的消费券张数。"),
    "vouchers_redeemed": _("本期领取的消费券中已在商户使用的张数。"),
    "vouchers_expired": _("本期领取的消费券中过期未用、已退回预算的张数。"),
}


def benefits_figures(org: OrgNode, period: Period | int) -> list[Figure]:
    period = as_period(period)
    day = min(period.end, timezone.localdate())
    cards = MemberCard.objects.filter(org__path__startswith=org.path)
    counts = cards.aggregate(
        active=Count("pk", filter=Q(status=CardStatus.ACTIVE)),
        issued=Count("pk", filter=Q(valid_from__range=(period.start, period.end))),
        pending=Count("pk", filter=Q(status=CardStatus.APPLIED)),
        **{f"kind_{k}": Count("pk", filter=Q(status=CardStatus.ACTIVE, product__kind=k)) for k in CardKind.values},
    )
    # The cards the subtree's members hold, by product: today's for the stocks, by 生效日期 for those issued.
    held = lambda **params: figure_link("benefits:products", org, held=1, **params)  # noqa: E731
    stock = Rollup.RECOUNT  # standing on a day: recounted for the subtree, never summed
    active = CardStatus.ACTIVE
    figures = [
        Figure("cards", _("有效会员卡"), counts["active"], _("张"), held(status=active), rollup=stock),
        *(
            Figure(
                f"cards_{k}", CardKind(k).label, counts[f"kind_{k}"], _("张"), held(status=active, kind=k), rollup=stock
            )
            for k in CardKind.values
        ),
        Figure("cards_issued", _("新发会员卡"), counts["issued"], _("张"), held(period=period)),
        Figure(
            "cards_pending",
            _("待审核办卡申请"),
            counts["pending"],
            _("份"),
            held(status=CardStatus.APPLIED),
            rollup=stock,
        ),
        Figure(
            "merchants",
            _("特惠商户"),
            Merchant.objects.filter(
                org__path__startswith=org.path,
                status=MerchantStatus.APPROVED,
                agreement_from__lte=day,
                agreement_until__gte=day,
            ).count(),
            _("家"),
            figure_link("benefits:merchants", org, status=MerchantStatus.APPROVED, end=day.isoformat()),
            rollup=stock,
        ),
    ]
    return with_definitions(figures + _money_figures(org, period), DEFINITIONS)


def _money_figures(org: OrgNode, period: Period) -> list[Figure]:
    starts, after = local_midnight(period.start), local_midnight(period.end + dt.timedelta(days=1))
    spent = Redemption.objects.filter(org__path__startswith=org.path, created_at__lt=after)
    within = Q(created_at__gte=starts)
    sums = spent.aggregate(n=Count("pk", filter=within), year=Sum("discount", filter=within), total=Sum("discount"))
    taken = Voucher.objects.filter(
        org__path__startswith=org.path, issued_at__gte=starts, issued_at__lt=after
    ).aggregate(
        issued=Count("pk"),
        redeemed=Count("pk", filter=Q(status=VoucherStatus.REDEEMED)),
        expired=Count("pk", filter=Q(status=VoucherStatus.EXPIRED)),
    )
    link = figure_link("benefits:redemptions", org, period=period)
    # Every redemption until the period's end: what the accumulated discount sums.
    until_end = figure_link("benefits:redemptions", org, end=period.end.isoformat())
    vouchers = lambda **params: figure_link("benefits:vouchers", org, period=period, **params)  # noqa: E731
    return [
        Figure("redemptions", _("优惠核销"), sums["n"], _("笔"), link),
        Figure("discount_year", _("会员优惠额"), sums["year"] or Decimal(0), _("元"), link),
        Figure(
            "discount_total",
            _("累计会员优惠额"),
            sums["total"] or Decimal(0),
            _("元"),
            until_end,
            rollup=Rollup.RECOUNT,
        ),
        Figure("vouchers_issued", _("消费券发放"), taken["issued"], _("张"), vouchers()),
        Figure(
            "vouchers_redeemed", _("消费券使用"), taken["redeemed"], _("张"), vouchers(status=VoucherStatus.REDEEMED)
        ),
        Figure(
            "vouchers_expired", _("消费券过期退回"), taken["expired"], _("张"), vouchers(status=VoucherStatus.EXPIRED)
        ),
    ]


def register() -> None:
    register_figures("benefits", _("会员普惠"), benefits_figures, order=60, periodic=True)

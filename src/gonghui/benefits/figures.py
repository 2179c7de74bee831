"""会员普惠 figures for a union's subtree: cards held ("旅游年卡1.7万余张")."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.benefits.choices import CardKind, CardStatus, MerchantStatus
from gonghui.benefits.models import MemberCard, Merchant
from gonghui.common.figures import Figure, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode

DEFINITIONS = {
    "cards": _("本会及下级工会会员持有的有效会员卡张数（各卡种合计，不含申请中、挂失、注销和过期）。"),
    "cards_issued": _("本年度新发的会员卡张数（按生效日期，含之后挂失、注销或过期的）。"),
    "cards_pending": _("会员在“我的”提交、尚待发卡工会审核的申请。"),
    "merchants": _("本会及下级工会签约、审核通过且今天在协议期内的特惠商户家数（不含暂停的）。"),
}


def benefits_figures(org: OrgNode, year: int) -> list[Figure]:
    today = timezone.localdate()
    cards = MemberCard.objects.filter(org__path__startswith=org.path)
    counts = cards.aggregate(
        active=Count("pk", filter=Q(status=CardStatus.ACTIVE)),
        issued=Count("pk", filter=Q(valid_from__year=year)),
        pending=Count("pk", filter=Q(status=CardStatus.APPLIED)),
        **{f"kind_{k}": Count("pk", filter=Q(status=CardStatus.ACTIVE, product__kind=k)) for k in CardKind.values},
    )
    link = figure_link("benefits:products", org)
    figures = [
        Figure("cards", _("有效会员卡"), counts["active"], _("张"), link),
        *(Figure(f"cards_{k}", CardKind(k).label, counts[f"kind_{k}"], _("张"), link) for k in CardKind.values),
        Figure("cards_issued", _("本年发卡"), counts["issued"], _("张"), link),
        Figure("cards_pending", _("待审核办卡申请"), counts["pending"], _("份"), link),
        Figure(
            "merchants",
            _("特惠商户"),
            Merchant.objects.filter(
                org__path__startswith=org.path,
                status=MerchantStatus.APPROVED,
                agreement_from__lte=today,
                agreement_until__gte=today,
            ).count(),
            _("家"),
            figure_link("benefits:merchants", org, status=MerchantStatus.APPROVED),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("benefits", _("会员普惠"), benefits_figures, order=60)

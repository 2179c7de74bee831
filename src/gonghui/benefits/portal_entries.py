"""What benefits add to the worker portal: 会员卡 on the front page, and the worker's cards in 我的."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.benefits.choices import CardStatus
from gonghui.benefits.selectors import cards_of
from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person


def card_rows(person: Person) -> list[MyRow]:
    rows = []
    for card in cards_of(person)[:10]:
        until = _("有效期至%(d)s") % {"d": card.valid_until} if card.status == CardStatus.ACTIVE else ""
        rows.append(
            MyRow(
                title=f"{card.product.name} · {card.number}",
                status=card.get_status_display(),
                next_step=until or card.reason,
                at=card.created_at,
                url=reverse("benefits_h5:cards"),
            )
        )
    return rows


def register() -> None:
    register_portal_link(
        PortalLink(gettext_lazy("会员卡"), gettext_lazy("会员服务卡、旅游年卡：申请和查看"), "benefits_h5:cards", 30)
    )
    register_portal_link(
        PortalLink(gettext_lazy("消费券"), gettext_lazy("清凉券、消费券：领取和查看"), "benefits_h5:vouchers", 31)
    )
    register_portal_link(
        PortalLink(
            gettext_lazy("优惠记录"), gettext_lazy("会员卡和消费券在特惠商户的优惠"), "benefits_h5:discounts", 32
        )
    )
    register_my_section(MySection(gettext_lazy("我的会员卡"), card_rows, order=25))

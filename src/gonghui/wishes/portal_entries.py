"""What wishes add to the worker portal: 微心愿 on the front page, and my wishes and my claims in 我的."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.wishes.choices import ClaimStatus, WishStatus
from gonghui.wishes.selectors import claims_of, wishes_of

WISH_NEXT: dict[str, Any] = {
    WishStatus.PENDING: gettext_lazy("等待工会审核"),
    WishStatus.OPEN: gettext_lazy("已上心愿墙，等待爱心认领"),
    WishStatus.CLAIMED: gettext_lazy("已有爱心人士认领，请留意送达"),
    WishStatus.FULFILLED: gettext_lazy("收到后请确认，并给认领人留句感谢"),
}


def wish_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=w.title,
            status=w.get_status_display(),
            next_step=w.reason if w.status == WishStatus.REJECTED else str(WISH_NEXT.get(w.status, "")),
            at=w.created_at,
            url=reverse("wishes_h5:mine") + f"#wish-{w.pk}",
        )
        for w in wishes_of(person)[:10]
    ]


def claim_rows(person: Person) -> list[MyRow]:
    rows = []
    for c in claims_of(person)[:10]:
        step = ""
        if c.status == ClaimStatus.ACTIVE:
            step = _("请于%(d)s前送达并登记") % {"d": timezone.localtime(c.due_at).strftime("%Y-%m-%d")}
        rows.append(
            MyRow(
                title=c.wish.title,
                status=c.get_status_display(),
                next_step=step,
                at=c.created_at,
                url=reverse("wishes_h5:mine") + f"#claim-{c.pk}",
            )
        )
    return rows


def register() -> None:
    register_portal_link(
        PortalLink(gettext_lazy("微心愿"), gettext_lazy("许一个小心愿，或帮别人圆一个梦"), "wishes_h5:wall", 40)
    )
    register_my_section(MySection(gettext_lazy("我的微心愿"), wish_rows, order=35))
    register_my_section(MySection(gettext_lazy("我认领的心愿"), claim_rows, order=36))

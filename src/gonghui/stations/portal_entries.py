"""What 服务阵地 adds to the worker portal: 附近服务站 on the front page and in 我的, and in 我的 the
worker's own room bookings."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.stations.choices import BookingStatus
from gonghui.stations.selectors import bookings_of


def booking_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=f"{b.room.station.name} · {b.room.name}",
            status=b.get_status_display(),
            next_step=_("请按时到场") if b.status == BookingStatus.APPROVED else "",
            at=b.starts_at,
            url=reverse("stations_h5:my_bookings"),
        )
        for b in bookings_of(person)[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("附近服务站"),
            gettext_lazy("职工之家、户外劳动者服务站、母婴关爱室：喝水、充电、歇脚"),
            "stations_h5:near",
            order=20,
        )
    )
    register_my_section(MySection(gettext_lazy("阵地预约"), booking_rows, order=70))

"""What 预约服务 adds to the worker portal: 预约服务 on the front page and in 我的, and the worker's own
appointments in 我的."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.appointments.choices import AppointmentStatus
from gonghui.appointments.selectors import appointments_of
from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person


def appointment_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=f"{a.get_kind_display()} · {a.provider.name}",
            status=a.get_status_display(),
            next_step=_("请按时参加") if a.status == AppointmentStatus.BOOKED else "",
            at=a.starts_at,
            url=reverse("appointments_h5:services"),
        )
        for a in appointments_of(person).select_related("provider")[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("预约服务"),
            gettext_lazy("心理咨询、法律咨询：一对一预约"),
            "appointments_h5:services",
            order=40,
        )
    )
    register_my_section(MySection(gettext_lazy("我的预约"), appointment_rows, order=75))

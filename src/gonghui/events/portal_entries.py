"""What events add to the worker portal: 活动报名 on the front page, and 我的活动 in 我的."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.events.choices import SignUpStatus
from gonghui.events.selectors import signups_of
from gonghui.members.models import Person


def _next_step(status: str) -> str:
    if status == SignUpStatus.OFFERED:
        return _("有名额空出，请尽快确认")
    if status in (SignUpStatus.CONFIRMED, SignUpStatus.WAITING):
        return _("到场出示活动票券签到")
    return ""


def signup_rows(person: Person) -> list[MyRow]:
    now = timezone.now()
    return [
        MyRow(
            title=s.event.title,
            status=_("已签到") if s.checked_in_at else s.get_status_display(),
            next_step=_next_step(s.status) if s.event.ends_at > now else "",
            at=s.event.starts_at,
            url=reverse("events_h5:ticket", args=[s.pk]),
        )
        for s in signups_of(person)[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("活动报名"), gettext_lazy("讲座、文体、交友、服务集市，报名和签到"), "events_h5:list", 20
        )
    )
    register_my_section(MySection(gettext_lazy("我的活动"), signup_rows, order=30))

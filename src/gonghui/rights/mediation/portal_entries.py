"""What 劳动争议调解 adds to the worker portal: 申请调解 on the front page, and the disputes the worker is a
party of in 我的 (status and next step only)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.rights.mediation.choices import Status
from gonghui.rights.mediation.selectors import disputes_of

NEXT: dict[str, Any] = {
    Status.SUBMITTED: gettext_lazy("等待工会受理"),
    Status.OPEN: gettext_lazy("工会已受理，调解员将联系您"),
    Status.MEDIATING: gettext_lazy("调解中，请按约参加调解"),
    Status.AGREED: gettext_lazy("已达成调解协议，请留意按期支付"),
}


def dispute_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=_("劳动争议调解：%(e)s") % {"e": d.enterprise_name},
            status=d.get_status_display(),
            next_step=str(NEXT.get(d.status, "")) or d.outcome_note,
            at=d.received_on,
            url=reverse("mediation_h5:case", args=[d.pk]),
        )
        for d in disputes_of(person)[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("劳动争议调解"),
            gettext_lazy("与单位有劳动争议，申请工会免费调解"),
            "mediation_h5:mine",
            order=60,
        )
    )
    register_my_section(MySection(gettext_lazy("我的劳动争议调解"), dispute_rows, order=80))

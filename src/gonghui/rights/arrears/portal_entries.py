"""What 欠薪治理 adds to the worker portal: 反映欠薪 on the front page, and the worker's own reports in 我的
(the stage and what they were told)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.rights.arrears.choices import ArrearsStage
from gonghui.rights.arrears.selectors import reports_of

NEXT: dict[str, Any] = {
    ArrearsStage.REPORTED: gettext_lazy("等待工会核实受理"),
    ArrearsStage.ACCEPTED: gettext_lazy("工会已受理，正在分流处理"),
    ArrearsStage.DIVERTED: gettext_lazy("正在处置"),
}


def report_rows(person: Person) -> list[MyRow]:
    return [
        MyRow(
            title=_("欠薪：%(e)s") % {"e": r.enterprise_name},
            status=r.get_stage_display(),
            next_step=str(NEXT.get(r.stage, "")) or r.feedback,
            at=r.received_on,
            url=reverse("arrears_h5:detail", args=[r.pk]),
        )
        for r in reports_of(person)[:10]
    ]


def register() -> None:
    register_portal_link(
        PortalLink(
            gettext_lazy("反映欠薪"),
            gettext_lazy("工资被拖欠？告诉工会，帮您追讨"),
            "arrears_h5:mine",
            order=62,
        )
    )
    register_my_section(MySection(gettext_lazy("我反映的欠薪"), report_rows, order=82))

"""What training adds to the worker portal: 职工培训 on the front page, and 我的培训 in 我的."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.portal import MyRow, MySection, PortalLink, register_my_section, register_portal_link
from gonghui.members.models import Person
from gonghui.skills.training.choices import EnrolmentStatus
from gonghui.skills.training.selectors import completions_of, enrolments_of


def training_rows(person: Person) -> list[MyRow]:
    done = completions_of(person)
    rows = []
    for e in enrolments_of(person)[:10]:
        if e.klass_id in done:
            status, step = _("已结业"), _("查看结业证书")
        elif e.status == EnrolmentStatus.WITHDRAWN:
            status, step = e.get_status_display(), ""
        else:
            status, step = e.get_status_display(), _("按课次出示票券签到")
        rows.append(
            MyRow(
                title=e.klass.title,
                status=status,
                next_step=step,
                at=e.created_at,
                url=reverse("training_h5:mine") + f"#class-{e.klass_id}",
            )
        )
    return rows


def register() -> None:
    register_portal_link(
        PortalLink(gettext_lazy("职工培训"), gettext_lazy("技能培训班报名、签到和结业证书"), "training_h5:list", 25)
    )
    register_my_section(MySection(gettext_lazy("我的培训"), training_rows, order=32))
